import { nowIso } from '../db/index.ts';
import { newId } from '../platform/ids.ts';
import type { TestApp } from './harness.ts';

/**
 * Row factories for communities, posts and comments, for tests of the modules that read them
 * (realtime, notifications, search) without going through the community API.
 */
export async function insertCommunity(
  t: TestApp,
  opts: {
    name?: string;
    visibility?: 'open' | 'private';
    members?: Array<{ userId: string; role?: 'member' | 'organizer' }>;
    purpose?: string;
    createdAt?: string;
  } = {},
) {
  const id = newId();
  const now = opts.createdAt ?? nowIso();
  const name = opts.name ?? `コミュニティ ${id.slice(-6)}`;
  await t.deps.db
    .insertInto('communities')
    .values({
      id,
      name,
      name_key: `${name.normalize('NFKC').toLowerCase()}-${id}`,
      purpose: opts.purpose ?? '学び合う場',
      rules: 'お互いを尊重する',
      visibility: opts.visibility ?? 'open',
      private_reason: opts.visibility === 'private' ? '人事の相談のため' : null,
      created_by: null,
      last_post_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const m of opts.members ?? []) await addMember(t, id, m.userId, m.role ?? 'member');
  return { id, name };
}

export async function addMember(
  t: TestApp,
  communityId: string,
  userId: string,
  role: 'member' | 'organizer' = 'member',
) {
  await t.deps.db
    .insertInto('community_members')
    .values({ community_id: communityId, user_id: userId, role, joined_at: nowIso() })
    .execute();
}

export async function insertPost(
  t: TestApp,
  opts: {
    communityId: string;
    authorId: string | null;
    title?: string | null;
    body?: string;
    kind?: string;
    status?: string;
    deletedAt?: string | null;
    createdAt?: string;
  },
) {
  const id = newId();
  const now = opts.createdAt ?? nowIso();
  const body = opts.body ?? '本文';
  await t.deps.db
    .insertInto('posts')
    .values({
      id,
      community_id: opts.communityId,
      author_id: opts.authorId,
      webhook_id: null,
      kind: opts.kind ?? 'post',
      title: opts.title ?? null,
      body_md: body,
      body_html: `<p>${body}</p>`,
      fields: null,
      fields_html: null,
      pinned_at: null,
      accepted_comment_id: null,
      status: opts.status ?? 'visible',
      created_at: now,
      updated_at: now,
      edited_at: null,
      deleted_at: opts.deletedAt ?? null,
    })
    .execute();
  return { id };
}

export async function insertComment(
  t: TestApp,
  opts: { postId: string; authorId: string | null; body?: string; parentId?: string | null; status?: string },
) {
  const id = newId();
  const now = nowIso();
  const body = opts.body ?? 'コメント';
  await t.deps.db
    .insertInto('comments')
    .values({
      id,
      post_id: opts.postId,
      parent_id: opts.parentId ?? null,
      author_id: opts.authorId,
      body_md: body,
      body_html: `<p>${body}</p>`,
      status: opts.status ?? 'visible',
      created_at: now,
      updated_at: now,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  return { id };
}
