import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * The only SQL of the 1on1 bridge. Private drafts are read and written by owner tag only; the
 * shared tables are always filtered by the (employee, manager) pair.
 */
export const oneononeRepo = {
  /* the org tree, to find someone's manager */
  allDepartments(db: Q) {
    return db.selectFrom('departments').select(['id', 'parent_id', 'manager_id']).execute();
  },
  userCard(db: Q, id: string) {
    return db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'u.name', 'u.title', 'u.department_id', 'u.disabled_at', 'd.name as department_name'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },
  async activeAmong(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .where('disabled_at', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  activeUsersInDepartments(db: Q, departmentIds: readonly string[]) {
    if (!departmentIds.length) return Promise.resolve([]);
    return db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'u.name', 'u.title', 'u.department_id', 'd.name as department_name'])
      .where('u.department_id', 'in', departmentIds)
      .where('u.disabled_at', 'is', null)
      .orderBy('u.name')
      .execute();
  },

  /* private drafts (ciphertext) */
  draftsOf(db: Q, ownerTag: string) {
    return db
      .selectFrom('oneonone_drafts')
      .select(['id', 'body'])
      .where('owner_tag', '=', ownerTag)
      .execute();
  },
  findDraft(db: Q, id: string, ownerTag: string) {
    return db
      .selectFrom('oneonone_drafts')
      .select(['id', 'body'])
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
  },
  insertDraft(db: Q, row: { id: string; owner_tag: string; body: string }) {
    return db.insertInto('oneonone_drafts').values(row).execute();
  },
  /** Compare-and-set on the ciphertext. */
  async updateDraft(db: Q, id: string, ownerTag: string, expected: string, body: string): Promise<boolean> {
    const res = await db
      .updateTable('oneonone_drafts')
      .set({ body })
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .where('body', '=', expected)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  async deleteDraft(db: Q, id: string, ownerTag: string): Promise<boolean> {
    const res = await db
      .deleteFrom('oneonone_drafts')
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },
  deleteDraftsOf(db: Q, ownerTag: string) {
    return db.deleteFrom('oneonone_drafts').where('owner_tag', '=', ownerTag).execute();
  },

  /* shared items: employee-shared copies and the manager's own items */
  itemsOfPair(db: Q, employeeId: string, managerId: string) {
    return db
      .selectFrom('oneonone_items')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .where('manager_id', '=', managerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  async sharedCopyIds(db: Q, employeeId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('oneonone_items')
      .select('id')
      .where('employee_id', '=', employeeId)
      .where('author', '=', 'employee')
      .execute();
    return new Set(rows.map((r) => r.id));
  },
  findItem(db: Q, id: string) {
    return db.selectFrom('oneonone_items').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertItem(
    db: Q,
    row: {
      id: string;
      employee_id: string;
      manager_id: string;
      author: 'employee' | 'manager';
      topic: string;
      want: string | null;
      detail: string | null;
      created_at: string;
      updated_at: string;
    },
  ) {
    return db.insertInto('oneonone_items').values(row).execute();
  },
  updateItem(
    db: Q,
    id: string,
    set: { topic?: string; want?: string | null; detail?: string | null; updated_at: string },
  ) {
    return db.updateTable('oneonone_items').set(set).where('id', '=', id).execute();
  },
  /** Revoking: the copy the manager could read is deleted (by the employee's own id, so only theirs). */
  deleteSharedCopy(db: Q, id: string, employeeId: string) {
    return db
      .deleteFrom('oneonone_items')
      .where('id', '=', id)
      .where('employee_id', '=', employeeId)
      .where('author', '=', 'employee')
      .execute();
  },
  deleteItem(db: Q, id: string) {
    return db.deleteFrom('oneonone_items').where('id', '=', id).execute();
  },
  async countSharedByEmployee(db: Q, managerId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('oneonone_items')
      .select(['employee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('manager_id', '=', managerId)
      .where('author', '=', 'employee')
      .groupBy('employee_id')
      .execute();
    return new Map(rows.map((r) => [r.employee_id, Number(r.n)]));
  },

  /* agreed next steps */
  nextStepsOfPair(db: Q, employeeId: string, managerId: string) {
    return db
      .selectFrom('oneonone_next_steps as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .select([
        's.id',
        's.employee_id',
        's.manager_id',
        's.text',
        's.due_on',
        's.done_at',
        's.created_by',
        's.created_at',
        'u.name as created_by_name',
      ])
      .where('s.employee_id', '=', employeeId)
      .where('s.manager_id', '=', managerId)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
  },
  findNextStep(db: Q, id: string) {
    return db.selectFrom('oneonone_next_steps').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertNextStep(
    db: Q,
    row: {
      id: string;
      employee_id: string;
      manager_id: string;
      text: string;
      due_on: string | null;
      created_by: string;
      created_at: string;
      updated_at: string;
    },
  ) {
    return db
      .insertInto('oneonone_next_steps')
      .values({ ...row, done_at: null })
      .execute();
  },
  updateNextStep(
    db: Q,
    id: string,
    set: { text?: string; due_on?: string | null; done_at?: string | null; updated_at: string },
  ) {
    return db.updateTable('oneonone_next_steps').set(set).where('id', '=', id).execute();
  },
  deleteNextStep(db: Q, id: string) {
    return db.deleteFrom('oneonone_next_steps').where('id', '=', id).execute();
  },
  async openStepsByEmployee(db: Q, managerId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('oneonone_next_steps')
      .select(['employee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('manager_id', '=', managerId)
      .where('done_at', 'is', null)
      .groupBy('employee_id')
      .execute();
    return new Map(rows.map((r) => [r.employee_id, Number(r.n)]));
  },
};
