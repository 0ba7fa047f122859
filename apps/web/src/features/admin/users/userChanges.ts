import type { AdminUserUpdateInput, StoredRole } from '@engawa/shared';

/** The user form's values (empty strings for blank optional fields). */
export interface UserDraft {
  name: string;
  email: string;
  nameKana: string;
  nameEn: string;
  title: string;
  departmentId: string | null;
  roles: StoredRole[];
  disabled: boolean;
  password: string;
}

function sameRoles(a: readonly StoredRole[], b: readonly StoredRole[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * The PATCH body for an edited user: only what changed, so saving a name never re-sends roles
 * (and cannot trip the last-admin rule) and two admins editing different fields do not clash.
 */
export function userChanges(before: UserDraft, after: UserDraft): AdminUserUpdateInput {
  const body: AdminUserUpdateInput = {};
  if (after.name.trim() !== before.name.trim()) body.name = after.name;
  if (after.email.trim() !== before.email.trim()) body.email = after.email;
  if (after.nameKana.trim() !== before.nameKana.trim()) body.nameKana = after.nameKana;
  if (after.nameEn.trim() !== before.nameEn.trim()) body.nameEn = after.nameEn;
  if (after.title.trim() !== before.title.trim()) body.title = after.title;
  if (after.departmentId !== before.departmentId) body.departmentId = after.departmentId;
  if (!sameRoles(after.roles, before.roles)) body.roles = after.roles;
  if (after.disabled !== before.disabled) body.disabled = after.disabled;
  return body;
}
