import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationItem,
  ApplyPreview,
  CareerProfile,
  EmployeeAgenda,
  ManagerView,
  OpportunityPage,
  OpportunityStatsPage,
  OpportunityStatus,
  OpportunityType,
  ProfilePart,
  RecommendationList,
} from '@engawa/shared';
import { api, queryString } from '../../api/client.ts';

/** One person the signed-in manager holds 1on1s with (GET /api/oneonone/members). */
export interface MemberSummary {
  id: string;
  name: string;
  title: string | null;
  departmentName: string | null;
  sharedItems: number;
  openNextSteps: number;
}

/** Filters of hr's (or an opportunity owner's) management list. */
export interface ManageFilters {
  type: OpportunityType | null;
  status: OpportunityStatus | 'all';
  q: string;
}

/** Page size of the catalog and the management list; 「さらに表示」 fetches the next page. */
export const OPPORTUNITY_PAGE_SIZE = 50;

/** Query keys of the career area, so every write refreshes what it changed. */
export const CAREER_KEYS = {
  profile: ['career', 'profile'] as const,
  opportunities: (type: OpportunityType | null, q: string) => ['career', 'opportunities', type, q] as const,
  recommendations: (type: OpportunityType | null) => ['career', 'recommendations', type] as const,
  applications: ['career', 'applications'] as const,
  manage: (filters: ManageFilters) => ['career', 'manage', filters] as const,
  agenda: ['oneonone', 'agenda'] as const,
  members: ['oneonone', 'members'] as const,
  member: (id: string) => ['oneonone', 'member', id] as const,
};

/** The owner's private profile. */
export function useProfile() {
  return useQuery({
    queryKey: CAREER_KEYS.profile,
    queryFn: () => api.get<CareerProfile>('/api/career/profile'),
  });
}

/** Saves one part of the profile (PUT answers with the whole profile, which replaces the cache). */
export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: 'put' | 'post' | 'patch' | 'delete';
      path: string;
      body?: unknown;
    }) => (method === 'delete' ? api.delete<unknown>(path) : api[method]<unknown>(path, body)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['career'] });
    },
  });
}

/**
 * Publish or unpublish one part of the profile. Publishing sends the version of the profile on
 * screen, so the server publishes only what the person is looking at; when it changed elsewhere
 * the server refuses and the page reloads the profile.
 */
export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ part, on }: { part: ProfilePart; on: boolean }) =>
      on
        ? api.put<CareerProfile>(`/api/career/profile/published/${part}`, {
            version: qc.getQueryData<CareerProfile>(CAREER_KEYS.profile)?.updatedAt ?? null,
          })
        : api.delete<CareerProfile>(`/api/career/profile/published/${part}`),
    onSuccess: (profile) => qc.setQueryData(CAREER_KEYS.profile, profile),
    onError: async () => {
      await qc.invalidateQueries({ queryKey: CAREER_KEYS.profile });
    },
  });
}

/**
 * The catalog (open opportunities), page by page: 「さらに表示」 follows nextCursor with the same
 * filters; changing a filter starts a new list (a new key), showing the previous one until it loads.
 */
export function useOpportunities(type: OpportunityType | null, q: string) {
  return useInfiniteQuery({
    queryKey: CAREER_KEYS.opportunities(type, q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<OpportunityPage>(
        `/api/opportunities${queryString({ type, q, limit: OPPORTUNITY_PAGE_SIZE, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useRecommendations(type: OpportunityType | null) {
  return useQuery({
    queryKey: CAREER_KEYS.recommendations(type),
    queryFn: () => api.get<RecommendationList>(`/api/career/recommendations${queryString({ type })}`),
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: CAREER_KEYS.applications,
    queryFn: () => api.get<{ items: ApplicationItem[] }>('/api/career/applications'),
  });
}

/** Exactly what the owner and hr would receive for these parts and message. */
export function fetchApplyPreview(id: string, parts: ProfilePart[], message: string): Promise<ApplyPreview> {
  return api.get<ApplyPreview>(
    `/api/opportunities/${encodeURIComponent(id)}/apply-preview${queryString({ parts: parts.join(','), message })}`,
  );
}

/** Interest, apply and withdraw: every one refreshes the career lists. */
export function useOpportunityAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (
      action:
        | { kind: 'interest'; id: string; on: boolean }
        | { kind: 'apply'; id: string; parts: ProfilePart[]; message: string; snapshotHash: string }
        | { kind: 'withdraw'; id: string },
    ) => {
      const base = `/api/opportunities/${encodeURIComponent(action.id)}`;
      if (action.kind === 'interest')
        return action.on ? api.put(`${base}/interest`, {}) : api.delete(`${base}/interest`);
      if (action.kind === 'withdraw') return api.delete(`${base}/apply`);
      return api.post(`${base}/apply`, {
        parts: action.parts,
        message: action.message || null,
        snapshotHash: action.snapshotHash,
      });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['career'] });
    },
  });
}

/** The management list with counts, page by page, like the catalog. */
export function useManageList(filters: ManageFilters) {
  return useInfiniteQuery({
    queryKey: CAREER_KEYS.manage(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<OpportunityStatsPage>(
        `/api/opportunities/manage${queryString({ ...filters, limit: OPPORTUNITY_PAGE_SIZE, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useApplicationsTo(id: string | null) {
  return useQuery({
    queryKey: ['career', 'applicationsTo', id],
    enabled: !!id,
    queryFn: () =>
      api.get<{ items: ApplicationItem[] }>(`/api/opportunities/${encodeURIComponent(id!)}/applications`),
  });
}

export function useAgenda() {
  return useQuery({
    queryKey: CAREER_KEYS.agenda,
    queryFn: () => api.get<EmployeeAgenda>('/api/oneonone/agenda'),
  });
}

export function fetchAgendaPreview(items: string[]): Promise<ManagerView> {
  return api.get<ManagerView>(`/api/oneonone/preview${queryString({ items: items.join(',') })}`);
}

export function useMembers() {
  return useQuery({
    queryKey: CAREER_KEYS.members,
    queryFn: () => api.get<{ items: MemberSummary[] }>('/api/oneonone/members'),
  });
}

export function useMemberView(id: string) {
  return useQuery({
    queryKey: CAREER_KEYS.member(id),
    queryFn: () => api.get<ManagerView>(`/api/oneonone/members/${encodeURIComponent(id)}`),
  });
}

/** Any 1on1 write; refreshes both the employee's agenda and the manager's views. */
export function useOneOnOneWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: 'put' | 'post' | 'patch' | 'delete';
      path: string;
      body?: unknown;
    }) => (method === 'delete' ? api.delete<unknown>(path) : api[method]<unknown>(path, body ?? {})),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['oneonone'] });
    },
  });
}
