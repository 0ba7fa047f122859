import type { AppDeps } from '../../app.ts';
import { Outbox, runInTransaction } from '../../platform/realtime/index.ts';
import { onCommunityEvents, type CommunityEvent } from '../community/events.ts';
import { notify, retractNotifications, type NotifyContext } from './notify.ts';
import { notificationRepo } from './repo.ts';

const pendingDelivery = new WeakMap<readonly CommunityEvent[], Outbox>();

/** The in-app path of a post (the web routes it under the community area). */
export function postLink(communityId: string, postId: string, commentId?: string | null): string {
  return `/community/${communityId}/posts/${postId}${commentId ? `#comment-${commentId}` : ''}`;
}

/**
 * Notifications for community events, written inside the community command's transaction:
 * mentions, announcements (urgent when the organizer said so), comments on my post, replies to my
 * comment. A deleted post takes its notifications with it.
 */
export function listenToCommunityEventsForNotifications(deps: AppDeps): void {
  onCommunityEvents(deps, {
    async inTransaction(tx, events) {
      const outbox = new Outbox(deps);
      const ctx: NotifyContext = { deps, tx, events: outbox.sink };
      for (const e of events) await notifyFor(ctx, e);
      await outbox.flush(tx);
      pendingDelivery.set(events, outbox);
    },
    async afterCommit(events) {
      const outbox = pendingDelivery.get(events);
      if (outbox) {
        pendingDelivery.delete(events);
        outbox.deliver();
        return;
      }
      await runInTransaction(deps, async ({ tx, events: sink }) => {
        for (const e of events) await notifyFor({ deps, tx, events: sink }, e);
      });
    },
  });
}

async function notifyFor(ctx: NotifyContext, e: CommunityEvent): Promise<void> {
  switch (e.type) {
    case 'mention': {
      const post = await notificationRepo.postSummary(ctx.tx, e.postId);
      if (!post) return;
      await notify(ctx, {
        userIds: e.recipientIds,
        kind: 'mention',
        threadKey: `post:${e.postId}`,
        actorId: e.actorId,
        subject: subjectOf(post),
        context: post.community_name,
        link: postLink(e.communityId, e.postId, e.commentId),
      });
      return;
    }
    case 'announcement': {
      const post = await notificationRepo.postSummary(ctx.tx, e.postId);
      if (!post) return;
      await notify(ctx, {
        userIds: e.recipientIds,
        kind: 'announcement',
        threadKey: `announcement:${e.postId}`,
        actorId: e.actorId,
        subject: subjectOf(post),
        context: post.community_name,
        link: postLink(e.communityId, e.postId),
        urgent: e.urgent,
      });
      return;
    }
    case 'comment.created': {
      const post = await notificationRepo.postSummary(ctx.tx, e.postId);
      if (!post) return;
      const parent = e.parentId ? await notificationRepo.commentAuthor(ctx.tx, e.parentId) : undefined;
      let postAuthor = post.author_id ? [post.author_id] : [];
      let parentAuthor = parent?.author_id && parent.author_id !== post.author_id ? [parent.author_id] : [];
      if (e.visibility === 'private') {
        // Only people who can still read the community hear about it.
        const members = await notificationRepo.memberIds(ctx.tx, e.communityId, [
          ...postAuthor,
          ...parentAuthor,
        ]);
        postAuthor = postAuthor.filter((id) => members.has(id));
        parentAuthor = parentAuthor.filter((id) => members.has(id));
      }
      const common = {
        threadKey: `post:${e.postId}`,
        actorId: e.actorId,
        subject: subjectOf(post),
        context: post.community_name,
        link: postLink(e.communityId, e.postId, e.commentId),
      };
      await notify(ctx, { ...common, userIds: postAuthor, kind: 'comment' });
      await notify(ctx, { ...common, userIds: parentAuthor, kind: 'reply' });
      return;
    }
    case 'reaction.changed': {
      // Someone reacted to my post or comment: one grouped notification per thing reacted to.
      // Taking a reaction back tells nobody.
      if (!e.added) return;
      const post = await notificationRepo.postSummary(ctx.tx, e.postId);
      if (!post) return;
      const author = e.commentId
        ? (await notificationRepo.commentAuthor(ctx.tx, e.commentId))?.author_id
        : post.author_id;
      if (!author) return;
      if (e.visibility === 'private') {
        const members = await notificationRepo.memberIds(ctx.tx, e.communityId, [author]);
        if (!members.has(author)) return;
      }
      await notify(ctx, {
        userIds: [author],
        kind: 'reaction',
        // One key per post (comment reactions included), so deleting the post takes them all away.
        threadKey: `reactions:post:${e.postId}`,
        actorId: e.actorId,
        subject: subjectOf(post),
        context: post.community_name,
        link: postLink(e.communityId, e.postId, e.commentId),
      });
      return;
    }
    case 'post.deleted':
      await retractNotifications(ctx.tx, `reactions:post:${e.postId}`);
      await retractNotifications(ctx.tx, `post:${e.postId}`);
      await retractNotifications(ctx.tx, `announcement:${e.postId}`);
      return;
    default:
      return;
  }
}

/** A post's title, or the start of its text when it has none (plain, one line). */
function subjectOf(post: { title: string | null; body_md: string }): string {
  if (post.title?.trim()) return post.title;
  const text = post.body_md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
