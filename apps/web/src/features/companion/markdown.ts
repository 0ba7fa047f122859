/**
 * A small Markdown reader for what キャリア相談 produces: summaries (headings, Will / Can / Must
 * tables, numbered agenda items with sub-points, quotes, emphasis), notes and AI answers. It
 * returns a tree of plain values that components/Markdown renders as React elements, so text is
 * always text: raw HTML in the source stays visible as characters and is never parsed, and only
 * http(s) and mailto links become links. No HTML string is built anywhere, so nothing here needs a
 * sanitiser or dangerouslySetInnerHTML.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { type: 'quote'; children: Block[] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const QUOTE = /^ {0,3}>\s?/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** Links that may become links: web and mail addresses, and paths inside Engawa (`/career/…`). */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\]))/i;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Cells of one table row: `|` separates, `\|` is a pipe inside a cell. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    HEADING.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes('-'))
  );
}

/** Parses Markdown into blocks. */
export function parseMarkdown(source: string): Block[] {
  return parseLines(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseLines(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2]!) });
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const fence = FENCE.exec(line)![1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence)) body.push(lines[i++]!);
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (RULE.test(line) && !LIST_ITEM.test(line.replace(/\s+/g, ''))) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parseLines(body) });
      continue;
    }
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes('-')) {
      const header = splitRow(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim()) {
        const cells = splitRow(lines[i]!).map(parseInline);
        while (cells.length < header.length) cells.push([]);
        rows.push(cells.slice(0, header.length));
        i++;
      }
      blocks.push({ type: 'table', header, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      i = parseList(lines, i, blocks);
      continue;
    }
    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && lines[i]!.trim() && !startsBlock(lines[i]!, lines[i + 1])) {
      paragraph.push(lines[i++]!.trim());
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

/** Reads one list starting at line `start`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, out: Block[]): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const base = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const m = LIST_ITEM.exec(line);
    if (m && m[1]!.length === base && /\d/.test(m[2]!) === ordered) {
      items.push([m[3]!]);
      i++;
      continue;
    }
    if (m && m[1]!.length < base) break;
    if (!line.trim()) {
      // A blank line ends the list unless the next line continues it (indented, or another item).
      const after = lines[i + 1];
      const am = after !== undefined ? LIST_ITEM.exec(after) : null;
      if (after !== undefined && (indentOf(after) > base || (am && am[1]!.length === base))) {
        items.at(-1)!.push('');
        i++;
        continue;
      }
      break;
    }
    if (indentOf(line) > base || (m && m[1]!.length > base)) {
      items.at(-1)!.push(line.slice(Math.min(indentOf(line), base + 2)));
      i++;
      continue;
    }
    break;
  }
  out.push({
    type: 'list',
    ordered,
    start: ordered ? Number.parseInt(first[2]!, 10) : 1,
    items: items.map((body) => parseLines(body)),
  });
  return i;
}

/** Parses inline Markdown: **strong**, *em* / _em_, `code`, [links](https://…), `\` escapes. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!|>~<]/.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2 && text[i + 2] !== ' ') {
        flush();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] !== ' ' && text[i + 1] !== c) {
      // `_` inside a word (snake_case) is a character, not emphasis.
      const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!);
      const end = findClosing(text, c, i + 1);
      if (end > i + 1 && !(c === '_' && wordBefore)) {
        flush();
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (m) {
        flush();
        const children = parseInline(m[1]!);
        if (SAFE_HREF.test(m[2]!)) out.push({ type: 'link', href: m[2]!, children });
        else out.push(...children);
        i += m[0].length;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}

function findClosing(text: string, marker: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\n') return -1;
    if (text[j] === marker && text[j - 1] !== ' ' && text[j + 1] !== marker && text[j - 1] !== marker) {
      if (marker === '_' && j + 1 < text.length && /[\p{L}\p{N}]/u.test(text[j + 1]!)) continue;
      return j;
    }
  }
  return -1;
}

/** The first heading's text (a summary's title, used as a note title), or null. */
export function firstHeading(blocks: Block[]): string | null {
  const heading = blocks.find((b) => b.type === 'heading');
  return heading && heading.type === 'heading' ? plainText(heading.children) : null;
}

/** The characters of inline content without formatting. */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((n) => {
      if (n.type === 'text' || n.type === 'code') return n.text;
      if (n.type === 'break') return '\n';
      return plainText(n.children);
    })
    .join('');
}
