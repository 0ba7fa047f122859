import type { Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { onCommunityEvents, type CommunityEvent } from '../community/events.ts';
import { searchIndex } from './index-writer.ts';
import { searchRepo } from './repo.ts';

/**
 * Keeps the index in step with community events, inside the community command's transaction.
 * Hidden posts stay indexed (restoring them needs no re-index): the query checks their status.
 */
export function listenToCommunityEventsForSearch(deps: AppDeps): void {
  onCommunityEvents(deps, {
    async inTransaction(tx, events) {
      for (const e of events) await indexFor(tx, e);
      handled.add(events);
    },
    async afterCommit(events) {
      // Only reached without a transaction (rare): index in one of our own.
      if (handled.has(events)) {
        handled.delete(events);
        return;
      }
      await deps.db.transaction().execute(async (tx) => {
        for (const e of events) await indexFor(tx, e);
      });
    },
  });
}

const handled = new WeakSet<readonly CommunityEvent[]>();

async function indexFor(tx: Transaction<DB>, e: CommunityEvent): Promise<void> {
  switch (e.type) {
    case 'post.created':
    case 'post.updated': {
      await indexCommunity(tx, e.communityId, e.type === 'post.updated');
      await indexPost(tx, e.postId);
      return;
    }
    case 'post.deleted':
      await searchIndex.remove(tx, 'post', e.postId);
      return;
    case 'comment.created':
    case 'comment.updated':
      await indexComment(tx, e.commentId);
      return;
    case 'comment.deleted':
      await searchIndex.remove(tx, 'comment', e.commentId);
      return;
    case 'community.updated':
      await indexCommunity(tx, e.communityId, true);
      return;
    default:
      return;
  }
}

/** Indexes a post: title, Markdown body and the values of its structured (know-how) fields. */
export async function indexPost(tx: Transaction<DB>, postId: string): Promise<void> {
  const post = await searchRepo.post(tx, postId);
  if (!post) return;
  await searchIndex.upsert(tx, {
    type: 'post',
    id: post.id,
    communityId: post.community_id,
    postId: post.id,
    authorId: post.author_id,
    postKind: post.kind,
    title: post.title,
    body: [markdownToText(post.body_md), ...fieldValues(post.fields)].join('\n'),
    createdAt: post.created_at,
  });
}

export async function indexComment(tx: Transaction<DB>, commentId: string): Promise<void> {
  const c = await searchRepo.comment(tx, commentId);
  if (!c) return;
  await searchIndex.upsert(tx, {
    type: 'comment',
    id: c.id,
    communityId: c.community_id,
    postId: c.post_id,
    authorId: c.author_id,
    body: markdownToText(c.body_md),
    createdAt: c.created_at,
  });
}

/** Indexes a community (name, purpose, rules, topics); `force: false` only if not indexed yet. */
export async function indexCommunity(
  tx: Transaction<DB>,
  communityId: string,
  force: boolean,
): Promise<void> {
  if (!force && (await searchRepo.exists(tx, 'community', communityId))) return;
  const c = await searchRepo.community(tx, communityId);
  if (!c) return;
  const topics = await searchRepo.topics(tx, communityId);
  await searchIndex.upsert(tx, {
    type: 'community',
    id: c.id,
    communityId: c.id,
    authorId: c.created_by,
    title: c.name,
    body: [c.purpose, c.rules, topics.join(' ')].join('\n'),
    createdAt: c.created_at,
  });
}

/** Markdown to searchable text: link targets, image sources and syntax characters dropped. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[^\n]*\n/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^[\s>#*+-]+/gm, '')
    .replace(/[*_~`|]+/g, ' ');
}

function fieldValues(fields: string | null): string[] {
  if (!fields) return [];
  try {
    const obj = JSON.parse(fields) as Record<string, unknown>;
    return Object.values(obj).filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}
