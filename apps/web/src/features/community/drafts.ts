import { POST_KINDS, type PostKind } from '@engawa/shared';

/**
 * Unsent community posts and comments, kept in this browser's localStorage so a half-written text
 * survives navigating away (or a reload) until it is sent, discarded, expires, or the person logs
 * out. Only community posts and comments use this: nothing from the private companion (キャリア相談)
 * is ever stored here. The decisions (keys, expiry, size cap, what a stored value may contain) live
 * apart from React so they are unit-tested.
 */

/** The part of Storage this module needs (window.localStorage, or a stand-in in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'engawa.draft:';
const VERSION = 1;
/** A draft nobody touched for this long is dropped: old enough to be forgotten, short enough to not linger. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/**
 * Largest stored draft, in characters of its JSON: the longest post the server accepts (body,
 * title and every know-how field at their limits) fits; anything bigger is not kept.
 */
export const DRAFT_MAX_CHARS = 120_000;
/** Drafts kept per person; saving one more drops the oldest. */
export const DRAFTS_PER_USER = 20;

/** Where a draft belongs: a new post in a community, a comment on a post, or a reply in a thread. */
export type DraftScope =
  | { type: 'post'; communityId: string }
  | { type: 'knowhow'; communityId: string; kind: PostKind }
  | { type: 'comment'; postId: string }
  | { type: 'reply'; postId: string; parentId: string };

function userPrefix(userId: string): string {
  return `${PREFIX}${encodeURIComponent(userId)}:`;
}

/** The storage key of one person's draft in one place (ids are escaped, so no two places collide). */
export function draftKey(userId: string, scope: DraftScope): string {
  const parts =
    scope.type === 'post' || scope.type === 'knowhow'
      ? [scope.type, scope.communityId, ...(scope.type === 'knowhow' ? [scope.kind] : [])]
      : [scope.type, scope.postId, ...(scope.type === 'reply' ? [scope.parentId] : [])];
  return userPrefix(userId) + parts.map(encodeURIComponent).join(':');
}

interface Envelope {
  v: number;
  savedAt: number;
  data: unknown;
}

function readEnvelope(storage: DraftStorage, key: string): Envelope | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<Envelope> | null;
    if (!parsed || parsed.v !== VERSION || typeof parsed.savedAt !== 'number') return null;
    return { v: parsed.v, savedAt: parsed.savedAt, data: parsed.data };
  } catch {
    return null;
  }
}

function remove(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept either.
  }
}

function keysWithPrefix(storage: DraftStorage, prefix: string): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(prefix)) out.push(k);
    }
  } catch {
    return out;
  }
  return out;
}

/**
 * The stored draft's data if it is there, fresh and readable; an expired or unreadable one is
 * removed. `unpack` checks the shape (storage is outside the app's control) and returns null to reject.
 */
export function loadDraft<T>(
  storage: DraftStorage,
  key: string,
  now: number,
  unpack: (data: unknown) => T | null,
): T | null {
  const env = readEnvelope(storage, key);
  if (!env || now - env.savedAt > DRAFT_MAX_AGE_MS || env.savedAt > now + DRAFT_MAX_AGE_MS) {
    remove(storage, key);
    return null;
  }
  const value = unpack(env.data);
  if (value === null) remove(storage, key);
  return value;
}

/**
 * Keeps `data` under `key`; `null` (nothing worth keeping) removes the draft. Too big a draft is
 * not kept (the previous one is removed, so a restore never brings back an older text). Keeps at
 * most DRAFTS_PER_USER drafts for the person, and makes room if the storage is full.
 * Returns whether the draft is now stored.
 */
