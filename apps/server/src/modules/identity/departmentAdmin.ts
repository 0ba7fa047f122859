import type { z } from 'zod';
import type {
  DepartmentCreateSchema,
  DepartmentItem,
  DepartmentList,
  DepartmentUpdateSchema,
} from '@engawa/shared';
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { newId } from '../../platform/ids.ts';
import { identityRepo, orgRepo } from './repo.ts';
import { presentDepartment } from './presenter.ts';

type Q = Kysely<DB> | Transaction<DB>;
type Deps = Pick<AppDeps, 'db' | 'database'>;

/** departmentLister: the whole tree as a flat list (sort order, then name), with active member counts. */
export async function departmentLister(deps: Deps): Promise<DepartmentList> {
  const [rows, counts] = await Promise.all([
    orgRepo.listDepartments(deps.db),
    orgRepo.activeMemberCounts(deps.db),
  ]);
  return { items: rows.map((r) => presentDepartment(r, counts.get(r.id) ?? 0)) };
}

async function loadDepartmentItem(db: Q, id: string): Promise<DepartmentItem> {
  const [row] = await orgRepo.listDepartments(db, id);
  if (!row) throw notFound();
  return presentDepartment(row, await orgRepo.countActiveMembers(db, id));
}

const codeTaken = () =>
  new AppError('identity.department_code_taken', { fields: [{ field: 'code', code: 'taken' }] });

async function assertParent(db: Q, parentId: string | null | undefined) {
  if (!parentId) return;
  if (!(await orgRepo.findDepartment(db, parentId))) {
    throw new AppError('identity.unknown_department', {
      status: 400,
      fields: [{ field: 'parentId', code: 'unknown_reference' }],
    });
  }
}

async function assertManager(db: Q, managerId: string | null | undefined) {
  if (!managerId) return;
  const user = await identityRepo.findUserById(db, managerId);
  if (!user || user.disabled_at) {
    throw new AppError('identity.unknown_user', {
      status: 400,
      fields: [{ field: 'managerId', code: 'unknown_reference' }],
    });
  }
}

/** True when `parentId` is `id` itself or lies below it: the move would detach a loop from the tree. */
async function wouldCycle(db: Q, id: string, parentId: string): Promise<boolean> {
  const parentOf = new Map((await orgRepo.allDepartments(db)).map((d) => [d.id, d.parent_id]));
  const seen = new Set<string>();
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

async function withCodeCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

/** departmentCreator: adds a department (under a parent, with a manager, when given). */
export async function departmentCreator(
  deps: Deps,
  actorId: string,
  input: z.output<typeof DepartmentCreateSchema>,
): Promise<DepartmentItem> {
  const id = newId();
  await withCodeCheck(() =>
    deps.db.transaction().execute(async (tx) => {
      if (await orgRepo.findDepartmentByCode(tx, input.code)) throw codeTaken();
      await assertParent(tx, input.parentId);
      await assertManager(tx, input.managerId);
      await identityRepo.insertDepartment(tx, {
        id,
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        parent_id: input.parentId ?? null,
        manager_id: input.managerId ?? null,
        sort_order: input.sortOrder ?? 0,
      });
      await identityRepo.audit(tx, {
        actor_id: actorId,
        action: 'department.create',
        subject_type: 'department',
        subject_id: id,
        detail: { code: input.code, parentId: input.parentId ?? null, managerId: input.managerId ?? null },
      });
    }),
  );
  return loadDepartmentItem(deps.db, id);
}

/** departmentUpdater: changes the fields sent; refuses to move a department under its own subtree. */
export async function departmentUpdater(
  deps: Deps,
  actorId: string,
  id: string,
  input: z.output<typeof DepartmentUpdateSchema>,
): Promise<DepartmentItem> {
  await withCodeCheck(() =>
    deps.db.transaction().execute(async (tx) => {
      const dept = await orgRepo.findDepartment(tx, id);
      if (!dept) throw notFound();
      const set: Parameters<typeof orgRepo.updateDepartment>[2] = {};
      if (input.code !== undefined && input.code !== dept.code) {
        if (await orgRepo.findDepartmentByCode(tx, input.code)) throw codeTaken();
        set.code = input.code;
      }
      if (input.name !== undefined && input.name !== dept.name) set.name = input.name;
      if (input.nameEn !== undefined && input.nameEn !== dept.name_en) set.name_en = input.nameEn;
      if (input.sortOrder !== undefined && input.sortOrder !== Number(dept.sort_order))
        set.sort_order = input.sortOrder;
      if (input.parentId !== undefined && input.parentId !== dept.parent_id) {
        await assertParent(tx, input.parentId);
        if (input.parentId && (await wouldCycle(tx, id, input.parentId))) {
          throw new AppError('identity.department_cycle', {
            status: 400,
            fields: [{ field: 'parentId', code: 'cycle' }],
          });
        }
        set.parent_id = input.parentId;
      }
      if (input.managerId !== undefined && input.managerId !== dept.manager_id) {
        await assertManager(tx, input.managerId);
        set.manager_id = input.managerId;
      }
      if (!Object.keys(set).length) return;
      await orgRepo.updateDepartment(tx, id, set);
      await identityRepo.audit(tx, {
        actor_id: actorId,
        action: 'department.update',
        subject_type: 'department',
        subject_id: id,
        detail: { changed: Object.keys(set) },
      });
    }),
  );
  return loadDepartmentItem(deps.db, id);
}

/**
 * departmentDeleter: deletes an empty department (no active members, no sub-departments).
 * Disabled people still pointing at it lose the department instead of blocking the deletion.
 */
export async function departmentDeleter(deps: Deps, actorId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const dept = await orgRepo.findDepartment(tx, id);
    if (!dept) throw notFound();
    const [children, members] = await Promise.all([
      orgRepo.countChildDepartments(tx, id),
      orgRepo.countActiveMembers(tx, id),
    ]);
    if (children > 0 || members > 0) throw new AppError('identity.department_not_empty');
    const detached = await orgRepo.detachDisabledMembers(tx, id);
    await orgRepo.deleteDepartment(tx, id);
    await identityRepo.audit(tx, {
      actor_id: actorId,
      action: 'department.delete',
      subject_type: 'department',
      subject_id: id,
      detail: { code: dept.code, name: dept.name, detachedDisabledMembers: detached },
    });
  });
}
