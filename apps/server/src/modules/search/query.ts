import { normaliseForSearch, runs } from './normalize.ts';

/**
 * What a search box string means. Terms are separated by white space (full-width spaces too) and
 * all must match; "double quotes" keep a phrase with spaces as one term. Each term matches where
 * its normalised text occurs in the normalised document:
 * - CJK text as a substring (転職 finds 転職活動 and 未経験転職);
 * - letters and digits from the start of a word (prom finds prompt, not aprompt).
 * Every term carries the index tokens that any matching document must contain (a necessary
 * condition, checked by the index); the exact substring check then runs on the normalised text.
 * A term without tokens (one kanji, say) can only be checked by scanning.
 */
export interface QueryTerm {
  /** Normalised term text (the substring that must occur). */
  text: string;
  /** Index tokens every match contains; `prefix`: the token only has to start a document word. */
  tokens: Array<{ token: string; prefix: boolean }>;
}

export interface ParsedQuery {
  terms: QueryTerm[];
}

export const QUERY_MAX_TERMS = 8;
export const TERM_MAX_CHARS = 64;
const MAX_WORD = 64;

/** Parses a raw query; never throws. An empty `terms` means there is nothing to search for. */
export function parseQuery(raw: string): ParsedQuery {
  const norm = normaliseForSearch(raw.slice(0, 1000));
  const pieces: string[] = [];
  const re = /"([^"]*)"?|([^\s"]+)/gu;
  for (const m of norm.matchAll(re)) {
    const piece = (m[1] ?? m[2] ?? '').trim();
    if (piece) pieces.push(piece);
  }
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const piece of pieces) {
    const text = [...piece].slice(0, TERM_MAX_CHARS).join('').trim();
    // A term needs at least one letter or digit (punctuation alone is not searchable).
    if (!text || !runs(text).length || seen.has(text)) continue;
    seen.add(text);
    terms.push({ text, tokens: termTokens(text) });
    if (terms.length >= QUERY_MAX_TERMS) break;
  }
  return { terms };
}

/** Tokens that every document containing `text` (with word-start semantics) must have. */
export function termTokens(text: string): QueryTerm['tokens'] {
  const out = new Map<string, boolean>();
  const all = runs(text);
  const textEnd = text.length;
  for (const run of all) {
    if (run.kind === 'cjk') {
      // A CJK run of the term lies inside a CJK run of the document: its bigrams are there too.
      for (let i = 0; i + 1 < run.chars.length; i++) out.set(run.chars[i]! + run.chars[i + 1]!, false);
      continue;
    }
    // A word run that reaches the end of the term may continue in the document: prefix.
    const cut = run.chars.length > MAX_WORD;
    const token = run.chars.slice(0, MAX_WORD).join('');
    const prefix = cut || run.end === textEnd;
    if (!out.has(token) || out.get(token) === true) out.set(token, prefix);
  }
  return [...out].map(([token, prefix]) => ({ token, prefix }));
}

/** Tokens are letters, digits and marks only, so quoting them for FTS5 or tsquery is safe. */
export function isSafeToken(token: string): boolean {
  return /^[\p{L}\p{N}\p{M}]+$/u.test(token);
}
