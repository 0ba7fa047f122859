import { useQuery } from '@tanstack/react-query';
import type { DepartmentList } from '@engawa/shared';
import { api } from './client.ts';

export const DEPARTMENTS_KEY = ['departments'] as const;

/** The whole department list (flat; screens build the tree with components/departmentTree.ts). */
export function useDepartments() {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => api.get<DepartmentList>('/api/departments'),
  });
}
