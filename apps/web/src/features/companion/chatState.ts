import {
  COMPANION_LIMITS,
  DEFAULT_COMPANION_RETENTION,
  type CompanionModeId,
  type CompanionRetention,
} from '@engawa/shared';
import type { ChatEvent, ShownContact } from './sse.ts';

/**
 * The conversation on screen, as a pure reducer. For a conversation that is not kept (the default)
 * this state is the only copy anywhere: the server forgets each message once it has answered, and
 * the turns are sent back as `history` with the next one.
 */

export interface CrisisInfo {
  contacts: ShownContact[];
  publicContacts: ShownContact[];
}

export interface Turn {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  /**
   * ok: part of the conversation; streaming: arriving now; stopped: the user stopped it (shown,
   * not sent back as history: the server does not keep it either); failed: a user message that got
   * no answer (shown with its error and a retry, never lost).
   */
  status: 'ok' | 'streaming' | 'stopped' | 'failed';
  /** The mode's opening question, shown before the first message. */
  opening?: boolean;
  /** Support contacts to show above this answer (a crisis was suggested by the message before it). */
  crisis?: CrisisInfo;
  /** What the AI did on the user's behalf while answering (e.g. saved a note). */
  tools?: Array<{ ok: boolean; summary: string }>;
}

export interface ChatState {
  mode: CompanionModeId;
  turns: Turn[];
  /** Set once the conversation is kept (the server created it); then the server holds the history. */
  conversationId: string | null;
  retention: CompanionRetention;
  /** A request is in flight. */
  pending: boolean;
  /** The user pressed stop, but the stream is still read to learn the new conversation's id. */
  stopRequested: boolean;
  /** The last failure, shown next to the failed message. */
  error: { message: string; turnId: string } | null;
}

export type ChatAction =
  | { type: 'reset'; mode?: CompanionModeId; opening?: string; retention?: CompanionRetention }
  | { type: 'mode'; mode: CompanionModeId; opening: string }
  | { type: 'retention'; retention: CompanionRetention }
  | { type: 'load'; conversation: LoadedConversation }
  | { type: 'send'; content: string; userTurnId: string; answerTurnId: string; retryOf?: string }
  | { type: 'event'; event: ChatEvent }
  | { type: 'stop' }
  | { type: 'fail'; message: string }
  | { type: 'discard'; turnId: string };

export interface LoadedConversation {
  id: string;
  mode: CompanionModeId;
  retention: CompanionRetention;
  messages: Array<{ role: 'user' | 'assistant'; content: string }>;
}

let counter = 0;
/** A local id for a turn (React keys, retry targets); never sent anywhere. */
export function turnId(): string {
  counter += 1;
  return `t${counter}`;
}

function openingTurn(opening: string | undefined): Turn[] {
  return opening ? [{ id: turnId(), role: 'assistant', content: opening, status: 'ok', opening: true }] : [];
}

export function initialChat(
  mode: CompanionModeId = 'free',
  opening?: string,
  retention: CompanionRetention = DEFAULT_COMPANION_RETENTION,
): ChatState {
  return {
    mode,
    turns: openingTurn(opening),
    conversationId: null,
    retention,
    pending: false,
    stopRequested: false,
    error: null,
  };
}

/** True once the user has written something (the mode is then fixed for this conversation). */
export function hasStarted(state: ChatState): boolean {
  return state.turns.some((t) => t.role === 'user');
}

/** True when there is something of the user's to summarise. */
export function canSummarise(state: ChatState): boolean {
  return !state.pending && state.turns.some((t) => t.role === 'user' && t.status === 'ok');
}

function updateTurn(turns: Turn[], id: string, change: (t: Turn) => Turn | null): Turn[] {
  const out: Turn[] = [];
  for (const t of turns) {
    if (t.id !== id) out.push(t);
    else {
      const next = change(t);
      if (next) out.push(next);
    }
  }
  return out;
}

/** The answer of the request in flight: the last assistant turn that is not the opening question. */
function currentAnswer(state: ChatState): Turn | undefined {
  const last = state.turns.findLast((t) => t.role === 'assistant' && !t.opening);
  return last && (last.status === 'streaming' || last.status === 'stopped') ? last : undefined;
}

/** The user turn the current request answers (the last user turn). */
function lastUserTurn(state: ChatState): Turn | undefined {
  return state.turns.findLast((t) => t.role === 'user');
}

