import type { Locale, Role } from '@engawa/shared';

/** The signed-in person a request acts for. Built from the session on every request. */
export interface Actor {
  userId: string;
  sessionId: string;
  name: string;
  roles: ReadonlySet<Role>;
  departmentId: string | null;
  /** Departments this person manages directly (the source of the derived `manager` role). */
  managedDepartmentIds: readonly string[];
  locale: Locale;
}

export function hasRole(actor: Actor | null | undefined, role: Role): boolean {
  return !!actor && actor.roles.has(role);
}
