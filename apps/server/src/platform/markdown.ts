import MarkdownIt, { type Env, type Token } from 'markdown-it';
import sanitize from 'sanitize-html';

/**
 * The ONE Markdown renderer and HTML sanitiser of Engawa, for posts, comments and (later) AI output.
 * Source text is stored; this turns it into HTML the web can insert as-is:
 * - markdown-it with raw HTML disabled (typed `<script>` is shown as text, never parsed);
 * - links only to http(s), mailto and our own relative paths (no javascript:, data:, vbscript:, file:);
 * - then sanitize-html with a small allowlist as a second, independent wall: no event attributes,
 *   no style except table alignment, links get rel="noopener noreferrer nofollow" target="_blank",
 *   images only from our own attachment URLs;
 * - @mentions (`@[表示名](user:ID)` from the editor, or plain `@email-localpart`) become links to the
 *   person's profile showing their CURRENT name from the directory, so a mention cannot spoof a name.
 */

/** A mention as written in the source. */
export type MentionRef =
  | { kind: 'user'; id: string; label: string; start: number; end: number }
  | { kind: 'local'; localpart: string; start: number; end: number };

/** People the caller resolved mentions to (by user id, and by e-mail local part). */
export interface MentionResolution {
  byId: ReadonlyMap<string, { id: string; name: string }>;
  byLocalpart: ReadonlyMap<string, { id: string; name: string }>;
}

/** What a parsed document mentions, before the caller looks the people up. */
export interface MentionCandidates {
  ids: Set<string>;
  localparts: Set<string>;
}

const LOCAL_CHAR = /[A-Za-z0-9._+\-_]/;
/** Characters that, right before `@`, make it part of a word or an address rather than a mention. */
const NOT_A_BOUNDARY = /[A-Za-z0-9._%+\-/:@\\]/;
const LABEL_MAX = 200;

/** Images may only come from our own attachment routes (the access check happens there). */
export const ATTACHMENT_SRC_RE = /^\/api\/attachments\/[0-9a-f-]{36}(\/thumb)?$/;

