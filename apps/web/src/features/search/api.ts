import { useInfiniteQuery } from '@tanstack/react-query';
import type { PostKind } from '@engawa/shared';
import { api, queryString } from '../../api/client.ts';
import type { Segment } from './highlight.ts';

/** One hit of GET /api/search: ids for links, text as highlighted segments (never HTML). */
export interface SearchHit {
  type: 'post' | 'comment' | 'community';
  id: string;
  communityId: string;
  communityName: string;
  postId: string | null;
  kind: PostKind | null;
  author: { id: string; name: string | null } | null;
  title: Segment[];
  postTitle: string | null;
  snippet: Segment[];
  createdAt: string;
}

export interface SearchParams {
  q: string;
  type?: 'post' | 'comment' | 'community' | '';
  communityId?: string;
  authorId?: string;
  kind?: PostKind | '';
}

/** Search results page by page; nothing is asked until there is a query. */
export function useSearch(params: SearchParams, pageSize = 20) {
  const q = params.q.trim();
  return useInfiniteQuery({
    queryKey: ['search', { ...params, q }, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<{ items: SearchHit[]; nextCursor: string | null; terms: string[] }>(
        `/api/search${queryString({
          q,
          type: params.type || undefined,
          communityId: params.communityId || undefined,
          authorId: params.authorId || undefined,
          kind: params.kind || undefined,
          cursor: pageParam,
          limit: pageSize,
        })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.length > 0,
    staleTime: 10_000,
  });
}

/** Where a hit opens: the post (at the comment), or the community. */
export function hitPath(hit: SearchHit): string {
  if (hit.type === 'community') return `/community/${hit.id}`;
  const postId = hit.postId ?? hit.id;
  return `/community/${hit.communityId}/posts/${postId}${hit.type === 'comment' ? `#comment-${hit.id}` : ''}`;
}
