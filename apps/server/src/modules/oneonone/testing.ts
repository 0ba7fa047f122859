import { createDepartment, createUser, type Agent, type TestApp } from '../../test/harness.ts';
import { nowIso } from '../../db/index.ts';
import { newId } from '../../platform/ids.ts';
import { oneononeRepo } from './repo.ts';

/** Test helpers for the 1on1 bridge (its tests, the privacy canary and the authorization matrix). */

/** Puts `userId` into a fresh department managed by a fresh manager; returns the manager's id. */
export async function giveManager(t: TestApp, userId: string): Promise<string> {
  const manager = await createUser(t, { name: '上司 一郎' });
  const dept = await createDepartment(t, { managerId: manager.id });
  await t.deps.db.updateTable('users').set({ department_id: dept.id }).where('id', '=', userId).execute();
  return manager.id;
}

/** A new member of `managerId` (a department they manage), or of a fresh manager. */
export async function managedMember(
  t: TestApp,
  managerId?: string,
): Promise<{ id: string; managerId: string }> {
  const manager = managerId ?? (await createUser(t)).id;
  const existing = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('manager_id', '=', manager)
    .executeTakeFirst();
  const deptId = existing?.id ?? (await createDepartment(t, { managerId: manager })).id;
  const member = await createUser(t, { departmentId: deptId });
  return { id: member.id, managerId: manager };
}

/** A manager's own item for one of their members; returns the item id. */
export async function pairWithManagerItem(t: TestApp, managerId?: string): Promise<string> {
  const member = await managedMember(t, managerId);
  const id = newId();
  const at = nowIso();
  await oneononeRepo.insertItem(t.deps.db, {
    id,
    employee_id: member.id,
    manager_id: member.managerId,
    author: 'manager',
    topic: '来期の役割について',
    want: null,
    detail: null,
    created_at: at,
    updated_at: at,
  });
  return id;
}

/** Creates a private agenda item for the agent's user; returns its id. */
export async function agendaItem(
  agent: Agent,
  body: Record<string, unknown> = { topic: '今の仕事の進め方', want: 'thinkTogether' },
): Promise<string> {
  const res = await agent.post('/api/oneonone/items', body);
  if (res.status !== 201) throw new Error(`agenda item: ${res.status} ${res.body}`);
  return (res.json() as { id: string }).id;
}
