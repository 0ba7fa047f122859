import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { ImportCounts, StoredRole } from '@engawa/shared';
import type { DB, DepartmentTable, UserTable } from '../../../db/schema.ts';
import { newId } from '../../../platform/ids.ts';
import { identityRepo, orgRepo } from '../repo.ts';
import type { IssueList } from './csv.ts';
import type { CheckedFile, DepartmentCsvRow, UserCsvRow } from './rows.ts';

type Q = Kysely<DB> | Transaction<DB>;
type DepartmentSet = Pick<
  Updateable<DepartmentTable>,
  'name' | 'name_en' | 'parent_id' | 'manager_id' | 'sort_order'
>;
type UserSet = Pick<Updateable<UserTable>, 'name' | 'name_kana' | 'name_en' | 'title' | 'department_id'>;

/** Every write an import will make, decided before the first one (so a dry run can report it exactly). */
export interface ImportPlan {
  /** New departments, parents before children. */
  departmentInserts: Array<Omit<Insertable<DepartmentTable>, 'created_at' | 'updated_at'>>;
  departmentUpdates: Array<{ id: string; set: DepartmentSet }>;
  userInserts: Array<Omit<Insertable<UserTable>, 'created_at' | 'updated_at'>>;
  userUpdates: Array<{ id: string; set: UserSet }>;
  roleAdds: Array<{ user_id: string; role: StoredRole }>;
  roleRemovals: Array<{ userId: string; roles: StoredRole[] }>;
  counts: { departments: ImportCounts; users: ImportCounts };
  /** For the audit trail: who gains or loses the admin role through this import. */
  adminGranted: string[];
  adminRevoked: string[];
}

const zero = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Checks every reference of both files against each other and the database (parent and manager of
 * departments, department of users, cycles in the tree, the last administrator), adding problems to
 * `issues`, and works out the writes. Runs inside the import transaction, so what it reads is what
 * gets written to.
 */
