import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { KnowhowKind, PostKind } from '@engawa/shared';
import { api, queryString } from '../../api/client.ts';
import { PEOPLE_PICKER_LIMIT } from '../../api/people.ts';
import type {
  CodeOfConductState,
  Comment,
  Community,
  CommunitySummary,
  Member,
  Page,
  Post,
  PostPage,
  Revision,
  Webhook,
} from './types.ts';

/**
 * Query keys of the community area. Every list of posts lives under `['posts', …]` so a post can be
 * found and patched wherever it is shown (feed, community, know-how) when a live event arrives.
 */
export const keys = {
  communities: ['communities'] as const,
  communityList: (scope: 'joined' | 'all', topic: string) => ['communities', 'list', scope, topic] as const,
  joinedAll: ['communities', 'joined-all'] as const,
  community: (id: string) => ['community', id] as const,
  members: (id: string) => ['community', id, 'members'] as const,
  webhooks: (id: string) => ['community', id, 'webhooks'] as const,
  postLists: ['posts'] as const,
  feed: ['posts', 'feed'] as const,
  communityPostsAll: (id: string) => ['posts', 'community', id] as const,
  communityPosts: (id: string, kind: PostKind | 'all') => ['posts', 'community', id, kind] as const,
  knowhowAll: ['posts', 'knowhow'] as const,
  knowhow: (kind: KnowhowKind | 'all') => ['posts', 'knowhow', kind] as const,
  post: (id: string) => ['post', id] as const,
  comments: (postId: string) => ['post', postId, 'comments'] as const,
  revisions: (postId: string) => ['post', postId, 'revisions'] as const,
  confirmations: (postId: string) => ['post', postId, 'confirmations'] as const,
  conduct: ['me', 'code-of-conduct'] as const,
  moderation: ['moderation'] as const,
};

export function useCommunities(scope: 'joined' | 'all', topic: string) {
  return useInfiniteQuery({
    queryKey: keys.communityList(scope, topic),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<CommunitySummary>>(
        `/api/communities${queryString({ scope, topic: topic || undefined, cursor: pageParam, limit: 24 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Communities the reader can see whose name matches `q` (folded by the server: width, case, kana),
 * newest first; the newest ones for an empty `q`. For pickers: one small page, people narrow by typing.
 */
export function useCommunitySearch(q: string, enabled = true) {
  const query = q.trim();
  return useQuery({
    queryKey: [...keys.communities, 'search', query],
    queryFn: () =>
      api.get<Page<CommunitySummary>>(
        `/api/communities${queryString({ scope: 'all', q: query || undefined, limit: 20 })}`,
      ),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** Every community I belong to (for live streams and pickers); at most 500, the server's stream cap. */
export async function fetchJoinedCommunities(): Promise<CommunitySummary[]> {
  const out: CommunitySummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<CommunitySummary>>(
      `/api/communities${queryString({ scope: 'joined', cursor, limit: 50 })}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < 500);
  return out;
}

export function useJoinedCommunities() {
  return useQuery({ queryKey: keys.joinedAll, queryFn: fetchJoinedCommunities, staleTime: 60_000 });
}

export function useCommunity(id: string) {
  return useQuery({
    queryKey: keys.community(id),
    queryFn: () => api.get<Community>(`/api/communities/${id}`),
    enabled: !!id,
  });
}

function postPages(key: QueryKey, path: (cursor: string | undefined) => string) {
  return {
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => api.get<PostPage>(path(pageParam)),
    getNextPageParam: (last: PostPage) => last.nextCursor ?? undefined,
  };
}

export function useCommunityPosts(id: string, kind: PostKind | 'all') {
  return useInfiniteQuery(
    postPages(
      keys.communityPosts(id, kind),
      (cursor) =>
        `/api/communities/${id}/posts${queryString({ kind: kind === 'all' ? undefined : kind, cursor })}`,
    ),
  );
}

export function useFeed() {
  return useInfiniteQuery(postPages(keys.feed, (cursor) => `/api/feed${queryString({ cursor })}`));
}

export function useKnowhow(kind: KnowhowKind | 'all') {
  return useInfiniteQuery(
    postPages(
      keys.knowhow(kind),
      (cursor) => `/api/knowhow${queryString({ kind: kind === 'all' ? undefined : kind, cursor })}`,
    ),
  );
}

export function usePost(id: string) {
  return useQuery({ queryKey: keys.post(id), queryFn: () => api.get<Post>(`/api/posts/${id}`) });
}

export function useComments(postId: string) {
  return useQuery({
    queryKey: keys.comments(postId),
    queryFn: async () => (await api.get<{ items: Comment[] }>(`/api/posts/${postId}/comments`)).items,
  });
}

export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.revisions(postId),
    queryFn: async () => (await api.get<{ items: Revision[] }>(`/api/posts/${postId}/revisions`)).items,
    enabled,
  });
}

