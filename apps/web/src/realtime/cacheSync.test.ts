import { describe, expect, it } from 'vitest';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { keys } from '../features/community/api.ts';
import type { Post, PostPage } from '../features/community/types.ts';
import { NOTIFICATION_KEYS } from '../features/notifications/api.ts';
import { applyReactionCount, createCacheSync } from './cacheSync.ts';
import type { LiveEvent } from './protocol.ts';

function post(id: string, over: Partial<Post> = {}): Post {
  return {
    id,
    communityId: 'c1',
    community: { id: 'c1', name: 'C', visibility: 'open' },
    kind: 'post',
    title: null,
    body: 'b',
    bodyHtml: '<p>b</p>',
    fields: null,
    fieldsHtml: null,
    author: { id: 'u2', name: 'B' },
    webhook: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    editedAt: null,
    pinned: false,
    hidden: false,
    companyWide: false,
    announcement: null,
    question: null,
    reactions: [],
    signals: null,
    commentCount: 0,
    attachments: [],
    unread: true,
    abilities: {
      edit: false,
      delete: false,
      pin: false,
      accept: false,
      comment: true,
      react: true,
      signal: false,
      confirm: false,
      seeConfirmations: false,
      viewRevisions: true,
      report: true,
    },
    ...over,
  };
}

const ev = (event: string, payload: Record<string, unknown>, stream = 'community:c1'): LiveEvent => ({
  stream,
  id: 1,
  event,
  payload,
  at: '',
});

function seed() {
  const qc = new QueryClient();
  const feed: InfiniteData<PostPage, unknown> = {
    pages: [{ items: [post('p1'), post('p2')], nextCursor: null }],
    pageParams: [undefined],
  };
  qc.setQueryData(keys.feed, feed);
  qc.setQueryData(keys.communityPosts('c1', 'all'), {
    pages: [{ items: [post('p2')], pinned: [post('p1')], nextCursor: null }],
    pageParams: [undefined],
  });
  qc.setQueryData(keys.post('p1'), post('p1', { unread: undefined }));
  const sync = createCacheSync(qc, 'me', (k) => (k === 'heart' ? '❤️' : '👍'));
  const feedPosts = () => qc.getQueryData<InfiniteData<PostPage>>(keys.feed)!.pages[0]!.items;
  return { qc, sync, feedPosts };
}

describe('applyReactionCount', () => {
  it('sets, adds and removes a reaction by the server count, keeping "mine"', () => {
    const start = [{ key: 'thumbsup' as const, emoji: '👍', count: 1, mine: true }];
    expect(applyReactionCount(start, 'thumbsup', '👍', 2)).toEqual([
      { key: 'thumbsup', emoji: '👍', count: 2, mine: true },
    ]);
    expect(applyReactionCount(start, 'heart', '❤️', 1)).toEqual([
      ...start,
      { key: 'heart', emoji: '❤️', count: 1, mine: false },
    ]);
    expect(applyReactionCount(start, 'thumbsup', '👍', 0)).toEqual([]);
  });
});

describe('live events into the query cache', () => {
  it("patches someone else's reaction count wherever the post is shown, without a request", () => {
    const { qc, sync, feedPosts } = seed();
    sync.onEvent(
      ev('reaction.changed', { postId: 'p1', commentId: null, reaction: 'heart', count: 3, actorId: 'u9' }),
    );
    expect(feedPosts()[0]!.reactions).toEqual([{ key: 'heart', emoji: '❤️', count: 3, mine: false }]);
    expect(qc.getQueryData<Post>(keys.post('p1'))!.reactions[0]!.count).toBe(3);
    const community = qc.getQueryData<InfiniteData<PostPage>>(keys.communityPosts('c1', 'all'))!;
    expect(community.pages[0]!.pinned![0]!.reactions[0]!.count).toBe(3);
    // The other post is untouched, and list-only fields (unread) are kept.
    expect(feedPosts()[1]!.reactions).toEqual([]);
    expect(feedPosts()[0]!.unread).toBe(true);
  });

  it('removes a deleted post from every list', () => {
    const { qc, sync, feedPosts } = seed();
    sync.onEvent(ev('post.deleted', { postId: 'p1' }));
    expect(feedPosts().map((p) => p.id)).toEqual(['p2']);
    const community = qc.getQueryData<InfiniteData<PostPage>>(keys.communityPosts('c1', 'all'))!;
    expect(community.pages[0]!.pinned).toEqual([]);
  });

  it('marks the lists that can show a new post stale (they refetch), not other communities', () => {
    const { qc, sync } = seed();
    qc.setQueryData(keys.communityPosts('c2', 'all'), { pages: [], pageParams: [] });
    sync.onEvent(ev('post.created', { communityId: 'c1', postId: 'p3', kind: 'post' }));
    expect(qc.getQueryState(keys.feed)!.isInvalidated).toBe(true);
    expect(qc.getQueryState(keys.communityPosts('c1', 'all'))!.isInvalidated).toBe(true);
    expect(qc.getQueryState(keys.communityPosts('c2', 'all'))!.isInvalidated).toBe(false);
  });

  it('keeps the bell count in step when notifications are read in another tab', () => {
    const { qc, sync } = seed();
    qc.setQueryData(NOTIFICATION_KEYS.count, { unreadCount: 4 });
    sync.onEvent(ev('notification.read', { unreadCount: 0 }, 'user:me'));
    expect(qc.getQueryData(NOTIFICATION_KEYS.count)).toEqual({ unreadCount: 0 });
    sync.onEvent(ev('notification', { notificationId: 'n1', kind: 'comment' }, 'user:me'));
    expect(qc.getQueryState(NOTIFICATION_KEYS.count)!.isInvalidated).toBe(true);
  });

  it('after a resync, reloads what the stream shows; a first subscription reloads only older data', () => {
    const { qc, sync } = seed();
    sync.onResync('community:c1');
    expect(qc.getQueryState(keys.feed)!.isInvalidated).toBe(true);
    expect(qc.getQueryState(keys.post('p1'))!.isInvalidated).toBe(true);

    const fresh = seed();
    const loadedAt = fresh.qc.getQueryState(keys.feed)!.dataUpdatedAt;
    fresh.sync.onSubscribed('community:c1', false, loadedAt - 1);
    expect(fresh.qc.getQueryState(keys.feed)!.isInvalidated).toBe(false);
    fresh.sync.onSubscribed('community:c1', false, loadedAt + 1);
    expect(fresh.qc.getQueryState(keys.feed)!.isInvalidated).toBe(true);
  });
});
