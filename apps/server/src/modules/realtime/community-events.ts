import type { AppDeps } from '../../app.ts';
import { Outbox, runInTransaction, type EventSink } from '../../platform/realtime/index.ts';
import { onCommunityEvents, type CommunityEvent } from '../community/events.ts';

/** Events are stored inside the community command's transaction; delivered after its commit. */
const pendingDelivery = new WeakMap<readonly CommunityEvent[], Outbox>();

/**
 * Turns community events into live events on `community:<id>` (one row per event, whatever the
 * member count: connections subscribe to the stream), `company` for company-wide announcements and
 * `user:<id>` for the people whose membership changed. Payloads are ids only; clients fetch what
 * they show through the REST API, where the usual visibility rules apply.
 */
export function listenToCommunityEvents(deps: AppDeps): void {
  onCommunityEvents(deps, {
    async inTransaction(tx, events) {
      const outbox = new Outbox(deps);
      for (const e of events) toLiveEvents(e, outbox.sink);
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
      // Emitted outside a command transaction: store and deliver them in one of our own.
      await runInTransaction(deps, async ({ events: sink }) => {
        for (const e of events) toLiveEvents(e, sink);
      });
    },
  });
}

/** How many people's own streams are told about a membership change (beyond that: the community stream only). */
const MAX_PERSONAL_FANOUT = 100;

export function toLiveEvents(e: CommunityEvent, sink: EventSink): void {
  const stream = `community:${e.communityId}`;
  const base = { communityId: e.communityId, actorId: e.actorId };
  switch (e.type) {
    case 'post.created':
      sink.emit({ stream, type: e.type, payload: { ...base, postId: e.postId, kind: e.kind } });
      if (e.companyWide) {
        sink.emit({ stream: 'company', type: e.type, payload: { ...base, postId: e.postId, kind: e.kind } });
      }
      return;
    case 'post.updated':
    case 'post.deleted':
      sink.emit({ stream, type: e.type, payload: { ...base, postId: e.postId } });
      return;
    case 'comment.created':
      sink.emit({
        stream,
        type: e.type,
        payload: { ...base, postId: e.postId, commentId: e.commentId, parentId: e.parentId },
      });
      return;
    case 'comment.updated':
    case 'comment.deleted':
      sink.emit({ stream, type: e.type, payload: { ...base, postId: e.postId, commentId: e.commentId } });
      return;
    case 'reaction.changed':
      sink.emit({
        stream,
        type: e.type,
        payload: { ...base, postId: e.postId, commentId: e.commentId, reaction: e.reaction, count: e.count },
      });
      return;
    case 'community.updated':
      sink.emit({ stream, type: e.type, payload: base });
      // Visibility may have changed (open → private): re-check every subscriber.
      sink.accessChanged(stream);
      return;
    case 'membership.changed':
      sink.emit({
        stream,
        type: e.type,
        payload: { ...base, userIds: e.userIds.slice(0, MAX_PERSONAL_FANOUT) },
      });
      for (const userId of e.userIds.slice(0, MAX_PERSONAL_FANOUT)) {
        sink.emit({ stream: `user:${userId}`, type: e.type, payload: base });
      }
      sink.accessChanged(stream, e.userIds);
      return;
    case 'mention':
    case 'announcement':
      // People are told through notifications (which push on their own stream when it is time).
      return;
  }
}
