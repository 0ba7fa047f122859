import { normaliseWithMap } from './normalize.ts';

/** A piece of original text; `match` pieces are what the query found (the web renders them as <mark>). */
export interface Segment {
  text: string;
  match: boolean;
}

/** Ranges [start, end) in `original` where any term occurs (after normalisation), merged and sorted. */
export function matchRanges(original: string, terms: readonly string[]): Array<[number, number]> {
  const { norm, origin, originEnd } = normaliseWithMap(original);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = norm.indexOf(term); i >= 0; i = norm.indexOf(term, i + 1)) {
      ranges.push([origin[i]!, originEnd[i + term.length - 1]!]);
      if (ranges.length > 500) break;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function isLowSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Highlighted text: the whole of `original` when it is short, else a window of about `maxLength`
 * characters around the first match, with "…" where it was cut. Plain text only: never HTML.
 */
export function highlight(original: string, terms: readonly string[], maxLength = 160): Segment[] {
  const text = original.replace(/\s+/gu, ' ').trim();
  const ranges = matchRanges(text, terms);
  let start = 0;
  let end = text.length;
  if (text.length > maxLength) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(maxLength / 4), text.length - maxLength));
    end = Math.min(text.length, start + maxLength);
    if (start > 0 && isLowSurrogate(text, start)) start += 1;
    if (end < text.length && isLowSurrogate(text, end)) end += 1;
  }
  const out: Segment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += s;
    else out.push({ text: s, match });
  };
  if (start > 0) push('…', false);
  let pos = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    push(text.slice(pos, s), false);
    push(text.slice(s, e), true);
    pos = e;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push('…', false);
  return out;
}
