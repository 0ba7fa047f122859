import type { CompanionSummaryChoice } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { listConversations, summariesOf } from '../companion/conversations.ts';

/** How many talks the picker offers (the most recently updated ones that have a summary). */
export const COMPANION_CHOICES_MAX = 20;
const EXCERPT_CHARS = 120;

/**
 * A summary's Markdown as plain text, line by line: an agenda item is plain text (the manager's
 * screen shows it as written), so heading marks, emphasis, links and table pipes go; the words stay.
 */
export function plainFromMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) // table rules
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) =>
          cells
            .split('|')
            .map((c) => c.trim())
            .filter(Boolean)
            .join(' / '),
        )
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/__(.+?)__/g, '$1')
        .replace(/(^|[^\p{L}\p{N}*])\*(?!\s)(.+?)\*(?![\p{L}\p{N}])/gu, '$1$2')
        .replace(/(^|[^\p{L}\p{N}_])_(?!\s)(.+?)_(?![\p{L}\p{N}])/gu, '$1$2')
        .replace(/`([^`]+)`/g, '$1')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The start of a summary as one plain line. */
function excerptOf(markdown: string): string {
  const flat = plainFromMarkdown(markdown).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS - 1).join('')}…` : flat;
}

/**
 * The owner's kept career talks that have a summary, newest first: what "draft from a talk
 * summary" offers to pick from. Read from the owner's own vault inside their own request; the
 * list is for their screen only and nothing of it is stored or shared here (the draft made from a
 * pick stays private until they share it).
 */
export async function companionSummaries(
  deps: AppDeps,
  ov: OwnerVault,
  now: Date,
): Promise<CompanionSummaryChoice[]> {
  const out: CompanionSummaryChoice[] = [];
  for (const c of await listConversations(deps, ov, undefined, now)) {
    if (out.length >= COMPANION_CHOICES_MAX) break;
    const latest = (await summariesOf(deps, ov, c.id)).at(-1);
    if (!latest) continue;
    out.push({
      conversationId: c.id,
      title: c.meta.title.trim(),
      excerpt: excerptOf(latest.markdown),
      summarizedAt: latest.createdAt,
    });
  }
  return out;
}
