import { expect } from 'vitest';
import type { EmployeeAgenda, ManagerView } from '@engawa/shared';
import { createDepartment, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
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

/** An employee, their manager, and everyone around them who must see nothing of their agenda. */
export interface OneOnOneTeam {
  employee: { id: string; agent: Agent };
  manager: { id: string; agent: Agent };
  colleague: Agent;
  otherManager: Agent;
  hr: Agent;
  admin: Agent;
  deptId: string;
  /** Everyone who is not in the pair, by label. */
  outsiders: Array<[string, Agent]>;
}

/** A fresh employee (佐藤 美咲) with their manager (鈴木 健太), a colleague, another manager, hr and admin. */
export async function oneOnOneTeam(t: TestApp): Promise<OneOnOneTeam> {
  const m = await createUser(t, { name: '鈴木 健太' });
  const dept = await createDepartment(t, { managerId: m.id });
  const e = await createUser(t, { name: '佐藤 美咲', departmentId: dept.id });
  const om = await createUser(t);
  await createDepartment(t, { managerId: om.id });
  const colleague = await sessionFor(t, (await createUser(t, { departmentId: dept.id })).id);
  const otherManager = await sessionFor(t, om.id);
  const hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  const admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
  return {
    employee: { id: e.id, agent: await sessionFor(t, e.id) },
    manager: { id: m.id, agent: await sessionFor(t, m.id) },
    colleague,
    otherManager,
    hr,
    admin,
    deptId: dept.id,
    outsiders: [
      ['colleague', colleague],
      ['other manager', otherManager],
      ['hr', hr],
      ['admin', admin],
    ],
  };
}

/** The employee's own agenda page. */
export async function agendaOf(agent: Agent): Promise<EmployeeAgenda> {
  const res = await agent.get('/api/oneonone/agenda');
  expect(res.status).toBe(200);
  return res.json() as EmployeeAgenda;
}

/** What the manager sees of `employeeId`. */
export async function managerViewOf(agent: Agent, employeeId: string): Promise<ManagerView> {
  const res = await agent.get(`/api/oneonone/members/${employeeId}`);
  expect(res.status, res.body).toBe(200);
  return res.json() as ManagerView;
}
