import type { Query, QueryClient } from '@tanstack/react-query';
import { isKnowhowKind, type ReactionKey } from '@engawa/shared';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { isPostCached, keys, patchPost, removePost, replacePost } from '../features/community/api.ts';
import type { Comment, Post, Reaction } from '../features/community/types.ts';
import { NOTIFICATION_KEYS } from '../features/notifications/api.ts';
import type { LiveEvent } from './protocol.ts';

/**
 * A reaction count from a live event applied to a cached reaction list: the count is the server's
 * truth; whether it is mine does not change (my own changes refetch instead).
 */
export function applyReactionCount(
  reactions: readonly Reaction[],
  key: ReactionKey,
  emoji: string,
  count: number,
): Reaction[] {
  const existing = reactions.find((r) => r.key === key);
  if (count <= 0) return reactions.filter((r) => r.key !== key);
  if (existing) return reactions.map((r) => (r.key === key ? { ...r, count } : r));
  return [...reactions, { key, emoji, count, mine: false }];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/**
 * Turns live events into TanStack Query cache updates, so every open tab shows new posts,
 * comments and reactions without a reload. Cheap paths first: a reaction count is patched in
 * place; a changed post is fetched once and patched into every list showing it; new posts
 * refetch the lists that could contain them.
 */
export function createCacheSync(qc: QueryClient, meId: string, emojiOf: (key: string) => string) {
  const inFlight = new Map<string, Promise<void>>();

  const refreshPost = (postId: string): Promise<void> => {
    if (!isPostCached(qc, postId)) return Promise.resolve();
    const running = inFlight.get(postId);
    if (running) return running;
    const task = api
      .get<Post>(`/api/posts/${postId}`)
      .then((fresh) => replacePost(qc, fresh))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) {
          removePost(qc, postId);
          void qc.invalidateQueries({ queryKey: keys.post(postId), exact: true });
        }
      })
      .finally(() => inFlight.delete(postId));
    inFlight.set(postId, task);
    return task;
  };

  const invalidateCommunity = (communityId: string) => {
    void qc.invalidateQueries({ queryKey: keys.community(communityId), exact: true });
    void qc.invalidateQueries({ queryKey: keys.members(communityId) });
    void qc.invalidateQueries({ queryKey: keys.communities });
  };

  const onEvent = (ev: LiveEvent) => {
    const p = ev.payload;
    const communityId = str(p.communityId);
    const postId = str(p.postId);
    const commentId = str(p.commentId);
    switch (ev.event) {
      case 'post.created': {
        void qc.invalidateQueries({ queryKey: keys.feed });
        if (communityId) void qc.invalidateQueries({ queryKey: keys.communityPostsAll(communityId) });
        if (typeof p.kind === 'string' && isKnowhowKind(p.kind))
          void qc.invalidateQueries({ queryKey: keys.knowhowAll });
        return;
      }
      case 'post.updated':
        if (postId) void refreshPost(postId);
        return;
      case 'post.deleted':
        if (postId) {
          removePost(qc, postId);
          void qc.invalidateQueries({ queryKey: keys.post(postId), exact: true });
        }
        return;
      case 'comment.created':
      case 'comment.updated':
      case 'comment.deleted':
        if (postId) {
          void qc.invalidateQueries({ queryKey: keys.comments(postId) });
          void refreshPost(postId);
        }
        return;
      case 'reaction.changed': {
        const key = str(p.reaction) as ReactionKey | null;
        const count = typeof p.count === 'number' ? p.count : null;
        if (!postId || !key || count === null) return;
        if (commentId) {
          if (p.actorId === meId) void qc.invalidateQueries({ queryKey: keys.comments(postId) });
          else
            qc.setQueryData<Comment[]>(keys.comments(postId), (list) =>
              list?.map((c) =>
                c.id === commentId
                  ? { ...c, reactions: applyReactionCount(c.reactions, key, emojiOf(key), count) }
                  : c,
              ),
            );
          return;
        }
        // My own reaction from another tab: fetch it, to know it is mine.
        if (p.actorId === meId) void refreshPost(postId);
        else
          patchPost(qc, postId, (post) => ({
            ...post,
            reactions: applyReactionCount(post.reactions, key, emojiOf(key), count),
          }));
        return;
      }
      case 'community.updated':
      case 'membership.changed':
        if (communityId) invalidateCommunity(communityId);
        if (ev.stream === `user:${meId}`) void qc.invalidateQueries({ queryKey: keys.joinedAll });
        return;
      case 'notification':
        void qc.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all });
        return;
      case 'notification.read':
        if (typeof p.unreadCount === 'number')
          qc.setQueryData(NOTIFICATION_KEYS.count, { unreadCount: p.unreadCount });
        void qc.invalidateQueries({ queryKey: NOTIFICATION_KEYS.list });
        return;
      default:
        return;
    }
  };

  /** Which cached queries show data of a stream (to reload after a resync or a late subscribe). */
  const relatedTo = (stream: string) => {
    const [prefix, id = ''] = stream.split(':');
    return (q: Query) => {
      const k = q.queryKey;
      if (prefix === 'user') return k[0] === NOTIFICATION_KEYS.all[0] || k[0] === 'communities';
      if (prefix === 'company') return k[0] === 'posts' && k[1] === 'feed';
      if (prefix === 'community') {
        if (k[0] === 'posts') return k[1] !== 'community' || k[2] === id;
        if (k[0] === 'community') return k[1] === id;
        if (k[0] === 'post' && typeof k[1] === 'string')
          return qc.getQueryData<Post>(keys.post(k[1]))?.communityId === id;
      }
      return false;
    };
  };

  return {
    onEvent,
    onResync(stream: string) {
      void qc.invalidateQueries({ predicate: relatedTo(stream) });
    },
    /**
     * A first subscription starts at the server's head: data loaded before it may have missed what
     * happened in between, so those queries are reloaded (data loaded later is already current).
     */
    onSubscribed(stream: string, resumed: boolean, sentAt: number) {
      if (resumed) return;
      const related = relatedTo(stream);
      void qc.invalidateQueries({
        predicate: (q) => related(q) && q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < sentAt,
      });
    },
    onDenied(stream: string) {
      const [prefix, id] = stream.split(':');
      if (prefix === 'community' && id) invalidateCommunity(id);
      void qc.invalidateQueries({ queryKey: keys.joinedAll });
    },
  };
}
