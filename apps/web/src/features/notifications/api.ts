import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client.ts';

/** A notification as GET /api/notifications presents it: one row per thread, `count` grouped. */
export interface AppNotification {
  id: string;
  kind: 'comment' | 'reply' | 'mention' | 'announcement' | string;
  /** The whole sentence, already in my language ("N new comments on …"). */
  title: string;
  subject: string;
  context: string | null;
  count: number;
  actor: { id: string; name: string | null } | null;
  /** In-app path, e.g. /community/<id>/posts/<id>#comment-<id>. */
  link: string;
  urgent: boolean;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const NOTIFICATION_KEYS = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  list: ['notifications', 'list'] as const,
};

/** The bell's number; kept current by live `notification` / `notification.read` events. */
export function useUnreadCount() {
  return useQuery({
    queryKey: NOTIFICATION_KEYS.count,
    queryFn: () => api.get<{ unreadCount: number }>('/api/notifications/unread-count'),
    staleTime: 60_000,
  });
}

export function useNotifications(pageSize = 30) {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATION_KEYS.list, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<NotificationPage>(`/api/notifications${queryString({ cursor: pageParam, limit: pageSize })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Mark one (id) or all (null) read; the answer carries the new unread count. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      api.post<{ unreadCount: number }>(id ? `/api/notifications/${id}/read` : '/api/notifications/read-all'),
    onSuccess: (res, id) => {
      qc.setQueryData(NOTIFICATION_KEYS.count, { unreadCount: res.unreadCount });
      qc.setQueriesData<{ pages: NotificationPage[]; pageParams: unknown[] }>(
        { queryKey: NOTIFICATION_KEYS.list },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              unreadCount: res.unreadCount,
              items: p.items.map((n) => (id === null || n.id === id ? { ...n, read: true } : n)),
            })),
          },
      );
    },
  });
}
