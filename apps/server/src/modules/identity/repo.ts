import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB, UserTable } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { STORED_ROLES, type StoredRole } from '@engawa/shared';

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
    set: Partial<Pick<Updateable<UserTable>, 'locale' | 'time_zone' | 'work_start' | 'work_end' | 'bio'>>,
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
