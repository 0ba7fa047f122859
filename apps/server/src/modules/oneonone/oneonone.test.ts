import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeAgenda, ManagerView } from '@engawa/shared';
import { createDepartment, createUser, createTestApp, sessionFor, type TestApp } from '../../test/harness.ts';
import { keptConversation } from '../companion/testing.ts';
import { agendaItem, agendaOf, managerViewOf, oneOnOneTeam } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

describe('the 1on1 bridge', () => {
  it('the manager sees the shared item and not the unshared one; the preview is exactly the manager’s view', async () => {
    const x = await oneOnOneTeam(t);
    const shared = await agendaItem(x.employee.agent, {
      topic: '新しいプロジェクトへの関わり方',
      want: 'advice',
      detail: '来期、データ活用の案件に手を挙げたい',
    });
    await agendaItem(x.employee.agent, {
      topic: '本当は異動も考えている',
      want: 'listen',
      detail: 'まだ誰にも話していない',
    });

    let mine = await agendaOf(x.employee.agent);
    expect(mine.manager).toEqual({ id: x.manager.id, name: '鈴木 健太' });
    expect(mine.items.map((i) => [i.topic, i.shared])).toEqual([
      ['新しいプロジェクトへの関わり方', null],
      ['本当は異動も考えている', null],
    ]);

    // Before sharing, the manager sees nothing.
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([]);

    const preview = await x.employee.agent.get(`/api/oneonone/preview?items=${shared}`);
    expect(preview.status).toBe(200);
    const previewed = preview.json() as ManagerView;
    expect(previewed.sharedItems.map((i) => [i.topic, i.want, i.detail])).toEqual([
      ['新しいプロジェクトへの関わり方', 'advice', '来期、データ活用の案件に手を挙げたい'],
    ]);

    expect((await x.employee.agent.put(`/api/oneonone/items/${shared}/share`)).status).toBe(200);
    const seen = await managerViewOf(x.manager.agent, x.employee.id);
    // Same shape, same content as previewed (only the time of sharing is fixed now).
    expect({ ...seen, sharedItems: seen.sharedItems.map(({ sharedAt: _s, ...i }) => i) }).toEqual({
      ...previewed,
      sharedItems: previewed.sharedItems.map(({ sharedAt: _s, id: _i, ...i }) => ({
        ...i,
        id: seen.sharedItems[0]!.id,
      })),
    });
    const raw = (await x.manager.agent.get(`/api/oneonone/members/${x.employee.id}`)).body;
    expect(raw).not.toContain('本当は異動も考えている');
    expect(raw).not.toContain('まだ誰にも話していない');
    // The employee's preview without extra items is now exactly the manager's view.
    expect((await x.employee.agent.get('/api/oneonone/preview')).json()).toEqual(seen);

    mine = await agendaOf(x.employee.agent);
    expect(mine.items.find((i) => i.id === shared)!.shared).toMatchObject({
      with: { id: x.manager.id, name: '鈴木 健太' },
      current: true,
    });

    // Editing a shared item updates what the manager sees.
    await x.employee.agent.patch(`/api/oneonone/items/${shared}`, { want: 'thinkTogether' });
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems[0]!.want).toBe('thinkTogether');

    // Revoking: gone from the manager's view at once; the item stays with the employee.
    expect((await x.employee.agent.delete(`/api/oneonone/items/${shared}/share`)).status).toBe(200);
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([]);
    expect(
      await t.deps.db
        .selectFrom('oneonone_items')
        .selectAll()
        .where('employee_id', '=', x.employee.id)
        .execute(),
    ).toEqual([]);
    mine = await agendaOf(x.employee.agent);
    expect(mine.items.find((i) => i.id === shared)).toMatchObject({
      topic: '新しいプロジェクトへの関わり方',
      shared: null,
    });

    // Deleting a shared item deletes the manager's copy too.
    await x.employee.agent.put(`/api/oneonone/items/${shared}/share`);
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toHaveLength(1);
    await x.employee.agent.delete(`/api/oneonone/items/${shared}`);
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([]);
  });

  it('nobody else — a colleague, another manager, hr, admin — can see a member’s 1on1 (404)', async () => {
    const x = await oneOnOneTeam(t);
    const item = await agendaItem(x.employee.agent, { topic: '共有した話題', want: 'listen' });
    await x.employee.agent.put(`/api/oneonone/items/${item}/share`);
    for (const agent of [x.colleague, x.otherManager, x.hr, x.admin]) {
      expect((await agent.get(`/api/oneonone/members/${x.employee.id}`)).status).toBe(404);
      expect((await agent.post(`/api/oneonone/members/${x.employee.id}/items`, { topic: 'x' })).status).toBe(
        404,
      );
      expect(
        (await agent.post(`/api/oneonone/members/${x.employee.id}/next-steps`, { text: 'x' })).status,
      ).toBe(404);
      expect((await agent.patch(`/api/oneonone/items/${item}`, { topic: 'x' })).status).toBe(404);
      expect((await agent.put(`/api/oneonone/items/${item}/share`)).status).not.toBe(200);
      const members = (await agent.get('/api/oneonone/members')).json() as { items: Array<{ id: string }> };
      expect(members.items.map((m) => m.id)).not.toContain(x.employee.id);
    }
    const members = (await x.manager.agent.get('/api/oneonone/members')).json() as {
      items: Array<{ id: string; sharedItems: number }>;
    };
    expect(members.items.find((m) => m.id === x.employee.id)).toMatchObject({ sharedItems: 1 });
  });

  it('the manager adds their own items and both record agreed next steps', async () => {
    const x = await oneOnOneTeam(t);
    const added = await x.manager.agent.post(`/api/oneonone/members/${x.employee.id}/items`, {
      topic: '来期の目標のすり合わせ',
      detail: '期待していることを伝えたい',
    });
    expect(added.status).toBe(201);
    const managerItem = (added.json() as ManagerView).managerItems[0]!;
    expect(managerItem).toMatchObject({ topic: '来期の目標のすり合わせ', author: { id: x.manager.id } });
    expect((await agendaOf(x.employee.agent)).managerItems.map((i) => i.topic)).toEqual([
      '来期の目標のすり合わせ',
    ]);
    // Only that manager edits it.
    expect(
      (await x.employee.agent.patch(`/api/oneonone/manager-items/${managerItem.id}`, { topic: 'x' })).status,
    ).toBe(404);
    expect(
      (await x.manager.agent.patch(`/api/oneonone/manager-items/${managerItem.id}`, { detail: '補足' }))
        .status,
    ).toBe(204);

    expect(
      (
        await x.employee.agent.post('/api/oneonone/next-steps', {
          text: '研修の候補を調べる',
          dueOn: '2026-12-01',
        })
      ).status,
    ).toBe(201);
    const byManager = await x.manager.agent.post(`/api/oneonone/members/${x.employee.id}/next-steps`, {
      text: '案件のメンバーに紹介する',
    });
    expect(byManager.status).toBe(201);
    const steps = (await agendaOf(x.employee.agent)).nextSteps;
    expect(steps.map((s) => [s.text, s.createdBy.id, s.done])).toEqual([
      ['研修の候補を調べる', x.employee.id, false],
      ['案件のメンバーに紹介する', x.manager.id, false],
    ]);
    // Either side marks a step done; only its author deletes it; outsiders do neither.
    expect(
      (await x.employee.agent.patch(`/api/oneonone/next-steps/${steps[1]!.id}`, { done: true })).status,
    ).toBe(204);
    expect((await managerViewOf(x.manager.agent, x.employee.id)).nextSteps[1]!.done).toBe(true);
    expect((await x.employee.agent.delete(`/api/oneonone/next-steps/${steps[1]!.id}`)).status).toBe(403);
    expect((await x.hr.patch(`/api/oneonone/next-steps/${steps[0]!.id}`, { done: true })).status).toBe(404);
    expect((await x.colleague.delete(`/api/oneonone/next-steps/${steps[0]!.id}`)).status).toBe(404);
    expect((await x.manager.agent.delete(`/api/oneonone/next-steps/${steps[1]!.id}`)).status).toBe(204);
    expect((await agendaOf(x.employee.agent)).nextSteps).toHaveLength(1);
  });

  it('a department’s own manager has the parent department’s manager as their 1on1 manager', async () => {
    const head = await createUser(t, { name: '本部長' });
    const parent = await createDepartment(t, { managerId: head.id });
    const lead = await createUser(t, { name: '部長' });
    const child = await createDepartment(t, { managerId: lead.id, parentId: parent.id });
    await t.deps.db.updateTable('users').set({ department_id: child.id }).where('id', '=', lead.id).execute();
    const leadAgent = await sessionFor(t, lead.id);
    expect((await agendaOf(leadAgent)).manager).toEqual({ id: head.id, name: '本部長' });
    const headAgent = await sessionFor(t, head.id);
    const members = (await headAgent.get('/api/oneonone/members')).json() as { items: Array<{ id: string }> };
    expect(members.items.map((m) => m.id)).toEqual([lead.id]);
    // Someone in a department without a manager reports to the parent's manager too.
    const loose = await createDepartment(t, { parentId: parent.id });
    const member = await createUser(t, { departmentId: loose.id });
    expect((await agendaOf(await sessionFor(t, member.id))).manager?.id).toBe(head.id);
  });

  it('when the manager changes, the former manager loses access at once and shared items show it', async () => {
    const x = await oneOnOneTeam(t);
    const item = await agendaItem(x.employee.agent, { topic: '以前の上司に共有した話題', want: 'advice' });
    await x.employee.agent.put(`/api/oneonone/items/${item}/share`);
    const next = await createUser(t, { name: '新しい 上司' });
    await t.deps.db
      .updateTable('departments')
      .set({ manager_id: next.id })
      .where('id', '=', x.deptId)
      .execute();
    expect((await x.manager.agent.get(`/api/oneonone/members/${x.employee.id}`)).status).toBe(404);
    const newManager = await sessionFor(t, next.id);
    expect((await managerViewOf(newManager, x.employee.id)).sharedItems).toEqual([]);
    const mine = await agendaOf(x.employee.agent);
    expect(mine.manager).toEqual({ id: next.id, name: '新しい 上司' });
    expect(mine.items[0]!.shared).toMatchObject({ with: { id: x.manager.id }, current: false });
    // Sharing again moves it to the new manager (the old copy is removed).
    await x.employee.agent.put(`/api/oneonone/items/${item}/share`);
    expect((await managerViewOf(newManager, x.employee.id)).sharedItems.map((i) => i.topic)).toEqual([
      '以前の上司に共有した話題',
    ]);
    expect(
      await t.deps.db
        .selectFrom('oneonone_items')
        .selectAll()
        .where('employee_id', '=', x.employee.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('drafts an item from a kept companion conversation’s summary, still private', async () => {
    const x = await oneOnOneTeam(t);
    const conversation = await keptConversation(x.employee.agent, '1on1で、仕事の任され方について相談したい');
    const noSummary = await x.employee.agent.post('/api/oneonone/items/from-companion', {
      conversationId: conversation,
    });
    expect(noSummary.status).toBe(409);
    expect((await x.employee.agent.post(`/api/companion/conversations/${conversation}/summary`)).status).toBe(
      201,
    );
    const res = await x.employee.agent.post('/api/oneonone/items/from-companion', {
      conversationId: conversation,
      want: 'advice',
    });
    expect(res.status).toBe(201);
    const item = (res.json() as { agenda: EmployeeAgenda }).agenda.items[0]!;
    expect(item).toMatchObject({ source: 'companion', want: 'advice', shared: null });
    expect(item.detail).toContain('仕事の任され方');
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([]);
    // Someone else's conversation id is not found.
    expect(
      (await x.colleague.post('/api/oneonone/items/from-companion', { conversationId: conversation })).status,
    ).toBe(404);
  });

  it('without a manager there is no one to share with', async () => {
    const u = await createUser(t);
    const agent = await sessionFor(t, u.id);
    const item = await agendaItem(agent);
    const res = await agent.put(`/api/oneonone/items/${item}/share`);
    expect(res.status).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('oneonone.no_manager');
    expect((await agent.get('/api/oneonone/preview')).status).toBe(409);
    expect((await agendaOf(agent)).manager).toBeNull();
  });

  it('keeps unshared items only as ciphertext under the owner tag', async () => {
    const x = await oneOnOneTeam(t);
    const marker = `非公開の議題${Date.now()}`;
    await agendaItem(x.employee.agent, { topic: marker, want: 'listen' });
    const rows = await t.deps.db.selectFrom('oneonone_drafts').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['body', 'id', 'owner_tag']);
      expect(row.body).not.toContain(marker);
      expect(row.owner_tag).not.toContain(x.employee.id);
    }
    expect(
      await t.deps.db.selectFrom('oneonone_items').selectAll().where('topic', '=', marker).execute(),
    ).toEqual([]);
  });
});
