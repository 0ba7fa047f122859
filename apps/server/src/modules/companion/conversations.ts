import crypto from 'node:crypto';
import { COMPANION_LIMITS, retentionDays, type KeptRetention } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ChatMessage, CompanionMode } from './engine.ts';
import { companionRepo } from './repo.ts';
import { openOwned, openOwnedOr404 } from './records.ts';
import {
  ConversationMessages,
  ConversationMeta,
  KIND,
  StoredSummary,
  type StoredMessage,
  type ConversationMeta as Meta,
} from './schema.ts';

/**
 * Kept conversations: every field that says anything about them (title, mode, retention, times,
 * messages) is sealed in the owner's vault; the row holds only the id, the owner tag and a
 * day-rounded `expires_at` for the retention job.
 */
export interface OpenedConversation {
  id: string;
  meta: Meta;
  messages: StoredMessage[];
  expiresAt: string | null;
  /** The stored messages ciphertext, for compare-and-set updates. */
  sealedMessages: string;
}

const DAY_MS = 86_400_000;

/**
 * When a kept conversation expires: `days` after the last message, rounded up to the next UTC
 * midnight (so the stored value does not reveal the time of the last message).
 */
export function expiresAtFor(retention: KeptRetention, lastActivity: Date): string | null {
  const days = retentionDays(retention);
  if (days === null) return null;
  const t = new Date(lastActivity.getTime() + days * DAY_MS);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1)).toISOString();
}

/** A title from the first message: its first line, shortened. */
export function titleFrom(message: string): string {
  const line = message.trim().split('\n')[0]!.trim();
  const chars = Array.from(line);
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : line;
}

function sealMessages(ov: OwnerVault, id: string, messages: StoredMessage[]) {
  return ov.seal(KIND.messages, id, { messages });
}

export async function createConversation(
  deps: AppDeps,
  ov: OwnerVault,
  input: {
    mode: CompanionMode;
    retention: KeptRetention;
    history: ChatMessage[];
    message: string;
    now: Date;
  },
): Promise<OpenedConversation> {
  const id = crypto.randomUUID();
  const at = input.now.toISOString();
  const messages: StoredMessage[] = [
    ...input.history.map((m) => ({ role: m.role, content: m.content, at })),
    { role: 'user', content: input.message, at },
  ];
  const firstUser = messages.find((m) => m.role === 'user')!;
  const meta: Meta = {
    title: titleFrom(firstUser.content),
    mode: input.mode,
    retention: input.retention,
    createdAt: at,
    updatedAt: at,
  };
  const sealedMessages = sealMessages(ov, id, messages);
  const expiresAt = expiresAtFor(input.retention, input.now);
  await companionRepo.insertConversation(deps.db, {
    id,
    owner_tag: ov.ownerTag,
    meta: ov.seal(KIND.meta, id, meta),
    messages: sealedMessages,
    expires_at: expiresAt,
  });
  return { id, meta, messages, expiresAt, sealedMessages };
}

/** Opens one of the owner's conversations; 404 when it is not theirs, gone or expired. */
export async function openConversation(
  deps: AppDeps,
  ov: OwnerVault,
  id: string,
  now: Date,
): Promise<OpenedConversation> {
  const row = await companionRepo.findConversation(deps.db, id, ov.ownerTag, now.toISOString());
  if (!row) throw notFound();
  return {
    id,
    meta: openOwnedOr404(ov, KIND.meta, id, row.meta, ConversationMeta),
    messages: openOwnedOr404(ov, KIND.messages, id, row.messages, ConversationMessages).messages,
    expiresAt: row.expires_at,
    sealedMessages: row.messages,
  };
}

/**
 * Changes a conversation with compare-and-set, retrying when another request wrote first.
 * `change` gets the current state and returns the new messages and/or meta.
 */
export async function changeConversation(
  deps: AppDeps,
  ov: OwnerVault,
  id: string,
  now: Date,
  change: (c: OpenedConversation) => { messages?: StoredMessage[]; meta?: Partial<Meta>; touch: boolean },
): Promise<OpenedConversation> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await openConversation(deps, ov, id, now);
    const next = change(current);
    const meta: Meta = {
      ...current.meta,
      ...next.meta,
      ...(next.touch ? { updatedAt: now.toISOString() } : {}),
    };
    const messages = next.messages ?? current.messages;
    const sealedMessages = sealMessages(ov, id, messages);
    const expiresAt = expiresAtFor(meta.retention, new Date(meta.updatedAt));
    const applied = await companionRepo.updateConversation(deps.db, id, ov.ownerTag, current.sealedMessages, {
      meta: ov.seal(KIND.meta, id, meta),
      messages: sealedMessages,
      expires_at: expiresAt,
    });
    if (applied) return { id, meta, messages, expiresAt, sealedMessages };
  }
  throw new AppError('common.conflict');
}