export function saveDraft(
  storage: DraftStorage,
  userId: string,
  key: string,
  data: unknown,
  now: number,
): boolean {
  if (data === null) {
    remove(storage, key);
    return false;
  }
  const raw = JSON.stringify({ v: VERSION, savedAt: now, data } satisfies Envelope);
  if (raw.length > DRAFT_MAX_CHARS) {
    remove(storage, key);
    return false;
  }
  const othersOldestFirst = () =>
    keysWithPrefix(storage, userPrefix(userId))
      .filter((k) => k !== key)
      .map((k) => ({ k, savedAt: readEnvelope(storage, k)?.savedAt ?? 0 }))
      .sort((a, b) => a.savedAt - b.savedAt)
      .map((x) => x.k);
  // A new place: make room within the person's allowance (rewriting an existing draft never evicts).
  if (!exists(storage, key)) {
    const others = othersOldestFirst();
    for (const k of others.slice(0, Math.max(0, others.length - (DRAFTS_PER_USER - 1)))) remove(storage, k);
  }
  if (trySet(storage, key, raw)) return true;
  // Storage full (or disabled): drop expired drafts, then the person's other drafts oldest first.
  sweepExpiredDrafts(storage, now);
  const rest = othersOldestFirst();
  for (;;) {
    if (trySet(storage, key, raw)) return true;
    const next = rest.shift();
    if (next === undefined) return false;
    remove(storage, next);
  }
}

function exists(storage: DraftStorage, key: string): boolean {
  try {
    return storage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function trySet(storage: DraftStorage, key: string, raw: string): boolean {
  try {
    storage.setItem(key, raw);
    return true;
  } catch {
    return false;
  }
}

/** Forgets one draft (sent, or discarded by the person). */
export function clearDraft(storage: DraftStorage, key: string): void {
  remove(storage, key);
}

/** Forgets every draft of a person in this browser (on logout). */
export function clearUserDrafts(storage: DraftStorage, userId: string): void {
  for (const k of keysWithPrefix(storage, userPrefix(userId))) remove(storage, k);
}

/**
 * Forgets every draft in this browser that is not `userId`'s: when someone signs in on a shared PC,
 * whatever an earlier person left (their logout failed, or their session simply ran out) goes.
 */
export function clearOtherUsersDrafts(storage: DraftStorage, userId: string): void {
  const mine = userPrefix(userId);
  for (const k of keysWithPrefix(storage, PREFIX)) if (!k.startsWith(mine)) remove(storage, k);
}

/** Drops every expired or unreadable draft in this browser, whoever wrote it (a shared PC). */
export function sweepExpiredDrafts(storage: DraftStorage, now: number): void {
  for (const k of keysWithPrefix(storage, PREFIX)) {
    const env = readEnvelope(storage, k);
    if (!env || now - env.savedAt > DRAFT_MAX_AGE_MS || env.savedAt > now + DRAFT_MAX_AGE_MS)
      remove(storage, k);
  }
}

/* What is kept of each composer: text only (attachments and announcement options are not). */

/** A new post's text: kind, title, body and know-how fields. */
export interface PostDraftText {
  kind: PostKind;
  title: string;
  body: string;
  fields: Record<string, string>;
}

/** The stored form of a post draft, or null when there is no text worth keeping. */
export function packPostDraft(d: PostDraftText): PostDraftText | null {
  const fields = Object.fromEntries(Object.entries(d.fields).filter(([, v]) => v.trim() !== ''));
  if (!d.title.trim() && !d.body.trim() && !Object.keys(fields).length) return null;
  return { kind: d.kind, title: d.title, body: d.body, fields };
}

/**
 * A stored post draft, checked: strings only, and a kind this composer offers (otherwise the
 * composer's own kind). Null when it is not a post draft.
 */
export function unpackPostDraft(
  data: unknown,
  offered: readonly PostKind[],
  fallbackKind: PostKind,
): PostDraftText | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d.title !== 'string' || typeof d.body !== 'string') return null;
  const fields: Record<string, string> = {};
  if (d.fields && typeof d.fields === 'object') {
    for (const [k, v] of Object.entries(d.fields as Record<string, unknown>)) {
      if (typeof v === 'string') fields[k] = v;
    }
  }
  const kind =
    typeof d.kind === 'string' &&
    (POST_KINDS as readonly string[]).includes(d.kind) &&
    offered.includes(d.kind as PostKind)
      ? (d.kind as PostKind)
      : fallbackKind;
  return packPostDraft({ kind, title: d.title, body: d.body, fields });
}

/** The stored form of a comment draft, or null when it is blank. */
export function packCommentDraft(body: string): { body: string } | null {
  return body.trim() ? { body } : null;
}

export function unpackCommentDraft(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const body = (data as Record<string, unknown>).body;
  return typeof body === 'string' && body.trim() ? body : null;
}