export async function planImport(
  db: Q,
  opts: { lockAdmins: boolean },
  departments: CheckedFile<DepartmentCsvRow>,
  users: CheckedFile<UserCsvRow>,
  issues: IssueList,
): Promise<ImportPlan> {
  const stored = await orgRepo.allDepartments(db);
  const storedByCode = new Map(stored.map((d) => [d.code, d]));
  const codeOfId = new Map(stored.map((d) => [d.id, d.code]));
  const managerEmails = departments.rows.flatMap((r) => (r.managerEmail ? [r.managerEmail] : []));
  const storedUsers = await orgRepo.usersByEmails(db, [...users.keys, ...managerEmails]);
  const storedByEmail = new Map(storedUsers.map((u) => [u.email, u]));

  // References from departments.csv.
  for (const row of departments.rows) {
    if (row.parentCode && row.parentCode !== row.code) {
      const known = departments.keys.has(row.parentCode) || storedByCode.has(row.parentCode);
      if (!known) issues.add('departments', row.line, 'parent_code', 'unknown_reference');
    }
    if (row.managerEmail) {
      const storedUser = storedByEmail.get(row.managerEmail);
      const inFile = users.keys.has(row.managerEmail);
      const usable = storedUser ? !storedUser.disabled_at : inFile;
      if (!usable && (users.readable || storedUser)) {
        issues.add('departments', row.line, 'manager_email', 'unknown_reference');
      }
    }
  }
  reportCycles(departments.rows, stored, codeOfId, issues);

  // References from users.csv.
  for (const row of users.rows) {
    if (!row.departmentCode) continue;
    const known = departments.keys.has(row.departmentCode) || storedByCode.has(row.departmentCode);
    if (!known && departments.readable) issues.add('users', row.line, 'department_code', 'unknown_reference');
  }

  const plan: ImportPlan = {
    departmentInserts: [],
    departmentUpdates: [],
    userInserts: [],
    userUpdates: [],
    roleAdds: [],
    roleRemovals: [],
    counts: { departments: zero(), users: zero() },
    adminGranted: [],
    adminRevoked: [],
  };

  // Ids first, so departments and users can point at each other whatever the row order.
  const idOfCode = new Map(stored.map((d) => [d.code, d.id]));
  for (const row of departments.rows) if (!idOfCode.has(row.code)) idOfCode.set(row.code, newId());
  const idOfEmail = new Map(storedUsers.map((u) => [u.email, u.id]));
  for (const row of users.rows) if (!idOfEmail.has(row.email)) idOfEmail.set(row.email, newId());

  const storedRoles = await orgRepo.rolesOfUsers(
    db,
    users.rows.flatMap((r) => (storedByEmail.has(r.email) ? [storedByEmail.get(r.email)!.id] : [])),
  );
  const activeAdmins = new Set(await orgRepo.activeAdminIds(db, opts.lockAdmins));
  const revokedRows: UserCsvRow[] = [];
  for (const row of users.rows) {
    const existing = storedByEmail.get(row.email);
    const id = idOfEmail.get(row.email)!;
    const departmentId =
      row.departmentCode === undefined
        ? undefined
        : row.departmentCode === null
          ? null
          : (idOfCode.get(row.departmentCode) ?? null);
    if (!existing) {
      plan.userInserts.push({
        id,
        email: row.email,
        name: row.name,
        name_kana: row.nameKana ?? null,
        name_en: row.nameEn ?? null,
        title: row.title ?? null,
        bio: null,
        password_hash: null,
        department_id: departmentId ?? null,
        disabled_at: null,
        locked_until: null,
        oidc_subject: null,
      });
      for (const role of row.roles ?? []) plan.roleAdds.push({ user_id: id, role });
      if (row.roles?.includes('admin')) plan.adminGranted.push(id);
      plan.counts.users.created += 1;
      continue;
    }
    const set: UserSet = {};
    if (row.name !== existing.name) set.name = row.name;
    if (row.nameKana !== undefined && row.nameKana !== existing.name_kana) set.name_kana = row.nameKana;
    if (row.nameEn !== undefined && row.nameEn !== existing.name_en) set.name_en = row.nameEn;
    if (row.title !== undefined && row.title !== existing.title) set.title = row.title;
    if (departmentId !== undefined && departmentId !== existing.department_id)
      set.department_id = departmentId;
    let rolesChanged = false;
    if (row.roles !== undefined) {
      const current = storedRoles.get(existing.id) ?? [];
      const added = row.roles.filter((r) => !current.includes(r));
      const removed = current.filter((r) => !row.roles!.includes(r));
      for (const role of added) plan.roleAdds.push({ user_id: existing.id, role });
      if (removed.length) plan.roleRemovals.push({ userId: existing.id, roles: removed });
      rolesChanged = added.length > 0 || removed.length > 0;
      if (added.includes('admin')) plan.adminGranted.push(existing.id);
      if (removed.includes('admin')) {
        plan.adminRevoked.push(existing.id);
        if (activeAdmins.has(existing.id)) revokedRows.push(row);
      }
    }
    if (Object.keys(set).length) plan.userUpdates.push({ id: existing.id, set });
    plan.counts.users[Object.keys(set).length || rolesChanged ? 'updated' : 'unchanged'] += 1;
  }

  // The last active administrator keeps the role (new admins from this file count as replacements).
  if (revokedRows.length) {
    const remaining = new Set(activeAdmins);
    for (const row of revokedRows) remaining.delete(storedByEmail.get(row.email)!.id);
    const disabled = new Set(storedUsers.filter((u) => u.disabled_at).map((u) => u.id));
    const grantedActive = plan.adminGranted.filter((id) => !disabled.has(id));
    if (remaining.size + grantedActive.length === 0) {
      for (const row of revokedRows) issues.add('users', row.line, 'roles', 'last_admin');
    }
  }

  const newDepartments: Array<ImportPlan['departmentInserts'][number]> = [];
  for (const row of departments.rows) {
    const existing = storedByCode.get(row.code);
    const parentId =
      row.parentCode === undefined
        ? (existing?.parent_id ?? null)
        : row.parentCode === null
          ? null
          : (idOfCode.get(row.parentCode) ?? null);
    const managerId =
      row.managerEmail === undefined
        ? (existing?.manager_id ?? null)
        : row.managerEmail === null
          ? null
          : (idOfEmail.get(row.managerEmail) ?? null);
    if (!existing) {
      newDepartments.push({
        id: idOfCode.get(row.code)!,
        code: row.code,
        name: row.name,
        name_en: row.nameEn ?? null,
        parent_id: parentId,
        manager_id: managerId,
        sort_order: row.sortOrder ?? 0,
      });
      plan.counts.departments.created += 1;
      continue;
    }
    const set: DepartmentSet = {};
    if (row.name !== existing.name) set.name = row.name;
    if (row.nameEn !== undefined && row.nameEn !== existing.name_en) set.name_en = row.nameEn;
    if (row.sortOrder !== undefined && row.sortOrder !== Number(existing.sort_order))
      set.sort_order = row.sortOrder;
    if (parentId !== existing.parent_id) set.parent_id = parentId;
    if (managerId !== existing.manager_id) set.manager_id = managerId;
    if (Object.keys(set).length) plan.departmentUpdates.push({ id: existing.id, set });
    plan.counts.departments[Object.keys(set).length ? 'updated' : 'unchanged'] += 1;
  }
  plan.departmentInserts = parentsFirst(newDepartments);
  return plan;
}

