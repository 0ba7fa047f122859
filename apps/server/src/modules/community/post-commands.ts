import type { z } from 'zod';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../db/index.ts';
import { communityRepo } from './repo.ts';
import { peopleRepo } from './people.repo.ts';
import { postRepo } from './posts.repo.ts';
import { attachmentRepo } from './attachments.repo.ts';
import { engagementRepo } from './engagement.repo.ts';
import { moderationRepo } from './moderation.repo.ts';
import { communityPolicy } from './policy.ts';
import { loadCommunity, loadPost } from './context.ts';
import { runCommand } from './events.ts';
import { renderBody } from './content.ts';
import { renderFields, validateFields } from './knowhow.ts';
import { assertMayPublish, attachmentsFor, checkTitleAndBody, mentionRecipients } from './publishing.ts';
import { assertUrgentAllowed } from './urgent.ts';
import type { CreatePostBody, UpdatePostBody } from './schema.ts';
import type { BlobStorage } from '../../platform/storage.ts';

/** postPublisher: one new post (any kind) in a community, with its mentions and attachments. */
export async function publishPost(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  b: z.infer<typeof CreatePostBody>,
): Promise<string> {
  const title = b.title?.trim() || null;
  checkTitleAndBody(b.kind, title, b.body);
  const fields = validateFields(b.kind, b.fields);
  if (b.kind !== 'announcement') {
    const misplaced = [
      ...(b.requiresConfirmation ? ['requiresConfirmation'] : []),
      ...(b.urgent ? ['urgent'] : []),
      ...(b.audience !== 'community' ? ['audience'] : []),
    ];
    if (misplaced.length) throw validationError(misplaced.map((field) => ({ field, code: 'invalid_value' })));
  }
  const id = newId();
  return runCommand(deps, async (tx, emit) => {
    const { community, subject } = await loadCommunity(tx, actor, communityId);
    await assertMayPublish(tx, actor, community, subject);
    if (b.kind === 'announcement' && !communityPolicy.can(actor, 'community.announce', subject)) {
      throw new AppError('community.announcement_organizers_only');
    }
    const companyWide = b.kind === 'announcement' && b.audience === 'company';
    if (companyWide && !communityPolicy.can(actor, 'community.announceCompany', subject)) {
      throw new AppError('community.company_wide_not_allowed');
    }
    if (b.kind === 'announcement' && b.urgent) {
      await assertUrgentAllowed(tx, deps.database.dialect, community.id, new Date());
    }
    const attachmentIds = await attachmentsFor(tx, actor, null, b.attachmentIds, b.body);
    const { html, mentionedIds } = await renderBody(tx, b.body);
    const now = nowIso();
    await postRepo.insert(tx, {
      id,
      community_id: community.id,
      author_id: actor.userId,
      webhook_id: null,
      kind: b.kind,
      title,
      body_md: b.body,
      body_html: html,
      fields: fields ? JSON.stringify(fields) : null,
      fields_html: fields ? JSON.stringify(renderFields(b.kind, fields)) : null,
      company_wide: companyWide ? 1 : 0,
      requires_confirmation: b.kind === 'announcement' && b.requiresConfirmation ? 1 : 0,
      urgent: b.kind === 'announcement' && b.urgent ? 1 : 0,
      pinned_at: null,
      accepted_comment_id: null,
      created_at: now,
      updated_at: now,
      edited_at: null,
      deleted_at: null,
    });
    await attachmentRepo.link(tx, attachmentIds, id);
    await communityRepo.touchLastPost(tx, community.id, now);
    const recipients = await mentionRecipients(tx, community, mentionedIds, actor.userId);
    await engagementRepo.setMentions(tx, 'post', id, recipients);
    const base = {
      communityId: community.id,
      visibility: subject.visibility,
      actorId: actor.userId,
      at: now,
    };
    emit({ ...base, type: 'post.created', postId: id, kind: b.kind, companyWide });
    if (recipients.length)
      emit({ ...base, type: 'mention', postId: id, commentId: null, recipientIds: recipients });
    if (b.kind === 'announcement') {
      const audience = companyWide
        ? await peopleRepo.activeUserIds(tx)
        : await communityRepo.memberIds(tx, community.id);
      emit({
        ...base,
        type: 'announcement',
        postId: id,
        companyWide,
        requiresConfirmation: b.requiresConfirmation,
        urgent: b.urgent,
        recipientIds: audience.filter((u) => u !== actor.userId),
      });
    }
    return id;
  });
}

