/**
 * Text normalisation and tokenisation for search, shared by indexing, querying, highlighting and
 * the tests' brute-force reference, so all four agree on what "contains" means.
 *
 * - normalise: NFKC (full-width ＡＢＣ → ABC, half-width ｶﾀｶﾅ → カタカナ) then lower case, applied per
 *   character cluster (a base character and its combining marks), which lets highlighting map every
 *   normalised offset back to the original text.
 * - tokens: runs of CJK characters (kanji, kana, hangul) become overlapping bigrams (a one-character
 *   run stays a unigram), so every two-character word (転職, 研修) is an index term; runs of other
 *   letters and digits become words.
 */

/** A cluster: one base character plus following combining marks (and half-width (semi-)voiced marks). */
const CLUSTER = /[^\p{M}\uFF9E\uFF9F][\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** Longest word kept as one token (longer runs are cut: they are rarely searched whole). */
const MAX_WORD = 64;

function normaliseCluster(c: string): string {
  // NFKC again after lower-casing: lower case can produce marks out of canonical order (İ → i̇).
  return c.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** NFKC + lower case, cluster by cluster. */
export function normalise(text: string): string {
  let out = '';
  for (const m of text.matchAll(CLUSTER)) out += normaliseCluster(m[0]);
  return out;
}

/** `normalise`, then every white-space run as one space (what the index stores and queries use). */
export function normaliseForSearch(text: string): string {
  return normalise(text).replace(/\s+/gu, ' ').trim();
}

/**
 * The normalised text plus, for each normalised UTF-16 offset i, the original offset of the cluster
 * it came from (`origin[i]`) and the end of that cluster (`originEnd[i]`).
 */
export function normaliseWithMap(text: string): { norm: string; origin: number[]; originEnd: number[] } {
  let norm = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  for (const m of text.matchAll(CLUSTER)) {
    const start = m.index;
    const end = start + m[0].length;
    const n = normaliseCluster(m[0]);
    for (let i = 0; i < n.length; i++) {
      origin.push(start);
      originEnd.push(end);
    }
    norm += n;
  }
  return { norm, origin, originEnd };
}

export type CharClass = 'cjk' | 'word' | 'sep';

/** Classifies one code point of normalised text (a combining mark takes its base's class). */
export function classify(ch: string, previous: CharClass): CharClass {
  if (MARK.test(ch)) return previous;
  if (!LETTER_OR_DIGIT.test(ch)) return 'sep';
  return CJK.test(ch) ? 'cjk' : 'word';
}

/** Maximal runs of one class in normalised text (separators dropped), with their positions. */
export function runs(
  norm: string,
): Array<{ kind: 'cjk' | 'word'; chars: string[]; start: number; end: number }> {
  const out: Array<{ kind: 'cjk' | 'word'; chars: string[]; start: number; end: number }> = [];
  let prev: CharClass = 'sep';
  let offset = 0;
  for (const ch of norm) {
    const cls = classify(ch, prev);
    const last = out[out.length - 1];
    if (cls !== 'sep') {
      if (last && last.kind === cls && prev === cls && last.end === offset) {
        last.chars.push(ch);
        last.end = offset + ch.length;
      } else {
        out.push({ kind: cls, chars: [ch], start: offset, end: offset + ch.length });
      }
    }
    prev = cls;
    offset += ch.length;
  }
  return out;
}

/** The distinct index tokens of normalised text. */
export function indexTokens(norm: string): string[] {
  const tokens = new Set<string>();
  for (const run of runs(norm)) {
    if (run.kind === 'word') {
      tokens.add(run.chars.slice(0, MAX_WORD).join(''));
    } else if (run.chars.length === 1) {
      tokens.add(run.chars[0]!);
    } else {
      for (let i = 0; i + 1 < run.chars.length; i++) tokens.add(run.chars[i]! + run.chars[i + 1]!);
    }
  }
  return [...tokens];
}
