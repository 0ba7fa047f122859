import { AppError } from '../../platform/errors.ts';

/**
 * Turns a search box entry into LIKE patterns for the admin user list. Each whitespace-separated
 * word must match (name, kana or e-mail); a word matches in its typed form, NFKC-normalised
 * (full-width letters, half-width katakana), and with hiragana and katakana swapped, so
 * 「やまだ」 finds a kana reading stored as 「ヤマダ」. Names themselves are never rewritten.
 */
export function searchTerms(q: string | undefined): string[][] {
  if (!q) return [];
  const words = q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const typed = q
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  return words.map((w, i) => {
    const variants = new Set([w, toKatakana(w), toHiragana(w)]);
    const raw = typed[i];
    if (raw && typed.length === words.length) variants.add(raw);
    return [...variants].map((v) => `%${escapeLike(v)}%`);
  });
}

function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toKatakana(v: string): string {
  return v.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function toHiragana(v: string): string {
  return v.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * The folded names a user is found by in the people directory (stored in `users.name_search`):
 * name, kana reading and English name, each NFKC + lower case (the same folding `searchTerms`
 * applies to what is typed), with and without spaces so 「田中太郎」 finds 「田中 太郎」, one per line
 * (a search word never contains a line break, so it cannot match across two names).
 * The backfill in db/migrations/20261128120000_user_name_search.ts repeats this function.
 */
export function nameSearchText(names: Array<string | null | undefined>): string {
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
    if (!folded) continue;
    out.add(folded);
    out.add(folded.replace(/ /g, ''));
  }
  return [...out].join('\n');
}

/**
 * What a directory query matches exactly besides names: a whole e-mail address, or a whole local
 * part (the handle people already use in @mentions). Only one word of address characters counts,
 * and never a prefix, so the directory cannot be used to list addresses letter by letter.
 */
export function emailLookup(q: string | undefined): { email: string } | { localpart: string } | null {
  const v = q?.normalize('NFKC').trim().toLowerCase();
  if (!v) return null;
  const local = /^[a-z0-9._+-]+$/;
  const at = v.indexOf('@');
  if (at < 0) return local.test(v) ? { localpart: v } : null;
  const [user, domain] = [v.slice(0, at), v.slice(at + 1)];
  return local.test(user) && /^[a-z0-9.-]+$/.test(domain) ? { email: v } : null;
}

/** Pages of people are ordered by (name, id); the cursor is opaque to clients: base64url of that key. */
export function encodeNameCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id]), 'utf8').toString('base64url');
}

/** Reads a cursor of `encodeNameCursor`; anything else is a validation error on `cursor`. */
export function decodeNameCursor(cursor: string): { name: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { name: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('common.validation', { fields: [{ field: 'cursor', code: 'invalid_value' }] });
}
