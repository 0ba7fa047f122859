import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseMarkdown, renderParsed, type MentionResolution } from '../../platform/markdown.ts';
import { peopleRepo } from './people.repo.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** At most this many people are resolved (and notified) per post or comment. */
const MAX_MENTIONS = 50;

/**
 * Renders a post or comment body: Markdown to sanitised HTML, with mentions resolved against the
 * directory (current names; a plain `@localpart` only when exactly one active person has it).
 * Returns the people mentioned, for notifications.
 */
export async function renderBody(db: Q, source: string): Promise<{ html: string; mentionedIds: string[] }> {
  const parsed = parseMarkdown(source);
  const ids = [...parsed.mentions.ids].slice(0, MAX_MENTIONS);
  const localparts = [...parsed.mentions.localparts].slice(0, MAX_MENTIONS);
  const byId = new Map<string, { id: string; name: string }>();
  const byLocalpart = new Map<string, { id: string; name: string }>();
  for (const u of await peopleRepo.usersByIds(db, ids)) byId.set(u.id, { id: u.id, name: u.name });
  for (const lp of localparts) {
    const found = await peopleRepo.usersByLocalpart(db, lp);
    if (found.length === 1) byLocalpart.set(lp, { id: found[0]!.id, name: found[0]!.name });
  }
  const resolution: MentionResolution = { byId, byLocalpart };
  const mentionedIds = [...new Set([...byId.keys(), ...[...byLocalpart.values()].map((u) => u.id)])];
  return { html: renderParsed(parsed, resolution), mentionedIds };
}
