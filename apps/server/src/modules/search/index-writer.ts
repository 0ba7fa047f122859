import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { indexTokens, normaliseForSearch } from './normalize.ts';
import { searchRepo, type SearchDocType } from './repo.ts';

/** What to index; the text is plain (Markdown is fine: its syntax is only noise). */
export interface SearchDocInput {
  type: SearchDocType;
  id: string;
  communityId: string;
  /** The post itself, or the post a comment belongs to; null for a community. */
  postId?: string | null;
  authorId?: string | null;
  /** Post kind (`post`, `question`, `prompt_recipe`, …) for posts. */
  postKind?: string | null;
  title?: string | null;
  body: string;
  createdAt: string;
}

/** Longest body indexed per document (characters); beyond it text is neither found nor highlighted. */
export const INDEX_BODY_MAX = 20_000;

function oneLine(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * Writes the search index inside the caller's transaction (index rows live in the same database,
 * so a rolled-back post is never findable and a committed one always is).
 */
export const searchIndex = {
  async upsert(tx: Transaction<DB> | Kysely<DB>, doc: SearchDocInput): Promise<void> {
    const title = oneLine(doc.title ?? '').slice(0, 500);
    const body = oneLine(doc.body).slice(0, INDEX_BODY_MAX);
    // A newline joins title and body: no query term contains one, so no match spans both.
    const norm = `${normaliseForSearch(title)}\n${normaliseForSearch(body)}`;
    await searchRepo.upsert(
      tx,
      {
        doc_type: doc.type,
        doc_id: doc.id,
        community_id: doc.communityId,
        post_id: doc.type === 'community' ? null : (doc.postId ?? (doc.type === 'post' ? doc.id : null)),
        author_id: doc.authorId ?? null,
        post_kind: doc.type === 'post' ? (doc.postKind ?? 'post') : null,
        title,
        body,
        norm,
        created_at: doc.createdAt,
        tokens: indexTokens(norm),
      },
      nowIso(),
    );
  },

  /** Removes a document; removing a post removes its comments too. */
  async remove(tx: Transaction<DB> | Kysely<DB>, type: SearchDocType, id: string): Promise<void> {
    if (type === 'post') await searchRepo.removePost(tx, id);
    else await searchRepo.remove(tx, type, id);
  },
};
