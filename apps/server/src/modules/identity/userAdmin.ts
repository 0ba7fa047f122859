import type { z } from 'zod';
import type {
  AdminUser,
  AdminUserCreateSchema,
  AdminUserListQuerySchema,
  AdminUserPage,
  AdminUserUpdateSchema,
  StoredRole,
} from '@engawa/shared';
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { newId } from '../../platform/ids.ts';
import { identityRepo, orgRepo } from './repo.ts';
import { presentAdminUser } from './presenter.ts';
import { decodeNameCursor, encodeNameCursor, searchTerms } from './userSearch.ts';

type Q = Kysely<DB> | Transaction<DB>;
type Deps = Pick<AppDeps, 'db' | 'database'>;

/** Loads one user in the admin shape (roles and the derived manager flag included). */
export async function loadAdminUser(db: Q, id: string): Promise<AdminUser | undefined> {
  const row = await orgRepo.findAdminUser(db, id);
  if (!row) return undefined;
  const [roles, managers] = await Promise.all([
    orgRepo.rolesOfUsers(db, [id]),
    orgRepo.managersAmong(db, [id]),
  ]);
  return presentAdminUser(row, roles.get(id) ?? [], managers.has(id));
}

/** adminUserLister: one page of users for administrators, by (name, id), with the total count. */
export async function adminUserLister(
  deps: Deps,
  query: z.output<typeof AdminUserListQuerySchema>,
): Promise<AdminUserPage> {
  const filter = {
    terms: searchTerms(query.q),
    status: query.status,
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.role ? { role: query.role } : {}),
  };
  const after = query.cursor ? decodeNameCursor(query.cursor) : null;
  const [rows, total] = await Promise.all([
    orgRepo.adminUserPage(deps.db, filter, after, query.limit + 1),
    orgRepo.countAdminUsers(deps.db, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const [roles, managers] = await Promise.all([
    orgRepo.rolesOfUsers(deps.db, ids),
    orgRepo.managersAmong(deps.db, ids),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentAdminUser(r, roles.get(r.id) ?? [], managers.has(r.id))),
    nextCursor: rows.length > query.limit && last ? encodeNameCursor(last) : null,
    total,
  };
}

async function assertDepartmentExists(db: Q, departmentId: string | null | undefined) {
  if (!departmentId) return;
  if (!(await orgRepo.findDepartment(db, departmentId))) {
    throw new AppError('identity.unknown_department', {
      status: 400,
      fields: [{ field: 'departmentId', code: 'unknown_reference' }],
    });
  }
}

const emailTaken = () =>
  new AppError('identity.email_taken', { fields: [{ field: 'email', code: 'taken' }] });

/** adminUserCreator: creates an account (optionally with a password and stored roles). */
export async function adminUserCreator(
  deps: Deps,
  actorId: string,
  input: z.output<typeof AdminUserCreateSchema>,
): Promise<AdminUser> {
  // argon2 outside the transaction: it takes ~50 ms of CPU and needs no lock.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = newId();
  const roles = input.roles ?? [];
  try {
    await deps.db.transaction().execute(async (tx) => {
      if (await orgRepo.emailTaken(tx, input.email)) throw emailTaken();
      await assertDepartmentExists(tx, input.departmentId);
      await identityRepo.insertUser(tx, {
        id,
        email: input.email,
        name: input.name,
        name_kana: input.nameKana ?? null,
        name_en: input.nameEn ?? null,
        title: input.title ?? null,
        bio: null,
        password_hash: passwordHash,
        department_id: input.departmentId ?? null,
        disabled_at: null,
        locked_until: null,
        oidc_subject: null,
      });
      if (roles.length) await identityRepo.setRoles(tx, id, roles);
      await identityRepo.audit(tx, {
        actor_id: actorId,
        action: 'user.create',
        subject_type: 'user',
        subject_id: id,
        detail: { roles, departmentId: input.departmentId ?? null, withPassword: !!passwordHash },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  return (await loadAdminUser(deps.db, id))!;
}

/**
 * Throws identity.last_admin when removing `userId` from the active administrators would leave
 * none. On PostgreSQL the administrators' rows are locked until the transaction ends, so two
 * administrators demoting each other at the same moment cannot both succeed.
 */
export async function assertAdminRemains(
  deps: Deps,
  tx: Q,
  userId: string,
  field: 'roles' | 'disabled',
): Promise<void> {
  const admins = await orgRepo.activeAdminIds(tx, deps.database.dialect === 'postgres');
  if (admins.includes(userId) && admins.every((id) => id === userId)) {
    throw new AppError('identity.last_admin', { fields: [{ field, code: 'last_admin' }] });
  }
}

/**
 * adminUserUpdater: changes the fields sent. Disabling ends every session of the user at once;
 * the last active administrator can neither be disabled nor lose the admin role.
 */
export async function adminUserUpdater(
  deps: Deps,
  actorId: string,
  userId: string,
  input: z.output<typeof AdminUserUpdateSchema>,
): Promise<AdminUser> {
  try {
    await deps.db.transaction().execute(async (tx) => {
      const user = await identityRepo.findUserById(tx, userId);
      if (!user) throw notFound();
      const changed: string[] = [];
      if (input.email !== undefined && input.email !== user.email) {
        if (await orgRepo.emailTaken(tx, input.email, userId)) throw emailTaken();
        changed.push('email');
      }
      if (input.departmentId !== undefined && input.departmentId !== user.department_id) {
        await assertDepartmentExists(tx, input.departmentId);
        changed.push('departmentId');
      }
      const currentRoles = await identityRepo.rolesOf(tx, userId);
      const nextRoles: StoredRole[] | undefined = input.roles;
      const losesAdmin = !!nextRoles && currentRoles.includes('admin') && !nextRoles.includes('admin');
      const disabling = input.disabled === true && !user.disabled_at;
      const enabling = input.disabled === false && !!user.disabled_at;
      if (disabling) await assertAdminRemains(deps, tx, userId, 'disabled');
      if (losesAdmin) await assertAdminRemains(deps, tx, userId, 'roles');

      const set: Parameters<typeof orgRepo.updateUser>[2] = {};
      if (changed.includes('email')) set.email = input.email!;
      if (input.name !== undefined && input.name !== user.name) set.name = input.name;
      if (input.nameKana !== undefined && input.nameKana !== user.name_kana) set.name_kana = input.nameKana;
      if (input.nameEn !== undefined && input.nameEn !== user.name_en) set.name_en = input.nameEn;
      if (input.title !== undefined && input.title !== user.title) set.title = input.title;
      if (changed.includes('departmentId')) set.department_id = input.departmentId ?? null;
      if (disabling) set.disabled_at = nowIso();
      if (enabling) set.disabled_at = null;
      for (const k of ['name', 'name_kana', 'name_en', 'title'] as const) if (k in set) changed.push(k);
      if (disabling || enabling) changed.push('disabled');
      if (Object.keys(set).length) await orgRepo.updateUser(tx, userId, set);

      const rolesChanged =
        !!nextRoles &&
        (nextRoles.length !== currentRoles.length || nextRoles.some((r) => !currentRoles.includes(r)));
      if (rolesChanged) {
        await identityRepo.setRoles(tx, userId, nextRoles);
        changed.push('roles');
      }
      if (disabling) await identityRepo.deleteSessionsOfUser(tx, userId);
      if (changed.length) {
        await identityRepo.audit(tx, {
          actor_id: actorId,
          action: 'user.update',
          subject_type: 'user',
          subject_id: userId,
          detail: {
            changed,
            ...(rolesChanged ? { roles: nextRoles, previousRoles: currentRoles } : {}),
            ...(disabling || enabling ? { disabled: disabling } : {}),
          },
        });
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  return (await loadAdminUser(deps.db, userId))!;
}

/**
 * adminPasswordSetter: sets a new password (argon2id) and ends the user's sessions, so whoever held
 * the old password is signed out everywhere. When administrators reset their own password, the
 * session they are using stays.
 */
export async function adminPasswordSetter(
  deps: Deps,
  actor: { userId: string; sessionId: string },
  userId: string,
  password: string,
): Promise<void> {
  if (!(await identityRepo.findUserById(deps.db, userId))) throw notFound();
  const hash = await hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    await identityRepo.setPasswordHash(tx, userId, hash);
    await orgRepo.deleteSessionsOfUserExcept(tx, userId, actor.userId === userId ? actor.sessionId : null);
    await identityRepo.audit(tx, {
      actor_id: actor.userId,
      action: 'user.password_set',
      subject_type: 'user',
      subject_id: userId,
    });
  });
}
