/**
 * @mentions in the composer. The server reads `@[表示名](user:ID)` (platform/markdown.ts) and shows
 * the person's current name from the directory, so the label is only a hint for the writer; the id
 * is what notifies. These helpers are pure so they can be tested without a browser.
 */
export interface MentionPerson {
  id: string;
  name: string;
  /** Shown under the name to tell namesakes apart (the directory's department). */
  department?: { name: string } | null;
}

/** Characters that, right before `@`, make it part of a word or an address (same rule as the server). */
const NOT_A_BOUNDARY = /[A-Za-z0-9._%+\-/:@\\]/;
/** The longest query the picker follows; beyond that the `@` is treated as plain text. */
const QUERY_MAX = 30;

/** The editor's mention token for a person; `\`, `[` and `]` in the name are escaped, line breaks removed. */
export function formatMention(person: MentionPerson): string {
  const label = person.name.replace(/[\r\n]+/g, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `@[${label}](user:${person.id})`;
}

/**
 * The mention being typed at the caret: `@` at a word boundary followed by up to 30 characters
 * without spaces or brackets, ending at the caret. Null when the caret is not in one.
 */
export function findMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const end = Math.max(0, Math.min(caret, text.length));
  for (let i = end - 1; i >= 0 && end - i <= QUERY_MAX + 1; i--) {
    const c = text[i]!;
    if (c === '@') {
      if (i > 0 && NOT_A_BOUNDARY.test(text[i - 1]!)) return null;
      return { start: i, query: text.slice(i + 1, end) };
    }
    if (/[\s[\]()]/.test(c)) return null;
  }
  return null;
}

/**
 * Replaces the typed `@query` (from `start` to the caret) with the person's token and one space,
 * and returns the new text and where the caret goes (after the space).
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: MentionPerson,
): { text: string; caret: number } {
  const token = formatMention(person);
  const after = text.slice(caret);
  const spacer = after.startsWith(' ') ? '' : ' ';
  const next = `${text.slice(0, start)}${token}${spacer}${after}`;
  // The caret lands after the space, whether it was added or already there.
  return { text: next, caret: start + token.length + 1 };
}

/** Folds width, case and spaces so 「すずき」, 「鈴木健太」 and "SUZUKI" find "鈴木 健太" / "suzuki". */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** People whose name contains the query (folded), those starting with it first, at most `limit`. */
export function matchPeople<T extends MentionPerson>(people: readonly T[], query: string, limit = 8): T[] {
  const q = fold(query);
  if (!q) return people.slice(0, limit);
  const starts: T[] = [];
  const contains: T[] = [];
  for (const p of people) {
    const name = fold(p.name);
    if (name.startsWith(q)) starts.push(p);
    else if (name.includes(q)) contains.push(p);
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * What the mention picker offers for the typed query. `fresh` is an answer of the server for exactly
 * this query: shown as is (it also matched kana readings and English names the web does not know),
 * people whose name starts with the query first. Anything else is an older answer: only the people
 * whose name visibly matches are kept, so the list narrows at once while the next answer loads and
 * never offers someone who does not match what is typed.
 */
export function mentionOptions<T extends MentionPerson>(
  items: readonly T[],
  query: string,
  fresh: boolean,
  limit = 8,
): T[] {
  if (!fresh) return matchPeople(items, query, limit);
  const q = fold(query);
  const starts = items.filter((p) => q && fold(p.name).startsWith(q));
  return [...starts, ...items.filter((p) => !starts.includes(p))].slice(0, limit);
}

export type PreviewPart = { kind: 'text'; text: string } | { kind: 'mention'; name: string; id: string };

/**
 * Splits composer text into plain text and mention tokens for the plain preview (the rendered
 * Markdown is only ever produced, and sanitised, by the server).
 */
export function previewParts(text: string): PreviewPart[] {
  const out: PreviewPart[] = [];
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  let pos = 0;
  let i = text.indexOf('@[');
  while (i >= 0) {
    const parsed = i > 0 && NOT_A_BOUNDARY.test(text[i - 1]!) ? null : readToken(text, i);
    if (parsed) {
      pushText(text.slice(pos, i));
      out.push({ kind: 'mention', name: parsed.label, id: parsed.id });
      pos = parsed.end;
      i = text.indexOf('@[', pos);
    } else {
      i = text.indexOf('@[', i + 1);
    }
  }
  pushText(text.slice(pos));
  return out;
}

function readToken(text: string, at: number): { label: string; id: string; end: number } | null {
  let i = at + 2;
  let label = '';
  while (i < text.length && label.length <= 200) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '[') return null;
    if (c === '\\' && i + 1 < text.length && '\\[]'.includes(text[i + 1]!)) {
      label += text[i + 1];
      i += 2;
      continue;
    }
    if (c === ']') break;
    label += c;
    i += 1;
  }
  if (text[i] !== ']' || !label.trim()) return null;
  const m = /^\(user:([A-Za-z0-9-]{1,64})\)/.exec(text.slice(i + 1, i + 1 + 72));
  if (!m) return null;
  return { label, id: m[1]!, end: i + 1 + m[0].length };
}
