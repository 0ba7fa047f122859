import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PeoplePage } from '@engawa/shared';
import { api, queryString } from './client.ts';

/** Everything cached from the people directory lives under this key. */
export const PEOPLE_KEY = ['people'] as const;

/** How many people a picker asks for at once: enough to choose from, few enough to read. */
export const PEOPLE_PICKER_LIMIT = 20;

/**
 * Searches the company directory (`GET /api/people`): active colleagues by name, kana, English name
 * or exact @handle; name and department only. Nothing is asked for an empty query. The previous
 * answer stays on screen while the next one loads (`isPlaceholderData` tells them apart).
 */
export function usePeopleSearch(q: string, enabled = true) {
  const query = q.trim();
  return useQuery({
    queryKey: [...PEOPLE_KEY, query],
    queryFn: () => api.get<PeoplePage>(`/api/people${queryString({ q: query, limit: PEOPLE_PICKER_LIMIT })}`),
    enabled: enabled && query.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
