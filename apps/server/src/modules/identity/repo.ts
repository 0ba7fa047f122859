import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, DepartmentTable, UserTable } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { STORED_ROLES, type StoredRole } from '@engawa/shared';
import { nameSearchText } from './userSearch.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only place with SQL for users, roles, sessions and departments. */
export const identityRepo = {
  findUserByEmail(db: Q, email: string) {
    return db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
  },
  findUserById(db: Q, id: string) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findUserByOidcSubject(db: Q, subject: string) {
    return db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
  },
  updateSettings(
    db: Q,
    userId: string,
    set: Partial<
      Pick<Updateable<UserTable>, 'locale' | 'time_zone' | 'work_start' | 'work_end' | 'email_digest' | 'bio'>
    >,
  ) {
    return db
      .updateTable('users')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
  },
  async rolesOf(db: Q, userId: string): Promise<StoredRole[]> {
    const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
    return rows
      .map((r) => r.role)
      .filter((r): r is StoredRole => (STORED_ROLES as readonly string[]).includes(r));
  },
  async setRoles(db: Q, userId: string, roles: readonly StoredRole[]) {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length)
      await db
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
  },
  async managedDepartmentIds(db: Q, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('departments').select('id').where('manager_id', '=', userId).execute();
    return rows.map((r) => r.id);
  },
  /** Adds one failed sign-in and returns the new count (one atomic statement). */
  async incrementLoginFailures(db: Q, userId: string): Promise<number> {
    const row = await db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: nowIso() }))
      .where('id', '=', userId)
      .returning('failed_logins')
      .executeTakeFirst();
    return row?.failed_logins ?? 0;
  },
  recordLoginFailure(db: Q, userId: string, failures: number, lockedUntil: string | null) {
    return db
      .updateTable('users')
      .set({ failed_logins: failures, locked_until: lockedUntil, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
  },
  clearLoginFailures(db: Q, userId: string) {
    return db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  },
  createSession(db: Q, row: { id: string; user_id: string; expires_at: string; user_agent: string | null }) {
    const now = nowIso();
    return db
      .insertInto('sessions')
      .values({ ...row, created_at: now, last_seen_at: now })
      .execute();
  },
  findSession(db: Q, id: string) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  touchSession(db: Q, id: string, at: string) {
    return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
  deleteSession(db: Q, id: string) {
    return db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  /** Closes an account for good (erasure): disabled, no password, no SSO link. */
  closeAccount(db: Q, userId: string, at: string) {
    return db
      .updateTable('users')
      .set({ disabled_at: at, password_hash: null, oidc_subject: null, updated_at: at })
      .where('id', '=', userId)
      .execute();
  },
  deleteSessionsOfUser(db: Q, userId: string) {
    return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
  deleteExpiredSessions(db: Q, now: string) {
    return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  },
  countNonDemoUsers(db: Q) {
    return db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_demo', '=', 0)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  countDemoUsers(db: Q) {
    return db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_demo', '=', 1)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  findUsersByEmails(db: Q, emails: string[]) {
    return db.selectFrom('users').select(['id', 'email', 'name']).where('email', 'in', emails).execute();
  },
  countUsers(db: Q) {
    return db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  /**
   * Inserts a user; timestamps and the folded directory names are set here. E-mail is stored
   * trimmed and lower-case.
   */
  insertUser(db: Q, row: Omit<Insertable<UserTable>, 'created_at' | 'updated_at'>) {
    const now = nowIso();
    return db
      .insertInto('users')
      .values({
        ...row,
        email: row.email.trim().toLowerCase(),
        name_search: nameSearchText([row.name, row.name_kana, row.name_en]),
        created_at: now,
        updated_at: now,
      })
      .execute();
  },
  /** Inserts a department; timestamps are set here. */
  insertDepartment(db: Q, row: Omit<Insertable<DepartmentTable>, 'created_at' | 'updated_at'>) {
    const now = nowIso();
    return db
      .insertInto('departments')
      .values({ ...row, created_at: now, updated_at: now })
      .execute();
  },
  setDepartmentManager(db: Q, departmentId: string, managerId: string | null) {
    return db
      .updateTable('departments')
      .set({ manager_id: managerId, updated_at: nowIso() })
      .where('id', '=', departmentId)
      .execute();
  },
  /** Links a single sign-on identity (the IdP's `sub`) to a user. */
  setOidcSubject(db: Q, userId: string, subject: string) {
    return db
      .updateTable('users')
      .set({ oidc_subject: subject, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
  },
  /** Sets a new password hash and lifts any login lock (an administrator chose the password). */
  setPasswordHash(db: Q, userId: string, passwordHash: string) {
    return db
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
  },
  audit(
    db: Q,
    e: {
      actor_id: string | null;
      action: string;
      subject_type: string;
      subject_id: string | null;
      detail?: unknown;
    },
  ) {
    return db
      .insertInto('audit_events')
      .values({
        actor_id: e.actor_id,
        action: e.action,
        subject_type: e.subject_type,
        subject_id: e.subject_id,
        detail: e.detail === undefined ? null : JSON.stringify(e.detail),
        created_at: nowIso(),
      })
      .execute();
  },
};

/** Filters of the administrators' user list (already normalised by the caller). */
export interface AdminUserFilter {
  /** Search words: each inner list holds LIKE patterns (lower-case, escaped) of which one must match. */
  terms: string[][];
  departmentId?: string;
  role?: StoredRole | 'manager';
  status: 'active' | 'disabled' | 'all';
}

type UsersAs = DB & { u: UserTable };

/** Keyset paging over (name, id): the rows after `after` (the last row of the previous page). */
export function afterNameAndId(
  eb: ExpressionBuilder<UsersAs, 'u'>,
  after: { name: string; id: string },
): Expression<SqlBool> {
  return eb.or([
    eb('u.name', '>', after.name),
    eb.and([eb('u.name', '=', after.name), eb('u.id', '>', after.id)]),
  ]);
}

function adminUserWhere(eb: ExpressionBuilder<UsersAs, 'u'>, f: AdminUserFilter): Expression<SqlBool> {
  const conds: Array<Expression<SqlBool>> = [];
  if (f.status === 'active') conds.push(eb('u.disabled_at', 'is', null));
  if (f.status === 'disabled') conds.push(eb('u.disabled_at', 'is not', null));
  if (f.departmentId) conds.push(eb('u.department_id', '=', f.departmentId));
  if (f.role === 'manager') {
    conds.push(
      eb.exists(eb.selectFrom('departments as dm').select('dm.id').whereRef('dm.manager_id', '=', 'u.id')),
    );
  } else if (f.role) {
    const role = f.role;
    conds.push(
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  const cols = ['u.name', 'u.name_kana', 'u.email'] as const;
  for (const patterns of f.terms) {
    conds.push(
      eb.or(
        patterns.flatMap((p) => cols.map((c) => sql<SqlBool>`lower(${eb.ref(c)}) like ${p} escape '\\'`)),
      ),
    );
  }
  return eb.and(conds);
}

/** Splits a list so no statement binds too many parameters (SQLite and PostgreSQL both have limits). */
function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * SQL for the organisation: the department tree, public profiles, the administrators' user list
 * and the lookups of the CSV import. Kept apart from identityRepo's session/login queries.
 */
export const orgRepo = {
  /** Departments with their manager's name; all of them, or just `onlyId`. */
  listDepartments(db: Q, onlyId?: string) {
    return db
      .selectFrom('departments as d')
      .leftJoin('users as m', 'm.id', 'd.manager_id')
      .select([
        'd.id',
        'd.code',
        'd.name',
        'd.name_en',
        'd.parent_id',
        'd.manager_id',
        'd.sort_order',
        'm.name as manager_name',
      ])
      .$if(!!onlyId, (qb) => qb.where('d.id', '=', onlyId!))
      .orderBy('d.sort_order')
      .orderBy('d.name')
      .orderBy('d.id')
      .execute();
  },
  /** Active members per department id (disabled people are not members). */
  async activeMemberCounts(db: Q): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('users')
      .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('disabled_at', 'is', null)
      .where('department_id', 'is not', null)
      .groupBy('department_id')
      .execute();
    return new Map(rows.map((r) => [r.department_id!, Number(r.n)]));
  },
  findDepartment(db: Q, id: string) {
    return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findDepartmentByCode(db: Q, code: string) {
    return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** Every department (the tree is small: hundreds to a few thousand rows). */
  allDepartments(db: Q) {
    return db.selectFrom('departments').selectAll().execute();
  },
  updateDepartment(
    db: Q,
    id: string,
    set: Partial<
      Pick<
        Updateable<DepartmentTable>,
        'code' | 'name' | 'name_en' | 'parent_id' | 'manager_id' | 'sort_order'
      >
    >,
  ) {
    return db
      .updateTable('departments')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  },
  deleteDepartment(db: Q, id: string) {
    return db.deleteFrom('departments').where('id', '=', id).execute();
  },
  async countChildDepartments(db: Q, id: string): Promise<number> {
    const r = await db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async countActiveMembers(db: Q, departmentId: string): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', departmentId)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Disabled people keep no department when theirs is deleted. Returns how many were detached. */
  async detachDisabledMembers(db: Q, departmentId: string): Promise<number> {
    const r = await db
      .updateTable('users')
      .set({ department_id: null, updated_at: nowIso() })
      .where('department_id', '=', departmentId)
      .where('disabled_at', 'is not', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  /** Public profile fields of an active user, with the department name; never e-mail or settings. */
  findPublicProfile(db: Q, id: string) {
    return db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select([
        'u.id',
        'u.name',
        'u.name_kana',
        'u.name_en',
        'u.title',
        'u.bio',
        'u.department_id',
        'd.name as department_name',
      ])
      .where('u.id', '=', id)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  },
  /** One page of the admin user list, ordered by (name, id); `after` is the last row of the previous page. */
  adminUserPage(db: Q, f: AdminUserFilter, after: { name: string; id: string } | null, limit: number) {
    return adminUserRows(db)
      .where((eb) => adminUserWhere(eb, f))
      .$if(!!after, (qb) => qb.where((eb) => afterNameAndId(eb, after!)))
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(limit)
      .execute();
  },
  async countAdminUsers(db: Q, f: AdminUserFilter): Promise<number> {
    const r = await db
      .selectFrom('users as u')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => adminUserWhere(eb, f))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** The same row shape as adminUserPage, for one user (any status). */
  findAdminUser(db: Q, id: string) {
    return adminUserRows(db).where('u.id', '=', id).executeTakeFirst();
  },
  /** Stored roles of many users at once (users without roles are absent from the map). */
  async rolesOfUsers(db: Q, userIds: readonly string[]): Promise<Map<string, StoredRole[]>> {
    const out = new Map<string, StoredRole[]>();
    for (const ids of chunksOf(userIds, 500)) {
      const rows = await db
        .selectFrom('user_roles')
        .select(['user_id', 'role'])
        .where('user_id', 'in', ids)
        .execute();
      for (const r of rows) {
        if (!(STORED_ROLES as readonly string[]).includes(r.role)) continue;
        const list = out.get(r.user_id) ?? [];
        list.push(r.role as StoredRole);
        out.set(r.user_id, list);
      }
    }
    for (const list of out.values()) list.sort((a, b) => STORED_ROLES.indexOf(a) - STORED_ROLES.indexOf(b));
    return out;
  },
  /** Which of these users manage at least one department. */
  async managersAmong(db: Q, userIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const ids of chunksOf(userIds, 500)) {
      const rows = await db
        .selectFrom('departments')
        .select('manager_id')
        .distinct()
        .where('manager_id', 'in', ids)
        .execute();
      for (const r of rows) if (r.manager_id) out.add(r.manager_id);
    }
    return out;
  },
  /** Updates account fields; a changed name, reading or English name refreshes the directory names. */
  async updateUser(
    db: Q,
    id: string,
    set: Partial<
      Pick<
        Updateable<UserTable>,
        'email' | 'name' | 'name_kana' | 'name_en' | 'title' | 'department_id' | 'disabled_at'
      >
    >,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (set.name === undefined && set.name_kana === undefined && set.name_en === undefined) return;
    const names = await db
      .selectFrom('users')
      .select(['name', 'name_kana', 'name_en'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!names) return;
    await db
      .updateTable('users')
      .set({ name_search: nameSearchText([names.name, names.name_kana, names.name_en]) })
      .where('id', '=', id)
      .execute();
  },
  /** Ids of users with the e-mail address (any status), optionally excluding one user. */
  async emailTaken(db: Q, email: string, exceptUserId?: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .$if(!!exceptUserId, (qb) => qb.where('id', '<>', exceptUserId!))
      .executeTakeFirst();
    return !!row;
  },
  /**
   * Active administrators. With `lock` (PostgreSQL only) their rows stay locked until the
   * transaction ends, so two administrators demoting each other cannot both succeed.
   */
  async activeAdminIds(db: Q, lock: boolean): Promise<string[]> {
    const rows = await db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('r.role', '=', 'admin')
      .where('u.disabled_at', 'is', null)
      .$if(lock, (qb) => qb.forUpdate())
      .execute();
    return rows.map((r) => r.id);
  },
  /** Full user rows for a list of e-mail addresses (already normalised). */
  async usersByEmails(db: Q, emails: readonly string[]) {
    const out: Array<Selectable<UserTable>> = [];
    for (const list of chunksOf([...new Set(emails)], 500)) {
      out.push(...(await db.selectFrom('users').selectAll().where('email', 'in', list).execute()));
    }
    return out;
  },
  /** Inserts many users in batches (CSV import). */
  async insertUsers(db: Q, rows: Array<Omit<Insertable<UserTable>, 'created_at' | 'updated_at'>>) {
    const now = nowIso();
    for (const batch of chunksOf(rows, 50)) {
      await db
        .insertInto('users')
        .values(
          batch.map((r) => ({
            ...r,
            name_search: nameSearchText([r.name, r.name_kana, r.name_en]),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  },
  async addRoles(db: Q, rows: Array<{ user_id: string; role: StoredRole }>) {
    for (const batch of chunksOf(rows, 200)) await db.insertInto('user_roles').values(batch).execute();
  },
  removeRoles(db: Q, userId: string, roles: readonly StoredRole[]) {
    return db
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', 'in', [...roles])
      .execute();
  },
  /** Ends every session of a user except, optionally, one (the caller's own). */
  deleteSessionsOfUserExcept(db: Q, userId: string, keepSessionId: string | null) {
    return db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(!!keepSessionId, (qb) => qb.where('id', '<>', keepSessionId!))
      .execute();
  },
};

/** The admin user row (list and single lookups share it, so both always have the same shape). */
function adminUserRows(db: Q) {
  return db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.name_kana',
      'u.name_en',
      'u.title',
      'u.department_id',
      'd.name as department_name',
      'u.disabled_at',
      'u.oidc_subject',
      'u.created_at',
      sql<number>`case when u.password_hash is null then 0 else 1 end`.as('has_password'),
    ]);
}