/** postEditor: the author changes a post; the previous version is kept in post_revisions. */
export async function editPost(
  deps: AppDeps,
  actor: Actor,
  postId: string,
  b: z.infer<typeof UpdatePostBody>,
) {
  await runCommand(deps, async (tx, emit) => {
    const { post, community, subject } = await loadPost(tx, actor, postId);
    communityPolicy.authorize(actor, 'post.edit', subject);
    const kind = post.kind as Parameters<typeof validateFields>[0];
    const title = b.title !== undefined ? b.title?.trim() || null : post.title;
    const body = b.body ?? post.body_md;
    checkTitleAndBody(kind, title, body);
    const fields =
      b.fields !== undefined
        ? validateFields(kind, b.fields)
        : post.fields
          ? (JSON.parse(post.fields) as Record<string, string>)
          : null;
    const attachmentIds = await attachmentsFor(
      tx,
      actor,
      post.id,
      b.attachmentIds ?? (await attachmentRepo.ofPosts(tx, [post.id])).map((a) => a.id),
      body,
    );
    await postRepo.insertRevision(tx, {
      id: newId(),
      post_id: post.id,
      editor_id: actor.userId,
      title: post.title,
      body_md: post.body_md,
      fields: post.fields,
    });
    const { html, mentionedIds } = await renderBody(tx, body);
    const now = nowIso();
    await postRepo.update(tx, post.id, {
      title,
      body_md: body,
      body_html: html,
      fields: fields ? JSON.stringify(fields) : null,
      fields_html: fields ? JSON.stringify(renderFields(kind, fields)) : null,
      updated_at: now,
      edited_at: now,
    });
    await attachmentRepo.unlinkOthers(tx, post.id, attachmentIds);
    await attachmentRepo.link(tx, attachmentIds, post.id);
    const recipients = await mentionRecipients(tx, community, mentionedIds, actor.userId);
    const added = await engagementRepo.setMentions(tx, 'post', post.id, recipients);
    const base = {
      communityId: community.id,
      visibility: subject.visibility,
      actorId: actor.userId,
      at: now,
    };
    emit({ ...base, type: 'post.updated', postId: post.id });
    if (added.length)
      emit({ ...base, type: 'mention', postId: post.id, commentId: null, recipientIds: added });
  });
}

/**
 * postDeleter: soft delete that removes the content (body, fields, history, attachments); the row
 * stays so threads and reports keep their references. A moderator's delete is audited.
 */
export async function deletePost(deps: AppDeps, storage: BlobStorage, actor: Actor, postId: string) {
  const files = await runCommand(deps, async (tx, emit) => {
    const { post, community, subject } = await loadPost(tx, actor, postId);
    communityPolicy.authorize(actor, 'post.delete', subject);
    const now = nowIso();
    await postRepo.update(tx, post.id, {
      status: 'deleted',
      title: null,
      body_md: '',
      body_html: '',
      fields: null,
      fields_html: null,
      pinned_at: null,
      updated_at: now,
      deleted_at: now,
    });
    await postRepo.deleteRevisions(tx, post.id);
    await engagementRepo.setMentions(tx, 'post', post.id, []);
    const removed = await attachmentRepo.markDeletedOfPost(tx, post.id);
    await moderationRepo.resolveOpen(tx, 'post', post.id, 'deleted', actor.userId);
    if (post.author_id !== actor.userId) {
      await moderationRepo.audit(tx, {
        actor_id: actor.userId,
        action: 'moderation.post_deleted',
        subject_type: 'post',
        subject_id: post.id,
        detail: { communityId: community.id },
      });
    }
    emit({
      type: 'post.deleted',
      communityId: community.id,
      visibility: subject.visibility,
      actorId: actor.userId,
      at: now,
      postId: post.id,
    });
    return removed;
  });
  for (const f of files) {
    await storage.delete(f.storage_key);
    if (f.thumb_key) await storage.delete(f.thumb_key);
  }
}
