import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentItem, DepartmentList } from '@engawa/shared';
import {
  anonymous,
  createDepartment,
  createTestApp,
  createUser,
  signIn,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await signIn(t, (await createUser(t, { roles: ['admin'] })).email);
});
afterAll(async () => t.close());

type ErrorBody = { error: { code: string; fields?: Array<{ field: string; code: string }> } };

describe('GET /api/departments', () => {
  it('lists every department flat, by sort order then name, with manager and active member counts', async () => {
    const boss = await createUser(t, { name: '部長 さん' });
    const root = (
      await admin.post('/api/admin/departments', {
        code: 'ROOT',
        name: '本社',
        nameEn: 'Head Office',
        managerId: boss.id,
        sortOrder: 1,
      })
    ).json() as DepartmentItem;
    const b = (
      await admin.post('/api/admin/departments', { code: 'B', name: 'B部', parentId: root.id, sortOrder: 5 })
    ).json() as DepartmentItem;
    const a = (
      await admin.post('/api/admin/departments', { code: 'A', name: 'A部', parentId: root.id, sortOrder: 5 })
    ).json() as DepartmentItem;
    await createUser(t, { departmentId: a.id });
    const off = await createUser(t, { departmentId: a.id });
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', off.id)
      .execute();

    const employee = await signIn(t, (await createUser(t)).email);
    const res = await employee.get('/api/departments');
    expect(res.status).toBe(200);
    const items = (res.json() as DepartmentList).items;
    expect(items.map((d) => d.code)).toEqual(['ROOT', 'A', 'B']);
    expect(items[0]).toEqual({
      id: root.id,
      code: 'ROOT',
      name: '本社',
      nameEn: 'Head Office',
      parentId: null,
      managerId: boss.id,
      managerName: '部長 さん',
      memberCount: 0,
      sortOrder: 1,
    } satisfies DepartmentItem);
    expect(items.find((d) => d.id === a.id)).toMatchObject({ parentId: root.id, memberCount: 1 });
    expect(items.find((d) => d.id === b.id)).toMatchObject({ memberCount: 0, managerName: null });
    expect((await (await anonymous(t)).get('/api/departments')).status).toBe(401);
  });
});

describe('department administration', () => {
  it('validates naming fields: taken code, unknown parent, unknown manager', async () => {
    await createDepartment(t, { code: 'TAKEN' });
    const taken = await admin.post('/api/admin/departments', { code: 'TAKEN', name: 'x' });
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({
      error: { code: 'identity.department_code_taken', fields: [{ field: 'code', code: 'taken' }] },
    });
    const parent = await admin.post('/api/admin/departments', { code: 'P1', name: 'x', parentId: 'nope' });
    expect(parent.status).toBe(400);
    expect(parent.json()).toMatchObject({
      error: {
        code: 'identity.unknown_department',
        fields: [{ field: 'parentId', code: 'unknown_reference' }],
      },
    });
    const manager = await admin.post('/api/admin/departments', { code: 'M1', name: 'x', managerId: 'nope' });
    expect(manager.status).toBe(400);
    expect(manager.json()).toMatchObject({
      error: { code: 'identity.unknown_user', fields: [{ field: 'managerId', code: 'unknown_reference' }] },
    });
    const empty = await admin.post('/api/admin/departments', { code: ' ', name: '' });
    expect(empty.status).toBe(400);
    expect(
      ((empty.json() as ErrorBody).error.fields ?? []).map((f) => `${f.field}:${f.code}`).sort(),
    ).toEqual(['code:required', 'name:required']);
    // Nothing was created by the failed attempts.
    const codes = (await t.deps.db.selectFrom('departments').select('code').execute()).map((d) => d.code);
    expect(codes).not.toContain('P1');
    expect(codes).not.toContain('M1');
  });

  it('moves, renames and sets managers; refuses moving a department under its own subtree', async () => {
    const top = await createDepartment(t, { name: '上' });
    const mid = await createDepartment(t, { name: '中', parentId: top.id });
    const low = await createDepartment(t, { name: '下', parentId: mid.id });
    const other = await createDepartment(t, { name: '別' });
    const m = await createUser(t);

    const moved = await admin.patch(`/api/admin/departments/${mid.id}`, {
      parentId: other.id,
      name: '中（移動）',
      managerId: m.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: other.id, name: '中（移動）', managerId: m.id });
    // The manager role follows from the tree.
    const mAgent = await signIn(t, m.email);
    expect(((await mAgent.get('/api/me')).json() as { roles: string[] }).roles).toContain('manager');

    for (const target of [mid.id, low.id]) {
      const cycle = await admin.patch(`/api/admin/departments/${mid.id}`, { parentId: target });
      expect(cycle.status).toBe(400);
      expect(cycle.json()).toMatchObject({
        error: { code: 'identity.department_cycle', fields: [{ field: 'parentId', code: 'cycle' }] },
      });
    }
    const back = await admin.patch(`/api/admin/departments/${mid.id}`, { parentId: null, managerId: null });
    expect(back.json()).toMatchObject({ parentId: null, managerId: null, managerName: null });
    expect((await admin.patch('/api/admin/departments/nope', { name: 'x' })).status).toBe(404);
    expect(top.id).toBeTruthy();
  });

  it('deletes only empty departments (disabled members do not block)', async () => {
    const parent = await createDepartment(t);
    const child = await createDepartment(t, { parentId: parent.id });
    const member = await createUser(t, { departmentId: child.id });

    const notEmpty = await admin.delete(`/api/admin/departments/${parent.id}`);
    expect(notEmpty.status).toBe(409);
    expect((notEmpty.json() as ErrorBody).error.code).toBe('identity.department_not_empty');
    expect((await admin.delete(`/api/admin/departments/${child.id}`)).status).toBe(409);

    await admin.patch(`/api/admin/users/${member.id}`, { disabled: true });
    const ok = await admin.delete(`/api/admin/departments/${child.id}`);
    expect(ok.status).toBe(200);
    const row = await t.deps.db
      .selectFrom('users')
      .select('department_id')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.department_id).toBeNull();
    expect((await admin.delete(`/api/admin/departments/${parent.id}`)).status).toBe(200);
    expect((await admin.delete(`/api/admin/departments/${parent.id}`)).status).toBe(404);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', child.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['department.delete']);
  });

  it('is closed to everyone but administrators (403), before the body is even checked', async () => {
    const dept = await createDepartment(t);
    for (const roles of [[], ['hr'], ['organizer']] as const) {
      const agent = await signIn(t, (await createUser(t, { roles: [...roles] })).email);
      expect((await agent.post('/api/admin/departments', {})).status).toBe(403);
      expect((await agent.patch(`/api/admin/departments/${dept.id}`, { name: 'x' })).status).toBe(403);
      expect((await agent.delete(`/api/admin/departments/${dept.id}`)).status).toBe(403);
    }
    const anon = await anonymous(t);
    expect((await anon.post('/api/admin/departments', {})).status).toBe(401);
    const still = await t.deps.db.selectFrom('departments').select('id').where('id', '=', dept.id).execute();
    expect(still).toHaveLength(1);
  });
});
