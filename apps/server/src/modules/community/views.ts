import type { Kysely, Transaction } from 'kysely';
import { isKnowhowKind } from '@engawa/shared';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { communityRepo } from './repo.ts';
import type { CommentRow, PostRow } from './posts.repo.ts';
import { engagementRepo } from './engagement.repo.ts';
import { attachmentRepo } from './attachments.repo.ts';
import { webhookRepo } from './webhooks.repo.ts';
import { peopleRepo } from './people.repo.ts';
import { communitySubject, commentSubject, postSubject, type CommunityRow } from './context.ts';
import { presentComment, presentPost, type PersonRef } from './presenter.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Names of people by id (disabled people keep their name on what they wrote). */
export async function peopleByIds(db: Q, ids: Iterable<string | null>): Promise<Map<string, PersonRef>> {
  const unique = [...new Set([...ids].filter((x): x is string => !!x))];
  const out = new Map<string, PersonRef>();
  const rows = await peopleRepo.namesByIds(db, unique);
  for (const r of rows) out.set(r.id, { id: r.id, name: r.name });
  return out;
}

/**
 * Presents a list of posts for one reader with a fixed, small number of queries whatever the page
 * size (communities with the reader's membership and read position; people; reactions; know-how
 * signals and confirmations only when such posts are present; attachments; webhook names only for
 * webhook posts): the feed's latency budget depends on it.
 */
export async function presentPosts(
  db: Q,
  actor: Actor,
  posts: PostRow[],
  opts: { withUnread?: boolean } = {},
) {
  if (!posts.length) return [];
  const ids = posts.map((p) => p.id);
  const communityIds = [...new Set(posts.map((p) => p.community_id))];
  const [communities, people, hooks, reactions, signals, confirmations, attachments] = await Promise.all([
    communityRepo.forReader(db, actor.userId, communityIds),
    peopleByIds(
      db,
      posts.map((p) => p.author_id),
    ),
    webhookRepo.namesByIds(db, [...new Set(posts.map((p) => p.webhook_id).filter((x): x is string => !!x))]),
    engagementRepo.reactionTally(db, 'post', ids, actor.userId),
    engagementRepo.signalTally(
      db,
      posts.filter((p) => isKnowhowKind(p.kind)).map((p) => p.id),
      actor.userId,
    ),
    engagementRepo.confirmationTally(
      db,
      posts.filter((p) => p.kind === 'announcement').map((p) => p.id),
      actor.userId,
    ),
    attachmentRepo.ofPosts(db, ids),
  ]);
  const hookNames = new Map(hooks.map((h) => [h.id, { id: h.id, name: h.name }]));
  return posts.map((p) => {
    const { community: c, membership, read } = communities.get(p.community_id)!;
    const cs = communitySubject(c, membership);
    return presentPost(actor, p, {
      community: { id: c.id, name: c.name, visibility: cs.visibility },
      subject: postSubject(p, cs),
      author: p.author_id ? (people.get(p.author_id) ?? null) : null,
      webhook: p.webhook_id ? (hookNames.get(p.webhook_id) ?? null) : null,
      reactions,
      signals,
      confirmations,
      attachments: attachments.filter((a) => a.post_id === p.id),
      ...(opts.withUnread
        ? {
            unread:
              p.author_id !== actor.userId &&
              (!read || p.created_at > read.at || (p.created_at === read.at && p.id > read.id)),
          }
        : {}),
    });
  });
}

/** One post for its page. */
export async function presentOnePost(db: Q, actor: Actor, post: PostRow) {
  const [view] = await presentPosts(db, actor, [post]);
  return view!;
}

/**
 * A post's thread: top-level comments and their replies, oldest first. A deleted comment without
 * replies disappears; one with replies stays as a placeholder so the replies keep their context.
 */
export async function presentThread(
  db: Q,
  actor: Actor,
  post: PostRow,
  community: CommunityRow,
  membership: Parameters<typeof communitySubject>[1],
  comments: CommentRow[],
) {
  const cs = communitySubject(community, membership);
  const withReplies = new Set(
    comments.filter((c) => c.parent_id && c.status !== 'deleted').map((c) => c.parent_id),
  );
  const shown = comments.filter((c) => c.status !== 'deleted' || withReplies.has(c.id));
  const [people, reactions] = await Promise.all([
    peopleByIds(
      db,
      shown.map((c) => c.author_id),
    ),
    engagementRepo.reactionTally(
      db,
      'comment',
      shown.map((c) => c.id),
      actor.userId,
    ),
  ]);
  return shown.map((c) =>
    presentComment(actor, c, {
      subject: commentSubject(c, post, cs),
      author: c.author_id ? (people.get(c.author_id) ?? null) : null,
      reactions,
      acceptedId: post.accepted_comment_id,
    }),
  );
}
