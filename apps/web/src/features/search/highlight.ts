/**
 * Search highlighting without HTML: the server answers text as segments (`{ text, match }`), and
 * this module turns text plus match ranges into the same shape. The web renders segments as
 * React text nodes and <mark> elements, so indexed text can never inject markup.
 */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Cuts `text` at the ranges `[start, end)` (UTF-16 offsets, in any order, possibly overlapping or
 * out of bounds) into alternating plain and matched segments. Overlapping and touching ranges are
 * merged; empty and inverted ranges are ignored; the concatenated segments always equal `text`.
 */
export function segmentsFromRanges(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Segment[] {
  const clean = ranges
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of clean) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    if (a > pos) out.push({ text: text.slice(pos, a), match: false });
    out.push({ text: text.slice(a, b), match: true });
    pos = b;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}

/**
 * Ranges where any of `terms` occurs in `text`, compared after NFKC and lower-casing (full-width
 * and half-width, upper and lower case match), mapped back to offsets in the original text. Used
 * for text the server did not highlight (names in pickers, community names on the client).
 */
export function findTermRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  // Normalise cluster by cluster (a character with its combining or half-width voicing marks,
  // which NFKC folds into one: ｶﾞ → ガ) so every normalised offset maps back to the original.
  const norm: string[] = [];
  const origin: number[] = [];
  const originEnd: number[] = [];
  const chars = Array.from(text);
  let i = 0;
  for (let c = 0; c < chars.length;) {
    let cluster = chars[c]!;
    c += 1;
    while (c < chars.length && /^[\p{M}\uFF9E\uFF9F]$/u.test(chars[c]!)) {
      cluster += chars[c]!;
      c += 1;
    }
    const n = cluster.normalize('NFKC').toLowerCase();
    for (const unit of n) {
      for (let k = 0; k < unit.length; k++) {
        norm.push(unit[k]!);
        origin.push(i);
        originEnd.push(i + cluster.length);
      }
    }
    i += cluster.length;
  }
  const haystack = norm.join('');
  const ranges: Array<[number, number]> = [];
  for (const raw of terms) {
    const term = raw.normalize('NFKC').toLowerCase().trim();
    if (!term) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      ranges.push([origin[at]!, originEnd[at + term.length - 1]!]);
    }
  }
  return ranges;
}

/** Segments from the server, checked: anything malformed becomes plain text (never dropped). */
export function safeSegments(value: unknown): Segment[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [{ text: value, match: false }] : [];
  const out: Segment[] = [];
  for (const s of value) {
    if (s && typeof s === 'object' && typeof (s as Segment).text === 'string') {
      out.push({ text: (s as Segment).text, match: (s as Segment).match === true });
    }
  }
  return out;
}
