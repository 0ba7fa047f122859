import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../db/index.ts';
import { postRepo } from './posts.repo.ts';
import { engagementRepo } from './engagement.repo.ts';
import { moderationRepo } from './moderation.repo.ts';
import { communityPolicy } from './policy.ts';
import { loadComment, loadPost } from './context.ts';
import { runCommand } from './events.ts';
import { renderBody } from './content.ts';
import { assertMayPublish, mentionRecipients } from './publishing.ts';
import { presentThread } from './views.ts';
import { CreateCommentBody, IdParams, UpdateCommentBody } from './schema.ts';

const THREAD_MAX = 1000;

/** Comments in threads (one level of replies), with mentions; edit, and soft delete. */
export function commentRoutes(app: ZodApp, deps: AppDeps) {
  const tags = ['community'];

  const thread = async (actor: NonNullable<Parameters<typeof loadPost>[1]>, postId: string) => {
    const { post, community, cs } = await loadPost(deps.db, actor, postId);
    const rows = await postRepo.listComments(deps.db, post.id, THREAD_MAX);
    return presentThread(deps.db, actor, post, community, cs.membership, rows);
  };

  app.get('/api/posts/:id/comments', { schema: { tags, params: IdParams } }, async (request) => ({
    items: await thread(request.actor!, request.params.id),
  }));

  app.post(
    '/api/posts/:id/comments',
    { schema: { tags, params: IdParams, body: CreateCommentBody } },
    async (request, reply) => {
      const actor = request.actor!;
      const b = request.body;
      const id = newId();
      await runCommand(deps, async (tx, emit) => {
        const { post, community, subject } = await loadPost(tx, actor, request.params.id);
        await assertMayPublish(tx, actor, community, subject);
        communityPolicy.authorize(actor, 'post.comment', subject);
        const parentId = b.parentId ?? null;
        if (parentId) {
          const parent = await postRepo.findComment(tx, parentId);
          if (!parent || parent.post_id !== post.id || parent.status === 'deleted') {
            throw new AppError('community.comment_not_in_post', {
              fields: [{ field: 'parentId', code: 'invalid_value' }],
            });
          }
          if (parent.parent_id) {
            throw new AppError('community.reply_too_deep', {
              fields: [{ field: 'parentId', code: 'invalid_value' }],
            });
          }
        }
        const { html, mentionedIds } = await renderBody(tx, b.body);
        const now = nowIso();
        await postRepo.insertComment(tx, {
          id,
          post_id: post.id,
          parent_id: parentId,
          author_id: actor.userId,
          body_md: b.body,
          body_html: html,
          created_at: now,
          updated_at: now,
          edited_at: null,
          deleted_at: null,
        });
        await postRepo.recountComments(tx, post.id);
        const recipients = await mentionRecipients(tx, community, mentionedIds, actor.userId);
        await engagementRepo.setMentions(tx, 'comment', id, recipients);
        const base = {
          communityId: community.id,
          visibility: subject.visibility,
          actorId: actor.userId,
          at: now,
        };
        emit({ ...base, type: 'comment.created', postId: post.id, commentId: id, parentId });
        if (recipients.length)
          emit({ ...base, type: 'mention', postId: post.id, commentId: id, recipientIds: recipients });
      });
      reply.status(201);
      const items = await thread(actor, request.params.id);
      return items.find((c) => c.id === id)!;
    },
  );

  app.patch(
    '/api/comments/:id',
    { schema: { tags, params: IdParams, body: UpdateCommentBody } },
    async (request) => {
      const actor = request.actor!;
      const postId = await runCommand(deps, async (tx, emit) => {
        const { comment, post, community, cs, commentSubject } = await loadComment(
          tx,
          actor,
          request.params.id,
        );
        communityPolicy.authorize(actor, 'comment.edit', commentSubject);
        const { html, mentionedIds } = await renderBody(tx, request.body.body);
        const now = nowIso();
        await postRepo.updateComment(tx, comment.id, {
          body_md: request.body.body,
          body_html: html,
          updated_at: now,
          edited_at: now,
        });
        const recipients = await mentionRecipients(tx, community, mentionedIds, actor.userId);
        const added = await engagementRepo.setMentions(tx, 'comment', comment.id, recipients);
        const base = { communityId: community.id, visibility: cs.visibility, actorId: actor.userId, at: now };
        emit({ ...base, type: 'comment.updated', postId: post.id, commentId: comment.id });
        if (added.length)
          emit({ ...base, type: 'mention', postId: post.id, commentId: comment.id, recipientIds: added });
        return post.id;
      });
      const items = await thread(actor, postId);
      return items.find((c) => c.id === request.params.id)!;
    },
  );

  app.delete('/api/comments/:id', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    await runCommand(deps, async (tx, emit) => {
      const { comment, post, community, cs, commentSubject } = await loadComment(
        tx,
        actor,
        request.params.id,
      );
      communityPolicy.authorize(actor, 'comment.delete', commentSubject);
      const now = nowIso();
      await postRepo.updateComment(tx, comment.id, {
        status: 'deleted',
        body_md: '',
        body_html: '',
        updated_at: now,
        deleted_at: now,
      });
      await postRepo.recountComments(tx, post.id);
      if (post.accepted_comment_id === comment.id)
        await postRepo.update(tx, post.id, { accepted_comment_id: null });
      await engagementRepo.setMentions(tx, 'comment', comment.id, []);
      await engagementRepo.deleteReactions(tx, 'comment', [comment.id]);
      await moderationRepo.resolveOpen(tx, 'comment', comment.id, 'deleted', actor.userId);
      if (comment.author_id !== actor.userId) {
        await moderationRepo.audit(tx, {
          actor_id: actor.userId,
          action: 'moderation.comment_deleted',
          subject_type: 'comment',
          subject_id: comment.id,
          detail: { communityId: community.id, postId: post.id },
        });
      }
      emit({
        type: 'comment.deleted',
        communityId: community.id,
        visibility: cs.visibility,
        actorId: actor.userId,
        at: now,
        postId: post.id,
        commentId: comment.id,
      });
    });
    return { ok: true };
  });
}