/**
 * Reports every departments.csv row whose parent chain, after the import, would come back to
 * itself (the stored tree with the file's rows laid over it).
 */
function reportCycles(
  rows: readonly DepartmentCsvRow[],
  stored: ReadonlyArray<{ code: string; parent_id: string | null }>,
  codeOfId: ReadonlyMap<string, string>,
  issues: IssueList,
) {
  const parentOf = new Map<string, string | null>();
  for (const d of stored) parentOf.set(d.code, d.parent_id ? (codeOfId.get(d.parent_id) ?? null) : null);
  for (const r of rows) {
    if (!r.code) continue;
    if (r.parentCode !== undefined) parentOf.set(r.code, r.parentCode);
    else if (!parentOf.has(r.code)) parentOf.set(r.code, null);
  }
  for (const r of rows) {
    if (!r.code || !r.parentCode || r.parentCode === r.code) continue; // self-parent is reported per row
    const seen = new Set<string>([r.code]);
    let at: string | null | undefined = r.parentCode;
    while (at) {
      if (at === r.code) {
        issues.add('departments', r.line, 'parent_code', 'cycle');
        break;
      }
      if (seen.has(at)) break; // a cycle elsewhere: reported on its own rows
      seen.add(at);
      at = parentOf.get(at);
    }
  }
}

/** Orders new departments so each parent is inserted before its children (foreign keys). */
function parentsFirst<T extends { id: string; parent_id?: string | null }>(items: T[]): T[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (d: T, depth: number) => {
    if (done.has(d.id) || depth > items.length) return;
    const parent = d.parent_id ? byId.get(d.parent_id) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(d.id);
    out.push(d);
  };
  for (const d of items) visit(d, 0);
  return out;
}

/** Performs a plan inside the caller's transaction. */
export async function applyPlan(db: Q, plan: ImportPlan): Promise<void> {
  for (const d of plan.departmentInserts) await identityRepo.insertDepartment(db, d);
  for (const u of plan.departmentUpdates) await orgRepo.updateDepartment(db, u.id, u.set);
  await orgRepo.insertUsers(db, plan.userInserts);
  for (const u of plan.userUpdates) await orgRepo.updateUser(db, u.id, u.set);
  await orgRepo.addRoles(db, plan.roleAdds);
  for (const r of plan.roleRemovals) await orgRepo.removeRoles(db, r.userId, r.roles);
}
