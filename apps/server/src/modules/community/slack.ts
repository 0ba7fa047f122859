import { z } from 'zod';

/**
 * Slack incoming-webhook payloads → Markdown, so tools that already post to Slack can post to a
 * community unchanged. Supported: `text`; `blocks` of type section / header / context / divider
 * (text objects in mrkdwn or plain_text, section fields); legacy `attachments` (pretext, title,
 * title_link, text, fields, fallback). Slack mrkdwn: *bold*, _italic_, ~strike~, <url|label>, <url>;
 * user and channel references (<@U…>, <#C…|name>, <!here>) are left as text. The result goes
 * through the one Markdown renderer and sanitiser like every post.
 */
const TextObject = z.object({ type: z.string().max(30), text: z.string().max(40_000) }).passthrough();

const Block = z
  .object({
    type: z.string().max(30),
    text: TextObject.optional(),
    fields: z.array(TextObject).max(20).optional(),
    elements: z
      .array(z.object({ type: z.string().max(30), text: z.string().max(40_000).optional() }).passthrough())
      .max(20)
      .optional(),
  })
  .passthrough();

const Attachment = z
  .object({
    fallback: z.string().max(40_000).optional(),
    pretext: z.string().max(40_000).optional(),
    title: z.string().max(2000).optional(),
    title_link: z.string().max(2000).optional(),
    text: z.string().max(40_000).optional(),
    fields: z
      .array(
        z
          .object({ title: z.string().max(2000).optional(), value: z.string().max(10_000).optional() })
          .passthrough(),
      )
      .max(50)
      .optional(),
  })
  .passthrough();

export const SlackPayload = z
  .object({
    text: z.string().max(40_000).optional(),
    blocks: z.array(Block).max(50).optional(),
    attachments: z.array(Attachment).max(20).optional(),
  })
  .passthrough();
export type SlackPayload = z.infer<typeof SlackPayload>;

const MD_SPECIAL = /[\\`*_{}[\]<>()#+\-.!|~]/g;

/** Plain text shown literally (Markdown characters escaped). */
export function escapeMarkdown(text: string): string {
  return text.replace(MD_SPECIAL, (c) => `\\${c}`);
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Slack mrkdwn → CommonMark. Code spans and blocks are copied untouched. */
export function mrkdwnToMarkdown(input: string): string {
  const parts = input.split(/(```[\s\S]*?```|`[^`\n]+`)/g);
  return parts.map((part, i) => (i % 2 === 1 ? decodeEntities(part) : convertProse(part))).join('');
}

function convertProse(text: string): string {
  const stash: string[] = [];
  const keep = (s: string) => `\uE000${stash.push(s) - 1}\uE001`;
  let out = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (SAFE_URL.test(target)) {
      const url = decodeEntities(target).replace(/[()\s]/g, (c) => encodeURIComponent(c));
      return keep(label ? `[${escapeMarkdown(decodeEntities(label))}](${url})` : `<${url}>`);
    }
    if (target.startsWith('#') && label) return keep(escapeMarkdown(`#${decodeEntities(label)}`));
    if (target.startsWith('!')) return keep(escapeMarkdown(`@${(label ?? target.slice(1)).split('^')[0]}`));
    return keep(escapeMarkdown(`<${decodeEntities(inner)}>`)); // <@U123> and anything else: as text
  });
  out = decodeEntities(out).replace(/^(\s*)#/gm, '$1\\#');
  out = out.replace(/\*(?=\S)([^*\n]+?)(?<=\S)\*/g, (_m, t: string) => keep(`**${t}**`));
  out = out.replace(
    /(^|[^A-Za-z0-9_\\])_(?=\S)([^_\n]+?)(?<=\S)_(?![A-Za-z0-9_])/g,
    (_m, pre: string, t: string) => `${pre}${keep(`*${t}*`)}`,
  );
  out = out.replace(/~(?=\S)([^~\n]+?)(?<=\S)~/g, (_m, t: string) => keep(`~~${t}~~`));
  for (let i = 0; i < 4 && out.includes('\uE000'); i++) {
    out = out.replace(/\uE000(\d+)\uE001/g, (_m, n: string) => stash[Number(n)] ?? '');
  }
  return out;
}

function textObject(t: { type: string; text: string } | undefined): string {
  if (!t) return '';
  return t.type === 'plain_text' ? escapeMarkdown(t.text) : mrkdwnToMarkdown(t.text);
}

function blockToMarkdown(b: z.infer<typeof Block>): string {
  switch (b.type) {
    case 'header':
      return b.text ? `## ${escapeMarkdown(b.text.text.replace(/\n/g, ' '))}` : '';
    case 'divider':
      return '---';
    case 'section':
      return [textObject(b.text), ...(b.fields ?? []).map(textObject)].filter(Boolean).join('\n\n');
    case 'context':
      return (b.elements ?? [])
        .filter((e) => typeof e.text === 'string' && (e.type === 'mrkdwn' || e.type === 'plain_text'))
        .map((e) => textObject({ type: e.type, text: e.text! }))
        .join(' ');
    default:
      return '';
  }
}

function attachmentToMarkdown(a: z.infer<typeof Attachment>): string {
  const out: string[] = [];
  if (a.pretext) out.push(mrkdwnToMarkdown(a.pretext));
  if (a.title) {
    const title = escapeMarkdown(a.title);
    out.push(
      a.title_link && SAFE_URL.test(a.title_link)
        ? `**[${title}](${a.title_link.replace(/[()\s]/g, encodeURIComponent)})**`
        : `**${title}**`,
    );
  }
  if (a.text) out.push(mrkdwnToMarkdown(a.text));
  const fields = (a.fields ?? []).filter((f) => f.title || f.value);
  if (fields.length) {
    out.push(
      fields
        .map(
          (f) => `- ${f.title ? `**${escapeMarkdown(f.title)}**: ` : ''}${mrkdwnToMarkdown(f.value ?? '')}`,
        )
        .join('\n'),
    );
  }
  if (!out.length && a.fallback) out.push(escapeMarkdown(a.fallback));
  return out.join('\n\n');
}

/** The whole payload as one Markdown document ('' when there is nothing to show). */
export function slackToMarkdown(p: SlackPayload): string {
  const parts: string[] = [];
  const fromBlocks = (p.blocks ?? []).map(blockToMarkdown).filter(Boolean);
  if (fromBlocks.length) parts.push(...fromBlocks);
  else if (p.text) parts.push(mrkdwnToMarkdown(p.text));
  parts.push(...(p.attachments ?? []).map(attachmentToMarkdown).filter(Boolean));
  return parts.join('\n\n').trim();
}
