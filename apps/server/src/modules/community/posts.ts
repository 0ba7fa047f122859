import type { AppDeps, ZodApp } from '../../app.ts';
import type { BlobStorage } from '../../platform/storage.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../db/index.ts';
import { postRepo } from './posts.repo.ts';
import { engagementRepo } from './engagement.repo.ts';
import { communityPolicy } from './policy.ts';
import { decodeCursor, loadCommunity, loadPost, pageOf } from './context.ts';
import { runCommand } from './events.ts';
import { peopleByIds, presentOnePost, presentPosts } from './views.ts';
import { deletePost, editPost, publishPost } from './post-commands.ts';
import { AcceptBody, CommunityPostsQuery, CreatePostBody, IdParams, UpdatePostBody } from './schema.ts';

/** Posts of every kind: publish, read, edit (history kept), delete, pin, accept an answer, confirm. */
export function postRoutes(app: ZodApp, deps: AppDeps, storage: BlobStorage) {
  const tags = ['community'];

  app.get(
    '/api/communities/:id/posts',
    { schema: { tags, params: IdParams, querystring: CommunityPostsQuery } },
    async (request) => {
      const actor = request.actor!;
      const { community } = await loadCommunity(deps.db, actor, request.params.id);
      const q = request.query;
      const cursor = decodeCursor(q.cursor);
      const rows = await postRepo.communityPage(deps.db, community.id, {
        ...(cursor ? { cursor } : {}),
        limit: q.limit + 1,
        ...(q.kind ? { kind: q.kind } : {}),
      });
      const page = pageOf(rows, q.limit);
      const pinned = cursor || q.kind ? [] : await postRepo.pinned(deps.db, community.id);
      const opts = { withUnread: true };
      return {
        pinned: await presentPosts(deps.db, actor, pinned, opts),
        items: await presentPosts(deps.db, actor, page.items, opts),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/communities/:id/posts',
    { schema: { tags, params: IdParams, body: CreatePostBody } },
    async (request, reply) => {
      const actor = request.actor!;
      const id = await publishPost(deps, actor, request.params.id, request.body);
      const { post } = await loadPost(deps.db, actor, id);
      reply.status(201);
      return presentOnePost(deps.db, actor, post);
    },
  );

  app.get('/api/posts/:id', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { post } = await loadPost(deps.db, actor, request.params.id);
    return presentOnePost(deps.db, actor, post);
  });

  app.patch(
    '/api/posts/:id',
    { schema: { tags, params: IdParams, body: UpdatePostBody } },
    async (request) => {
      const actor = request.actor!;
      await editPost(deps, actor, request.params.id, request.body);
      const { post } = await loadPost(deps.db, actor, request.params.id);
      return presentOnePost(deps.db, actor, post);
    },
  );

  app.delete('/api/posts/:id', { schema: { tags, params: IdParams } }, async (request) => {
    await deletePost(deps, storage, request.actor!, request.params.id);
    return { ok: true };
  });

  app.get('/api/posts/:id/revisions', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { post, subject } = await loadPost(deps.db, actor, request.params.id);
    communityPolicy.authorize(actor, 'post.revisions', subject);
    const rows = await postRepo.listRevisions(deps.db, post.id);
    const people = await peopleByIds(
      deps.db,
      rows.map((r) => r.editor_id),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        body: r.body_md,
        fields: r.fields ? (JSON.parse(r.fields) as Record<string, string>) : null,
        editor: r.editor_id ? (people.get(r.editor_id) ?? null) : null,
        createdAt: r.created_at,
      })),
    };
  });

  for (const pin of [true, false]) {
    app.post(
      `/api/posts/:id/${pin ? 'pin' : 'unpin'}`,
      { schema: { tags, params: IdParams } },
      async (request) => {
        const actor = request.actor!;
        await runCommand(deps, async (tx, emit) => {
          const { post, community, subject } = await loadPost(tx, actor, request.params.id);
          communityPolicy.authorize(actor, 'post.pin', subject);
          const now = nowIso();
          await postRepo.update(tx, post.id, { pinned_at: pin ? now : null });
          emit({
            type: 'post.updated',
            communityId: community.id,
            visibility: subject.visibility,
            actorId: actor.userId,
            at: now,
            postId: post.id,
          });
        });
        const { post } = await loadPost(deps.db, actor, request.params.id);
        return presentOnePost(deps.db, actor, post);
      },
    );
  }

  /** The asker (or an organizer) marks one comment as the accepted answer, or clears it (null). */
  app.post(
    '/api/posts/:id/accept',
    { schema: { tags, params: IdParams, body: AcceptBody } },
    async (request) => {
      const actor = request.actor!;
      await runCommand(deps, async (tx, emit) => {
        const { post, community, subject } = await loadPost(tx, actor, request.params.id);
        if (post.kind !== 'question') throw new AppError('community.not_a_question');
        communityPolicy.authorize(actor, 'post.accept', subject);
        const commentId = request.body.commentId;
        if (commentId) {
          const c = await postRepo.findComment(tx, commentId);
          if (!c || c.post_id !== post.id || c.status !== 'visible') {
            throw new AppError('community.comment_not_in_post', {
              fields: [{ field: 'commentId', code: 'invalid_value' }],
            });
          }
        }
        const now = nowIso();
        await postRepo.update(tx, post.id, { accepted_comment_id: commentId, updated_at: now });
        emit({
          type: 'post.updated',
          communityId: community.id,
          visibility: subject.visibility,
          actorId: actor.userId,
          at: now,
          postId: post.id,
        });
      });
      const { post } = await loadPost(deps.db, actor, request.params.id);
      return presentOnePost(deps.db, actor, post);
    },
  );

  /** A reader confirms an announcement that asks for it (their explicit choice; nothing else is tracked). */
  app.post('/api/posts/:id/confirm', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { post, subject } = await loadPost(deps.db, actor, request.params.id);
    if (post.kind !== 'announcement' || post.requires_confirmation !== 1) {
      throw new AppError('community.confirmation_not_requested');
    }
    communityPolicy.authorize(actor, 'post.confirm', subject);
    await engagementRepo.confirm(deps.db, post.id, actor.userId);
    return presentOnePost(deps.db, actor, post);
  });

  app.get('/api/posts/:id/confirmations', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { post, subject } = await loadPost(deps.db, actor, request.params.id);
    communityPolicy.authorize(actor, 'post.confirmations', subject);
    const rows = await engagementRepo.confirmations(deps.db, post.id);
    return {
      count: rows.length,
      items: rows.map((r) => ({ id: r.id, name: r.name, confirmedAt: r.confirmed_at })),
    };
  });
}
