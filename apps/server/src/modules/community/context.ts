import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CommunityTable, DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { communityRepo, type Cursor, type MemberRole } from './repo.ts';
import { postRepo, type CommentRow, type PostRow } from './posts.repo.ts';
import { communityPolicy, type CommentSubject, type CommunitySubject, type PostSubject } from './policy.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type CommunityRow = Selectable<CommunityTable>;

/**
 * Loading an object always goes through these: each returns the object together with the policy
 * subject for the actor, and answers 404 (never 403) when the actor may not see it, so a private
 * community, its posts, comments and attachments are indistinguishable from ones that do not exist.
 */
export function communitySubject(c: CommunityRow, membership: MemberRole | null): CommunitySubject {
  return { visibility: c.visibility === 'private' ? 'private' : 'open', membership };
}

export function postSubject(p: PostRow, cs: CommunitySubject): PostSubject {
  return {
    ...cs,
    authorId: p.author_id,
    kind: p.kind,
    status: p.status,
    requiresConfirmation: p.requires_confirmation === 1,
  };
}

export function commentSubject(c: CommentRow, post: PostRow, cs: CommunitySubject): CommentSubject {
  return { ...cs, authorId: c.author_id, status: c.status, postStatus: post.status };
}

export async function loadCommunity(db: Q, actor: Actor, id: string) {
  const community = await communityRepo.findById(db, id);
  if (!community) throw notFound();
  const membership = await communityRepo.membership(db, id, actor.userId);
  const subject = communitySubject(community, membership);
  communityPolicy.authorize(actor, 'community.view', subject, { hidden: true });
  return { community, subject };
}

export async function loadPost(db: Q, actor: Actor, id: string) {
  const post = await postRepo.findById(db, id);
  if (!post || post.status === 'deleted') throw notFound();
  const community = await communityRepo.findById(db, post.community_id);
  if (!community) throw notFound();
  const membership = await communityRepo.membership(db, community.id, actor.userId);
  const cs = communitySubject(community, membership);
  const subject = postSubject(post, cs);
  communityPolicy.authorize(actor, 'post.view', subject, { hidden: true });
  return { post, community, cs, subject };
}

export async function loadComment(db: Q, actor: Actor, id: string) {
  const comment = await postRepo.findComment(db, id);
  if (!comment || comment.status === 'deleted') throw notFound();
  const loaded = await loadPost(db, actor, comment.post_id);
  const subject = commentSubject(comment, loaded.post, loaded.cs);
  if (comment.status === 'hidden' && !communityPolicy.can(actor, 'comment.seeHidden', loaded.cs))
    throw notFound();
  return { ...loaded, comment, commentSubject: subject };
}

/** Cursors are opaque to clients: base64url of [created_at, id]. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('common.validation', { fields: [{ field: 'cursor', code: 'invalid_value' }] });
}

/** A page of newest-first rows: cut to `limit` and say where the next page starts. */
export function pageOf<T extends { created_at: string; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}