/**
 * Members of a community whose name matches `q` (folded by the server like the company directory),
 * a picker's worth at a time; all members (the first ones) for an empty `q`. The previous answer
 * stays on screen while the next one loads (`isPlaceholderData` tells them apart). Lives under
 * keys.members so membership changes refresh it.
 */
export function useMemberSearch(id: string, q: string, enabled = true) {
  const query = q.trim();
  return useQuery({
    queryKey: [...keys.members(id), 'search', query],
    queryFn: () =>
      api.get<MemberPage>(
        `/api/communities/${id}/members${queryString({ q: query || undefined, limit: PEOPLE_PICKER_LIMIT })}`,
      ),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** One page of members as the server answers it (ordered by account, `nextAfter` continues). */
export interface MemberPage {
  items: Member[];
  nextAfter: string | null;
}

/** Members page by page (the organizer screen); lives under keys.members so changes refresh it too. */
export function useMemberPages(id: string, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...keys.members(id), 'pages', pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<MemberPage>(
        `/api/communities/${id}/members${queryString({ after: pageParam, limit: pageSize })}`,
      ),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

export function useWebhooks(id: string) {
  return useQuery({
    queryKey: keys.webhooks(id),
    queryFn: async () => (await api.get<{ items: Webhook[] }>(`/api/communities/${id}/webhooks`)).items,
  });
}

export function useCodeOfConduct() {
  return useQuery({
    queryKey: keys.conduct,
    queryFn: () => api.get<CodeOfConductState>('/api/me/code-of-conduct'),
  });
}

type PostListData = InfiniteData<PostPage, unknown>;

function mapPostLists(qc: QueryClient, fn: (post: Post) => Post | null): void {
  qc.setQueriesData<PostListData>({ queryKey: keys.postLists }, (data) => {
    if (!data?.pages) return data;
    let changed = false;
    const mapList = (list: Post[] | undefined) => {
      if (!list) return list;
      const next: Post[] = [];
      for (const p of list) {
        const r = fn(p);
        if (r !== p) changed = true;
        if (r) next.push(r);
      }
      return next;
    };
    const pages = data.pages.map((page) => ({
      ...page,
      items: mapList(page.items) ?? [],
      ...(page.pinned ? { pinned: mapList(page.pinned) } : {}),
    }));
    return changed ? { ...data, pages } : data;
  });
}

/** Applies a change to one post wherever it is cached: its page and every list showing it. */
export function patchPost(qc: QueryClient, postId: string, update: (post: Post) => Post): void {
  qc.setQueryData<Post>(keys.post(postId), (p) => (p ? update(p) : p));
  mapPostLists(qc, (p) => (p.id === postId ? update(p) : p));
}

/** A fresh copy of a post from the server replaces the cached ones (lists keep their unread marker). */
export function replacePost(qc: QueryClient, fresh: Post): void {
  qc.setQueryData<Post>(keys.post(fresh.id), fresh);
  mapPostLists(qc, (p) =>
    p.id === fresh.id ? { ...fresh, ...(p.unread !== undefined ? { unread: p.unread } : {}) } : p,
  );
}

/** A deleted (or now hidden) post leaves every list at once. */
export function removePost(qc: QueryClient, postId: string): void {
  mapPostLists(qc, (p) => (p.id === postId ? null : p));
}

/** True when some cached list or page shows this post (live events for others are ignored). */
export function isPostCached(qc: QueryClient, postId: string): boolean {
  if (qc.getQueryData(keys.post(postId))) return true;
  for (const [, data] of qc.getQueriesData<PostListData>({ queryKey: keys.postLists })) {
    for (const page of data?.pages ?? []) {
      if (page.items.some((p) => p.id === postId) || page.pinned?.some((p) => p.id === postId)) return true;
    }
  }
  return false;
}

/** Marks the cached posts of a community read up to a position (after POST /read). */
export function markReadInCaches(
  qc: QueryClient,
  communityId: string,
  upTo: { createdAt: string; id: string },
) {
  mapPostLists(qc, (p) =>
    p.communityId === communityId &&
    p.unread &&
    (p.createdAt < upTo.createdAt || (p.createdAt === upTo.createdAt && p.id <= upTo.id))
      ? { ...p, unread: false }
      : p,
  );
}
