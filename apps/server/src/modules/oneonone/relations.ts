import type { PersonRef } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import { oneononeRepo } from './repo.ts';

/**
 * Who someone's 1on1 manager is, from the org tree: the manager of their department; when they
 * manage that department themselves (or it has no active manager), the manager of the parent
 * department, and so on up. Computed on every request, so a change in the tree takes effect at once.
 */
export interface DepartmentNode {
  id: string;
  parent_id: string | null;
  manager_id: string | null;
}

/** Walks up from `departmentId`; `isActive` says whether a candidate can be a manager. */
export function resolveManagerId(
  employeeId: string,
  departmentId: string | null,
  departments: ReadonlyMap<string, DepartmentNode>,
  isActive: (userId: string) => boolean,
): string | null {
  let current = departmentId ? departments.get(departmentId) : undefined;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const m = current.manager_id;
    if (m && m !== employeeId && isActive(m)) return m;
    current = current.parent_id ? departments.get(current.parent_id) : undefined;
  }
  return null;
}

async function tree(deps: Pick<AppDeps, 'db'>) {
  const rows = await oneononeRepo.allDepartments(deps.db);
  return new Map(rows.map((d) => [d.id, d]));
}

/** The current manager of `employeeId` (null when there is none). */
export async function managerOf(deps: Pick<AppDeps, 'db'>, employeeId: string): Promise<PersonRef | null> {
  const employee = await oneononeRepo.userCard(deps.db, employeeId);
  if (!employee || employee.disabled_at) return null;
  const departments = await tree(deps);
  const candidates = [...departments.values()].flatMap((d) => (d.manager_id ? [d.manager_id] : []));
  const active = await oneononeRepo.activeAmong(deps.db, [...new Set(candidates)]);
  const id = resolveManagerId(employeeId, employee.department_id, departments, (u) => active.has(u));
  return id ? { id, name: active.get(id)! } : null;
}

/** The people whose 1on1 manager `managerId` is, by name. */
export async function membersOf(deps: Pick<AppDeps, 'db'>, managerId: string) {
  const departments = await tree(deps);
  const managed = [...departments.values()].filter((d) => d.manager_id === managerId).map((d) => d.id);
  if (!managed.length) return [];
  // Everyone under a department they manage may report to them (sub-departments without an active manager).
  const children = new Map<string, string[]>();
  for (const d of departments.values()) {
    if (d.parent_id) children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d.id]);
  }
  const subtree = new Set<string>();
  const stack = [...managed];
  while (stack.length) {
    const id = stack.pop()!;
    if (subtree.has(id)) continue;
    subtree.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const candidates = [...departments.values()].flatMap((d) => (d.manager_id ? [d.manager_id] : []));
  const active = await oneononeRepo.activeAmong(deps.db, [...new Set(candidates)]);
  const people = await oneononeRepo.activeUsersInDepartments(deps.db, [...subtree]);
  return people.filter(
    (p) =>
      p.id !== managerId &&
      resolveManagerId(p.id, p.department_id, departments, (u) => active.has(u)) === managerId,
  );
}
