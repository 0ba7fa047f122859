import { COMPANION_LIMITS, translate, type ErrorCode } from '@engawa/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { ChatMessage, CompanionEngine, CompanionMode, CompanionTools } from './engine.ts';
import type { ChatBody } from './schema.ts';
import {
  appendMessages,
  changeConversation,
  createConversation,
  type OpenedConversation,
} from './conversations.ts';
import { companyContacts, detectCrisis, publicContacts, type ShownContact } from './crisis.ts';
import { createNote } from './notes.ts';
import { aiPolicyFor, readSettings } from './settings.ts';
import { recordMonthlyUse } from './usage.ts';
import { agendaMarkdown } from './format.ts';
import { careerCompanionTools } from '../career/companion-tools.ts';

/** One Server-Sent Event of the chat stream (`data: <json>`). */
export type ChatEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool'; name: string; ok: boolean; summary: string }
  | { type: 'crisis'; contacts: ShownContact[]; publicContacts: ShownContact[] }
  | { type: 'error'; code: ErrorCode; message: string }
  | { type: 'done'; conversationId?: string };

/**
 * Everything that can fail with a plain HTTP error happens here, before the stream starts:
 * validation of the history, the owner's conversation (404 if not theirs), and — for a kept
 * conversation — appending the user's message BEFORE the engine runs, so a model failure never
 * loses what they wrote. Returns the event stream to send.
 *
 * What is never done: the message, the mode, a crisis match or the answer are never logged,
 * counted or flagged. The only trace of use is the month's keyed hash (see usage.ts).
 */
export async function startChat(
  deps: AppDeps,
  engine: CompanionEngine,
  actor: Actor,
  body: ChatBody,
  log: FastifyBaseLogger,
  signal: AbortSignal,
  now = new Date(),
): Promise<AsyncIterable<ChatEvent>> {
  const clientHistory: ChatMessage[] = body.history ?? [];
  if (clientHistory.reduce((n, m) => n + m.content.length, 0) > COMPANION_LIMITS.historyMaxChars) {
    throw new AppError('companion.history_too_large', { fields: [{ field: 'history', code: 'too_long' }] });
  }
  const crisis = detectCrisis(body.message);

  let vault: OwnerVault | undefined;
  const ownerVault = async () => (vault ??= await deps.vault.forOwner(actor));
  let kept: OpenedConversation | undefined;
  let history: ChatMessage[];
  let mode: CompanionMode;

  if (body.conversationId) {
    kept = await appendMessages(deps, await ownerVault(), body.conversationId, now, (c) => {
      const last = c.messages.at(-1);
      // A retry after a failed answer: the message is already stored, do not store it twice.
      if (last?.role === 'user' && last.content === body.message) return [];
      if (c.messages.length + 2 > COMPANION_LIMITS.conversationMaxMessages) {
        throw new AppError('companion.conversation_full');
      }
      return [{ role: 'user', content: body.message, at: now.toISOString() }];
    });
    history = kept.messages.slice(0, -1).map(({ role, content }) => ({ role, content }));
    mode = kept.meta.mode;
  } else if (body.retention && body.retention !== 'ephemeral') {
    mode = body.mode ?? 'free';
    kept = await createConversation(deps, await ownerVault(), {
      mode,
      retention: body.retention,
      history: clientHistory,
      message: body.message,
      now,
    });
    history = clientHistory;
  } else {
    mode = body.mode ?? 'free';
    history = clientHistory;
  }

  await recordMonthlyUse(deps, actor, now);
  const settings = await readSettings(deps);
  const locale = actor.locale;

  const tools: CompanionTools = {
    async savePrivateNote(input) {
      const note = await createNote(deps, await ownerVault(), {
        title: input.title,
        body: input.body,
        conversationId: kept?.id ?? null,
        locale,
        now: new Date(),
      });
      return { id: note.id };
    },
    async draftOneOnOneAgenda(input) {
      return { markdown: agendaMarkdown(locale, input.items) };
    },
    // The owner's own profile and the catalog ranked for them (modules/career).
    ...careerCompanionTools(deps, actor, ownerVault),
  };

  async function* events(): AsyncGenerator<ChatEvent> {
    if (crisis) {
      yield {
        type: 'crisis',
        contacts: companyContacts(settings.crisisContacts),
        publicContacts: publicContacts(locale),
      };
    }
    let answer = '';
    let failed = false;
    try {
      for await (const ev of engine.respond({
        mode,
        locale,
        history: history.slice(-COMPANION_LIMITS.engineContextMessages),
        message: body.message,
        companyAiPolicy: aiPolicyFor(settings, locale),
        tools,
        signal,
      })) {
        if (ev.type === 'text') {
          answer += ev.delta;
          yield ev;
        } else if (ev.type === 'tool') {
          yield { type: 'tool', name: ev.name, ok: ev.ok, summary: ev.summary };
        } else {
          failed = true;
          yield { type: 'error', code: ev.code, message: translate(locale, `errors.${ev.code}`) };
          break;
        }
      }
      if (kept && !failed && !signal.aborted && answer.trim()) {
        const conversationId = kept.id;
        await changeConversation(deps, await ownerVault(), conversationId, new Date(), (c) => ({
          messages: [...c.messages, { role: 'assistant', content: answer, at: new Date().toISOString() }],
          touch: true,
        }));
      }
    } catch (err) {
      // Only the error's class name: its message could quote what the user wrote.
      log.error({ err: { name: err instanceof Error ? err.name : typeof err } }, 'companion answer failed');
      failed = true;
      yield {
        type: 'error',
        code: 'companion.model_failed',
        message: translate(locale, 'errors.companion.model_failed'),
      };
    }
    yield kept ? { type: 'done', conversationId: kept.id } : { type: 'done' };
  }
  return events();
}

/** Serialises events as Server-Sent Events (`data: <json>\n\n`). */
export async function* toSse(events: AsyncIterable<ChatEvent>): AsyncGenerator<string> {
  for await (const ev of events) yield `data: ${JSON.stringify(ev)}\n\n`;
}
