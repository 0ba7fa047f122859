import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { STORED_ROLES, type StoredRole } from './roles.ts';

/**
 * API contract for the organisation: departments, public profiles, user administration and the
 * CSV import. Request schemas live here so the server validates and the web forms check the same
 * rules; response types are what the server's presenters return.
 */

/** One department in `GET /api/departments` (a flat list; the client builds the tree from parentId). */
export interface DepartmentItem {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: string | null;
  managerId: string | null;
  managerName: string | null;
  /** Active (not disabled) people whose department this is; sub-departments not included. */
  memberCount: number;
  sortOrder: number;
}

export interface DepartmentList {
  items: DepartmentItem[];
}

/** What any signed-in colleague may see about a person (`GET /api/users/:id`). */
export interface PublicProfile {
  id: string;
  name: string;
  nameKana: string | null;
  nameEn: string | null;
  title: string | null;
  bio: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

/**
 * One person in the company directory (`GET /api/people`), as any signed-in colleague finds them
 * in a person picker: a name and where they work, nothing else (no e-mail, roles or account state).
 */
export interface PersonItem {
  id: string;
  name: string;
  department: { id: string; name: string } | null;
}

export interface PeoplePage {
  items: PersonItem[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** A user as system administrators see and edit them. */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  nameKana: string | null;
  nameEn: string | null;
  title: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** Stored roles only; `employee` is everyone and `manager` comes from the tree (see isManager). */
  roles: StoredRole[];
  isManager: boolean;
  disabled: boolean;
  hasPassword: boolean;
  /** Linked to a single sign-on identity. */
  sso: boolean;
  createdAt: string;
}

export interface AdminUserPage {
  items: AdminUser[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Number of users matching the filters (all pages). */
  total: number;
}

export interface ImportCounts {
  created: number;
  updated: number;
  /** Rows that matched an existing record and changed nothing. */
  unchanged: number;
}

/** Answer of a successful (or dry-run) CSV import. */
export interface OrgImportResult {
  departments: ImportCounts;
  users: ImportCounts;
  dryRun: boolean;
}

export const USER_STATUSES = ['active', 'disabled', 'all'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Roles the admin user list can filter by (`manager` = manages at least one department). */
export const USER_ROLE_FILTERS = [...STORED_ROLES, 'manager'] as const;

/**
 * Columns of departments.csv. `code` and `name` must be in the header; a column left out of the
 * header keeps the stored value on update, an empty cell clears it.
 */
export const DEPARTMENT_CSV_COLUMNS = [
  'code',
  'name',
  'name_en',
  'parent_code',
  'manager_email',
  'sort_order',
] as const;
export const DEPARTMENT_CSV_REQUIRED = ['code', 'name'] as const;

/** Columns of users.csv (same rules as departments.csv). roles: hr/organizer/admin separated by `;` or spaces. */
export const USER_CSV_COLUMNS = [
  'email',
  'name',
  'name_kana',
  'name_en',
  'department_code',
  'title',
  'roles',
] as const;
export const USER_CSV_REQUIRED = ['email', 'name'] as const;

/** E-mail as stored: NFKC (full-width input from a Japanese IME), trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

const email = z.string().max(LIMITS.emailMax).transform(normalizeEmail).pipe(z.email().max(LIMITS.emailMax));
const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: empty means "none" (stored as null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
const id = z.string().min(1).max(64);
const roles = z
  .array(z.enum(STORED_ROLES))
  .max(STORED_ROLES.length)
  .transform((r) => [...new Set(r)]);

/** Body of `POST /api/admin/users`. */
export const AdminUserCreateSchema = z.object({
  email,
  name: requiredText(LIMITS.nameMax),
  nameKana: optionalText(LIMITS.nameMax).optional(),
  nameEn: optionalText(LIMITS.nameMax).optional(),
  title: optionalText(LIMITS.titleMax).optional(),
  departmentId: id.nullable().optional(),
  roles: roles.optional(),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).optional(),
});
export type AdminUserCreateInput = z.input<typeof AdminUserCreateSchema>;

/** Body of `PATCH /api/admin/users/:id`: only the fields sent change. */
export const AdminUserUpdateSchema = z.object({
  email: email.optional(),
  name: requiredText(LIMITS.nameMax).optional(),
  nameKana: optionalText(LIMITS.nameMax).optional(),
  nameEn: optionalText(LIMITS.nameMax).optional(),
  title: optionalText(LIMITS.titleMax).optional(),
  departmentId: id.nullable().optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
});
export type AdminUserUpdateInput = z.input<typeof AdminUserUpdateSchema>;

/** Body of `POST /api/admin/users/:id/password`. */
export const AdminPasswordSchema = z.object({
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
});

/**
 * Query of `GET /api/people`. `q` is matched against names (name, kana reading, English name) after
 * NFKC and case folding, and against a whole e-mail local part (the @mention handle) exactly.
 */
export const PeopleQuerySchema = z.object({
  q: z.string().max(LIMITS.nameMax).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.peoplePageMax).default(LIMITS.peoplePageDefault),
});

/** Query of `GET /api/admin/users`. */
export const AdminUserListQuerySchema = z.object({
  q: z.string().max(LIMITS.nameMax).optional(),
  departmentId: id.optional(),
  role: z.enum(USER_ROLE_FILTERS).optional(),
  status: z.enum(USER_STATUSES).default('active'),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

const departmentCode = z.string().normalize('NFKC').trim().min(1).max(LIMITS.departmentCodeMax);
const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);

/** Body of `POST /api/admin/departments`. */
export const DepartmentCreateSchema = z.object({
  code: departmentCode,
  name: requiredText(LIMITS.departmentNameMax),
  nameEn: optionalText(LIMITS.departmentNameMax).optional(),
  parentId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  sortOrder: sortOrder.optional(),
});
export type DepartmentCreateInput = z.input<typeof DepartmentCreateSchema>;

/** Body of `PATCH /api/admin/departments/:id`: only the fields sent change. */
export const DepartmentUpdateSchema = DepartmentCreateSchema.partial();
export type DepartmentUpdateInput = z.input<typeof DepartmentUpdateSchema>;

/** Body of `POST /api/admin/import` (CSV files as text; at least one of the two). */
export const OrgImportSchema = z.object({
  departmentsCsv: z.string().optional(),
  usersCsv: z.string().optional(),
  dryRun: z.boolean().default(false),
});
export type OrgImportInput = z.input<typeof OrgImportSchema>;