function failLast(state: ChatState, message: string): ChatState {
  const user = lastUserTurn(state);
  let turns = state.turns;
  const answer = currentAnswer(state);
  // An answer cut off by a failure is dropped: the retry asks again; a stopped one stays as it was.
  if (answer && answer.status === 'streaming') turns = updateTurn(turns, answer.id, () => null);
  if (user) turns = updateTurn(turns, user.id, (t) => ({ ...t, status: 'failed' }));
  return {
    ...state,
    turns,
    pending: false,
    stopRequested: false,
    error: user ? { message, turnId: user.id } : null,
  };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'reset':
      return initialChat(action.mode, action.opening, action.retention);
    case 'mode':
      if (hasStarted(state) || state.pending) return state;
      return { ...state, mode: action.mode, turns: openingTurn(action.opening) };
    case 'retention':
      // Before keeping: the choice sent with the next message; once kept: what the server now says.
      return { ...state, retention: action.retention };
    case 'load':
      return {
        ...initialChat(action.conversation.mode, undefined, action.conversation.retention),
        conversationId: action.conversation.id,
        turns: action.conversation.messages.map((m) => ({
          id: turnId(),
          role: m.role,
          content: m.content,
          status: 'ok',
        })),
      };
    case 'send': {
      if (state.pending) return state;
      let turns = state.turns;
      const retried = action.retryOf ? turns.find((t) => t.id === action.retryOf) : undefined;
      if (retried) {
        // Sent again: it moves to the end, where its answer will appear.
        turns = [...updateTurn(turns, retried.id, () => null), { ...retried, status: 'ok' }];
      } else {
        turns = [...turns, { id: action.userTurnId, role: 'user', content: action.content, status: 'ok' }];
      }
      turns = [...turns, { id: action.answerTurnId, role: 'assistant', content: '', status: 'streaming' }];
      return { ...state, turns, pending: true, stopRequested: false, error: null };
    }
    case 'event':
      return applyEvent(state, action.event);
    case 'stop': {
      const answer = currentAnswer(state);
      if (!state.pending || !answer || answer.status !== 'streaming') return state;
      return {
        ...state,
        turns: updateTurn(state.turns, answer.id, (t) => ({ ...t, status: 'stopped' })),
        // Still reading only when a new kept conversation's id has not arrived yet (see ChatPage).
        stopRequested: true,
      };
    }
    case 'fail':
      if (!state.pending) return state;
      if (state.stopRequested) return { ...state, pending: false, stopRequested: false };
      return failLast(state, action.message);
    case 'discard':
      return {
        ...state,
        turns: updateTurn(state.turns, action.turnId, () => null),
        error: state.error?.turnId === action.turnId ? null : state.error,
      };
  }
}

function applyEvent(state: ChatState, event: ChatEvent): ChatState {
  const live = state.pending ? currentAnswer(state) : undefined;
  switch (event.type) {
    case 'text':
      if (!live || live.status !== 'streaming') return state;
      return {
        ...state,
        turns: updateTurn(state.turns, live.id, (t) => ({ ...t, content: t.content + event.delta })),
      };
    case 'crisis':
      if (!live) return state;
      return {
        ...state,
        turns: updateTurn(state.turns, live.id, (t) => ({
          ...t,
          crisis: { contacts: event.contacts, publicContacts: event.publicContacts },
        })),
      };
    case 'tool':
      if (!live) return state;
      return {
        ...state,
        turns: updateTurn(state.turns, live.id, (t) => ({
          ...t,
          tools: [...(t.tools ?? []), { ok: event.ok, summary: event.summary }],
        })),
      };
    case 'error':
      // The `done` that follows still brings the id of a kept conversation (which holds the message).
      return { ...failLast(state, event.message), pending: state.pending };
    case 'done': {
      const conversationId = event.conversationId ?? state.conversationId;
      let turns = state.turns;
      if (live?.status === 'streaming') {
        turns = updateTurn(turns, live.id, (t) => (t.content.trim() ? { ...t, status: 'ok' } : null));
      }
      return { ...state, turns, conversationId, pending: false, stopRequested: false };
    }
  }
}

/** At most `max` UTF-16 units (what the server counts), never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * The earlier turns to send back with a message of a conversation that is not kept (the server
 * keeps none). Only turns that are part of the conversation (not stopped or failed ones, and not
 * `except`, the message being sent again), the newest ones that fit the server's limits.
 */
export function historyFor(
  state: ChatState,
  except?: string,
): Array<{ role: 'user' | 'assistant'; content: string }> {
  const usable = state.turns
    .filter((t) => t.id !== except && t.status === 'ok' && t.content.trim())
    .map((t) => ({ role: t.role, content: clip(t.content, COMPANION_LIMITS.historyMessageMax) }));
  const out: Array<{ role: 'user' | 'assistant'; content: string }> = [];
  let chars = 0;
  for (let i = usable.length - 1; i >= 0; i--) {
    const m = usable[i]!;
    if (out.length >= COMPANION_LIMITS.historyMaxMessages) break;
    if (chars + m.content.length > COMPANION_LIMITS.historyMaxChars) break;
    chars += m.content.length;
    out.unshift(m);
  }
  return out;
}
