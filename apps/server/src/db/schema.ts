import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings in both dialects (they sort
 * correctly as text); booleans are 0/1 integers. Only repositories use these types.
 */
export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  parent_id: string | null;
  manager_id: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  name_kana: string | null;
  name_en: string | null;
  title: string | null;
  bio: string | null;
  password_hash: string | null;
  department_id: string | null;
  locale: ColumnType<string, string | undefined, string>;
  time_zone: ColumnType<string, string | undefined, string>;
  work_start: ColumnType<string, string | undefined, string>;
  work_end: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<number, number | undefined, number>;
  disabled_at: string | null;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  oidc_subject: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
  created_at: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DB {
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  app_settings: AppSettingTable;
}