/** Appends messages to a kept conversation (refusing past the length limit). */
export function appendMessages(
  deps: AppDeps,
  ov: OwnerVault,
  id: string,
  now: Date,
  add: (c: OpenedConversation) => StoredMessage[],
): Promise<OpenedConversation> {
  return changeConversation(deps, ov, id, now, (c) => {
    const added = add(c);
    if (c.messages.length + added.length > COMPANION_LIMITS.conversationMaxMessages) {
      throw new AppError('companion.conversation_full');
    }
    return { messages: [...c.messages, ...added], touch: added.length > 0 };
  });
}

export interface ConversationListItem {
  id: string;
  meta: Meta;
  expiresAt: string | null;
  snippet: string | null;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The owner's kept conversations, newest first. With `q`, decrypts the owner's own conversations
 * inside this request and keeps those whose title or messages contain it (one person's data:
 * small enough; nothing is indexed in plaintext).
 */
export async function listConversations(
  deps: AppDeps,
  ov: OwnerVault,
  q: string | undefined,
  now: Date,
): Promise<ConversationListItem[]> {
  const nowIso = now.toISOString();
  const query = q ? fold(q) : '';
  const items: ConversationListItem[] = [];
  if (!query) {
    for (const row of await companionRepo.conversationMetasOf(deps.db, ov.ownerTag, nowIso)) {
      const meta = openOwned(ov, KIND.meta, row.id, row.meta, ConversationMeta);
      if (meta) items.push({ id: row.id, meta, expiresAt: row.expires_at, snippet: null });
    }
  } else {
    for (const row of await companionRepo.conversationsOf(deps.db, ov.ownerTag, nowIso)) {
      const meta = openOwned(ov, KIND.meta, row.id, row.meta, ConversationMeta);
      const messages = openOwned(ov, KIND.messages, row.id, row.messages, ConversationMessages)?.messages;
      if (!meta || !messages) continue;
      const hit = fold(meta.title).includes(query)
        ? meta.title
        : messages.find((m) => fold(m.content).includes(query))?.content;
      if (hit !== undefined) {
        items.push({ id: row.id, meta, expiresAt: row.expires_at, snippet: snippetAround(hit, query) });
      }
    }
  }
  return items.sort((a, b) => b.meta.updatedAt.localeCompare(a.meta.updatedAt));
}

/** About 60 characters of `text` around the first match of (already folded) `query`. */
export function snippetAround(text: string, query: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  // Fold character by character, remembering where each original character starts.
  let folded = '';
  const startOf: number[] = [];
  for (const c of chars) {
    startOf.push(folded.length);
    folded += fold(c);
  }
  const hit = folded.indexOf(query);
  let at = 0;
  if (hit > 0) while (at + 1 < startOf.length && startOf[at + 1]! <= hit) at++;
  const start = Math.max(0, at - 20);
  const end = Math.min(chars.length, start + 60);
  return (start > 0 ? '…' : '') + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
}

export async function deleteConversation(deps: AppDeps, ov: OwnerVault, id: string): Promise<void> {
  const deleted = await deps.db
    .transaction()
    .execute((trx) => companionRepo.deleteConversation(trx, id, ov.ownerTag));
  if (!deleted) throw notFound();
}

export interface OpenedSummary extends StoredSummary {
  id: string;
}

export async function summariesOf(
  deps: AppDeps,
  ov: OwnerVault,
  conversationId: string,
): Promise<OpenedSummary[]> {
  const rows = await companionRepo.summariesOf(deps.db, conversationId, ov.ownerTag);
  return rows
    .flatMap((r) => {
      const summary = openOwned(ov, KIND.summary, r.id, r.body, StoredSummary);
      return summary ? [{ id: r.id, ...summary }] : [];
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function saveSummary(
  deps: AppDeps,
  ov: OwnerVault,
  conversationId: string,
  summary: StoredSummary,
): Promise<OpenedSummary> {
  const id = crypto.randomUUID();
  await companionRepo.insertSummary(deps.db, {
    id,
    owner_tag: ov.ownerTag,
    conversation_id: conversationId,
    body: ov.seal(KIND.summary, id, summary),
  });
  return { id, ...summary };
}
