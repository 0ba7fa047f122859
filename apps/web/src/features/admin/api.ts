import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, AdminUserPage, StoredRole, UserStatus } from '@engawa/shared';
import { api, queryString } from '../../api/client.ts';
import { DEPARTMENTS_KEY } from '../../api/departments.ts';

export const ADMIN_USERS_KEY = ['admin', 'users'] as const;

export interface UserFilters {
  q: string;
  status: UserStatus;
  role: StoredRole | 'manager' | '';
  departmentId: string;
}

/** The admin user list, page by page ("load more" follows nextCursor). */
export function useAdminUsers(filters: UserFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...ADMIN_USERS_KEY, 'list', filters, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<AdminUserPage>(
        `/api/admin/users${queryString({ ...filters, q: filters.q.trim(), cursor: pageParam, limit: pageSize })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** A short list of active users matching `q`, for pickers (e.g. a department's manager). */
export function useUserSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: [...ADMIN_USERS_KEY, 'search', q],
    queryFn: () =>
      api.get<AdminUserPage>(`/api/admin/users${queryString({ q: q.trim(), status: 'active', limit: 20 })}`),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** After any change to people or departments: counts, managers and names appear in both lists. */
export function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ADMIN_USERS_KEY }),
      queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
    ]);
  };
}

export type { AdminUser };
