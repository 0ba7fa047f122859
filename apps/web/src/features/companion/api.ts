import { useQuery } from '@tanstack/react-query';
import type { CompanionModeId, CompanionRetention, KeptRetention } from '@engawa/shared';
import { api, postForStream, queryString } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { i18n } from '../../i18n/index.ts';
import { readChatEvents, type ChatEvent, type ShownContact } from './sse.ts';

/** What GET /api/companion/intro presents (the parts this page uses). */
export interface CompanionIntro {
  aiPolicy: { ja: string | null; en: string | null };
  crisisContacts: ShownContact[];
  publicCrisisContacts: ShownContact[];
  modes: Array<{ id: CompanionModeId }>;
  retentionOptions: Array<{ value: CompanionRetention; days: number | null }>;
  defaultRetention: CompanionRetention;
  engine: 'offline' | 'llm';
  limits: { messageMax: number; historyMaxMessages: number; historyMaxChars: number; noteBodyMax: number };
}

export interface ConversationItem {
  id: string;
  title: string;
  mode: CompanionModeId;
  retention: KeptRetention;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  snippet: string | null;
}

export interface Summary {
  id?: string;
  mode: CompanionModeId;
  markdown: string;
  createdAt?: string;
}

export interface Conversation extends ConversationItem {
  messages: Array<{ role: 'user' | 'assistant'; content: string; at: string }>;
  summaries: Summary[];
}

export interface NoteItem {
  id: string;
  title: string;
  excerpt: string;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Note {
  id: string;
  title: string;
  body: string;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CrisisContactInput {
  name: string;
  description: string;
  phone?: string;
  url?: string;
  hours?: string;
}

export interface CompanionSettings {
  aiPolicyJa: string | null;
  aiPolicyEn: string | null;
  crisisContacts: CrisisContactInput[];
}

export interface CompanionInsights {
  kThreshold: number;
  months: Array<{ month: string; status: 'closed' | 'open'; users: number | null; suppressed: boolean }>;
}

/**
 * Query keys. Each starts with the signed-in user's id: private data cached in this tab can never
 * be shown to the next person who signs in here, whatever happened to the cache in between.
 */
export function useCompanionKeys() {
  const me = useMe();
  const base = ['companion', me.id] as const;
  return {
    all: base,
    intro: [...base, 'intro', i18n.language] as const,
    conversations: [...base, 'conversations'] as const,
    conversationList: (q: string) => [...base, 'conversations', 'list', q] as const,
    conversation: (id: string) => [...base, 'conversations', 'one', id] as const,
    notes: [...base, 'notes'] as const,
    noteList: (q: string) => [...base, 'notes', 'list', q] as const,
    note: (id: string) => [...base, 'notes', 'one', id] as const,
    settings: [...base, 'settings'] as const,
    insights: [...base, 'insights'] as const,
  };
}

export function useIntro() {
  const keys = useCompanionKeys();
  return useQuery({
    queryKey: keys.intro,
    queryFn: () => api.get<CompanionIntro>('/api/companion/intro'),
    staleTime: 5 * 60_000,
  });
}

export function useConversationList(q: string) {
  const keys = useCompanionKeys();
  return useQuery({
    queryKey: keys.conversationList(q),
    queryFn: () =>
      api.get<{ items: ConversationItem[] }>(`/api/companion/conversations${queryString({ q })}`),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}

export function useConversation(id: string | null) {
  const keys = useCompanionKeys();
  return useQuery({
    queryKey: keys.conversation(id ?? ''),
    queryFn: () => api.get<Conversation>(`/api/companion/conversations/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useNoteList(q: string) {
  const keys = useCompanionKeys();
  return useQuery({
    queryKey: keys.noteList(q),
    queryFn: () => api.get<{ items: NoteItem[] }>(`/api/companion/notes${queryString({ q })}`),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}

export function useNote(id: string) {
  const keys = useCompanionKeys();
  return useQuery({
    queryKey: keys.note(id),
    queryFn: () => api.get<Note>(`/api/companion/notes/${encodeURIComponent(id)}`),
    staleTime: 0,
  });
}

/** Where a conversation's export downloads from (the browser saves the file the server names). */
export function exportUrl(id: string, format: 'md' | 'json'): string {
  return `/api/companion/conversations/${encodeURIComponent(id)}/export?format=${format}`;
}

export interface ChatRequest {
  message: string;
  mode?: CompanionModeId;
  retention?: CompanionRetention;
  conversationId?: string;
  history?: Array<{ role: 'user' | 'assistant'; content: string }>;
}

/**
 * Sends one message and calls `onEvent` for each streamed event. Resolves when the stream ends
 * (true when it ended properly with `done`); rejects with an ApiError when the request is refused
 * or the connection drops, and with the AbortError of `signal` when the user stops it.
 */
export async function sendChat(
  body: ChatRequest,
  signal: AbortSignal,
  onEvent: (event: ChatEvent) => void,
): Promise<boolean> {
  const response = await postForStream('/api/companion/chat', body, signal);
  if (!response.body) throw new ApiError(0, 'network', i18n.t('shell.errors.network'));
  let done = false;
  try {
    await readChatEvents(response.body, (event) => {
      if (event.type === 'done') done = true;
      onEvent(event);
    });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ApiError(0, 'network', i18n.t('companion.chat.interrupted'));
  }
  return done;
}
