import type { Selectable } from 'kysely';
import {
  DEFAULT_EMAIL_DIGEST,
  isEmailDigest,
  type AdminUser,
  type DepartmentItem,
  type PersonItem,
  type PublicProfile,
  type Role,
  type StoredRole,
} from '@engawa/shared';
import type { UserTable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { identityPolicy } from './policy.ts';
import type { orgRepo } from './repo.ts';
import type { peopleDirectoryRepo } from './people.repo.ts';

/** What a signed-in person sees about themself (settings included). */
export function presentMe(user: Selectable<UserTable>, actor: Actor) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    nameKana: user.name_kana,
    nameEn: user.name_en,
    title: user.title,
    bio: user.bio,
    departmentId: user.department_id,
    locale: user.locale,
    timeZone: user.time_zone,
    workStart: user.work_start,
    workEnd: user.work_end,
    emailDigest: isEmailDigest(user.email_digest) ? user.email_digest : DEFAULT_EMAIL_DIGEST,
    hasPassword: !!user.password_hash,
    roles: [...actor.roles] as Role[],
    abilities: {
      admin: identityPolicy.can(actor, 'user.admin', undefined as never),
    },
  };
}

type DepartmentRow = Awaited<ReturnType<typeof orgRepo.listDepartments>>[number];
type PublicProfileRow = NonNullable<Awaited<ReturnType<typeof orgRepo.findPublicProfile>>>;
type AdminUserRow = NonNullable<Awaited<ReturnType<typeof orgRepo.findAdminUser>>>;

/** A department for the directory and the admin tree; anyone signed in may see these fields. */
export function presentDepartment(row: DepartmentRow, memberCount: number): DepartmentItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    parentId: row.parent_id,
    managerId: row.manager_id,
    managerName: row.manager_name,
    memberCount,
    sortOrder: Number(row.sort_order),
  };
}

/** The public profile: no e-mail, settings or account state (colleagues see only this). */
export function presentPublicProfile(row: PublicProfileRow): PublicProfile {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    nameEn: row.name_en,
    title: row.title,
    bio: row.bio,
    departmentId: row.department_id,
    departmentName: row.department_name,
  };
}

/** A user as administrators see them; never the password hash or login counters. */
export function presentAdminUser(
  row: AdminUserRow,
  roles: readonly StoredRole[],
  isManager: boolean,
): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    nameKana: row.name_kana,
    nameEn: row.name_en,
    title: row.title,
    departmentId: row.department_id,
    departmentName: row.department_name,
    roles: [...roles],
    isManager,
    disabled: !!row.disabled_at,
    hasPassword: Number(row.has_password) === 1,
    sso: !!row.oidc_subject,
    createdAt: row.created_at,
  };
}

type PersonRow = Awaited<ReturnType<typeof peopleDirectoryRepo.page>>[number];

/**
 * A person in the company directory: name and department only. Anyone signed in reaches this, so
 * nothing else (e-mail, title, roles, account state) is ever added here.
 */
export function presentPerson(row: PersonRow): PersonItem {
  return {
    id: row.id,
    name: row.name,
    department:
      row.department_id && row.department_name ? { id: row.department_id, name: row.department_name } : null,
  };
}