/** Writes the editor's mention syntax for a person; `\`, `[` and `]` in the name are escaped. */
export function formatMention(user: { id: string; name: string }): string {
  const label = user.name.replace(/[\r\n]+/g, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `@[${label}](user:${user.id})`;
}

/**
 * Reads a mention starting at `pos` (which holds `@`), or null. Shared by the Markdown rule and
 * `parseMentions`, so what is highlighted and what is notified can never disagree.
 */
export function matchMentionAt(src: string, pos: number): MentionRef | null {
  if (src.charCodeAt(pos) !== 0x40 /* @ */) return null;
  if (pos > 0 && NOT_A_BOUNDARY.test(src[pos - 1]!)) return null;
  if (src[pos + 1] === '[') {
    let i = pos + 2;
    let label = '';
    while (i < src.length && label.length <= LABEL_MAX) {
      const c = src[i]!;
      if (c === '\n' || c === '\r') return null;
      if (c === '\\' && i + 1 < src.length && '\\[]'.includes(src[i + 1]!)) {
        label += src[i + 1];
        i += 2;
        continue;
      }
      if (c === ']') break;
      if (c === '[') return null;
      label += c;
      i += 1;
    }
    if (src[i] !== ']' || !label.trim()) return null;
    const rest = src.slice(i + 1, i + 1 + 6 + 64 + 1);
    const m = /^\(user:([A-Za-z0-9-]{1,64})\)/.exec(rest);
    if (!m) return null;
    return { kind: 'user', id: m[1]!, label, start: pos, end: i + 1 + m[0].length };
  }
  let j = pos + 1;
  if (!/[A-Za-z0-9]/.test(src[j] ?? '')) return null;
  while (j < src.length && LOCAL_CHAR.test(src[j]!) && j - pos <= 64) j += 1;
  while (j > pos + 1 && /[._+\-_]/.test(src[j - 1]!)) j -= 1;
  if (src[j] === '@') return null; // looks like "@a@b.example", not a mention
  return { kind: 'local', localpart: src.slice(pos + 1, j).toLowerCase(), start: pos, end: j };
}

/** Finds every mention in plain text (left to right, non-overlapping). */
export function parseMentions(text: string): MentionRef[] {
  const out: MentionRef[] = [];
  let i = text.indexOf('@');
  while (i >= 0) {
    const m = matchMentionAt(text, i);
    if (m) out.push(m);
    i = text.indexOf('@', m ? m.end : i + 1);
  }
  return out;
}

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

/** Link policy at parse time: http(s), mailto, same-site paths and fragments; anything else stays text. */
export function isSafeLink(url: string): boolean {
  const s = url.trim();
  if (/^(https?:\/\/|mailto:)/i.test(s)) return true;
  if (s.startsWith('//') || s.startsWith('/\\')) return false;
  if (s.startsWith('/') || s.startsWith('#')) return true;
  return !/^[^/?#]*:/.test(s);
}
md.validateLink = isSafeLink;

md.inline.ruler.before('link', 'mention', (state, silent) => {
  const m = matchMentionAt(state.src, state.pos);
  if (!m) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = m;
    token.content = state.src.slice(m.start, m.end);
  }
  state.pos = m.end;
  return true;
});

md.renderer.rules.mention = (tokens, idx, _options, env) => {
  const m = tokens[idx]!.meta as MentionRef;
  const resolution = (env as RenderEnv | undefined)?.resolution;
  const person = m.kind === 'user' ? resolution?.byId.get(m.id) : resolution?.byLocalpart.get(m.localpart);
  const esc = md.utils.escapeHtml;
  if (!person) return esc(m.kind === 'user' ? `@${m.label}` : tokens[idx]!.content);
  return `<a href="/people/${encodeURIComponent(person.id)}" class="mention" data-user-id="${esc(person.id)}">@${esc(person.name)}</a>`;
};

interface RenderEnv extends Env {
  resolution?: MentionResolution;
}

/** A parsed document: render it after resolving `mentions` to people. */
export interface ParsedMarkdown {
  tokens: Token[];
  mentions: MentionCandidates;
}

/** Parses Markdown and lists the mentions found in real text (not inside code). */
export function parseMarkdown(source: string): ParsedMarkdown {
  const tokens = md.parse(source, {});
  const mentions: MentionCandidates = { ids: new Set(), localparts: new Set() };
  for (const block of tokens) {
    for (const t of block.children ?? []) {
      if (t.type !== 'mention') continue;
      const m = t.meta as MentionRef;
      if (m.kind === 'user') mentions.ids.add(m.id);
      else mentions.localparts.add(m.localpart);
    }
  }
  return { tokens, mentions };
}

/** Renders a parsed document to sanitised HTML; unresolved mentions stay plain text. */
export function renderParsed(parsed: ParsedMarkdown, resolution?: MentionResolution): string {
  const env: RenderEnv = resolution ? { resolution } : {};
  return sanitizeHtml(md.renderer.render(parsed.tokens, md.options, env));
}

/** Markdown to sanitised HTML in one step (AI output, webhook text: mentions are not resolved). */
export function renderMarkdown(source: string, resolution?: MentionResolution): string {
  return renderParsed(parseMarkdown(source), resolution);
}

/** Verbatim text (a prompt, an example output) as an escaped preformatted block. */
export function renderPreformatted(text: string): string {
  return text ? `<pre><code>${md.utils.escapeHtml(text)}</code></pre>` : '';
}

const SANITIZE_OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'data-user-id', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedClasses: { a: ['mention'], code: ['language-*'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !ATTACHMENT_SRC_RE.test(frame.attribs.src ?? ''),
};

/** Sanitises HTML with the same allowlist the renderer uses (for HTML that did not come from it). */
export function sanitizeHtml(html: string): string {
  return sanitize(html, SANITIZE_OPTIONS);
}
