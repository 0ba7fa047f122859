import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanionSummaryChoice, EmployeeAgenda, ManagerView } from '@engawa/shared';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { keptConversation } from '../companion/testing.ts';
import { agendaItem, agendaOf, managerViewOf, oneOnOneTeam } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

describe('editing 1on1 items: only the author edits', () => {
  it('the owner edits their agenda item; a shared one stays shared and the manager sees the new text', async () => {
    const x = await oneOnOneTeam(t);
    const id = await agendaItem(x.employee.agent, { topic: '評価の前に話したい', want: 'advice' });
    await x.employee.agent.put(`/api/oneonone/items/${id}/share`);
    const res = await x.employee.agent.patch(`/api/oneonone/items/${id}`, {
      topic: '評価の前に、役割について話したい',
      detail: '期待されていることを確かめたい',
    });
    expect(res.status, res.body).toBe(200);
    const item = (res.json() as EmployeeAgenda).items.find((i) => i.id === id)!;
    expect(item).toMatchObject({
      topic: '評価の前に、役割について話したい',
      detail: '期待されていることを確かめたい',
      want: 'advice',
      shared: { with: { id: x.manager.id }, current: true },
    });
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([
      expect.objectContaining({
        topic: '評価の前に、役割について話したい',
        detail: '期待されていることを確かめたい',
        want: 'advice',
      }),
    ]);
    // Clearing the detail clears it for the manager too.
    await x.employee.agent.patch(`/api/oneonone/items/${id}`, { detail: null });
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems[0]!.detail).toBeNull();

    // The manager, a colleague, hr and admin cannot edit it, shared or not (it is not theirs: 404).
    const copyId = (await managerViewOf(x.manager.agent, x.employee.id)).sharedItems[0]!.id;
    for (const agent of [x.manager.agent, ...x.outsiders.map(([, a]) => a)]) {
      for (const target of [id, copyId]) {
        expect((await agent.patch(`/api/oneonone/items/${target}`, { topic: '書き換え' })).status).toBe(404);
      }
    }
    expect((await agendaOf(x.employee.agent)).items[0]!.topic).toBe('評価の前に、役割について話したい');
    // A bad edit names the field.
    const bad = await x.employee.agent.patch(`/api/oneonone/items/${id}`, { topic: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('topic');
  });

  it('the manager edits their own item; the member, colleagues, hr and admin cannot', async () => {
    const x = await oneOnOneTeam(t);
    const added = await x.manager.agent.post(`/api/oneonone/members/${x.employee.id}/items`, {
      topic: '来期の目標',
    });
    const item = (added.json() as ManagerView).managerItems[0]!;
    expect(item.abilities).toEqual({ edit: true });
    expect((await agendaOf(x.employee.agent)).managerItems[0]!.abilities).toEqual({ edit: false });
    const res = await x.manager.agent.patch(`/api/oneonone/manager-items/${item.id}`, {
      topic: '来期の目標と役割',
      detail: '期待を言葉にしておきたい',
    });
    expect(res.status).toBe(204);
    expect((await agendaOf(x.employee.agent)).managerItems[0]).toMatchObject({
      topic: '来期の目標と役割',
      detail: '期待を言葉にしておきたい',
    });
    for (const agent of [x.employee.agent, ...x.outsiders.map(([, a]) => a)]) {
      expect(
        (await agent.patch(`/api/oneonone/manager-items/${item.id}`, { topic: '書き換え' })).status,
      ).toBe(404);
    }
    expect((await managerViewOf(x.manager.agent, x.employee.id)).managerItems[0]!.topic).toBe(
      '来期の目標と役割',
    );
  });

  it('next steps: either side ticks them done, only the author rewords them, outsiders do nothing', async () => {
    const x = await oneOnOneTeam(t);
    await x.employee.agent.post('/api/oneonone/next-steps', { text: '研修の候補を調べる' });
    await x.manager.agent.post(`/api/oneonone/members/${x.employee.id}/next-steps`, {
      text: '案件の担当者を紹介する',
    });
    const steps = (await agendaOf(x.employee.agent)).nextSteps;
    const [mine, theirs] = [steps[0]!, steps[1]!];
    expect(mine.abilities).toEqual({ edit: true, delete: true });
    expect(theirs.abilities).toEqual({ edit: false, delete: false });
    const managerSees = (await managerViewOf(x.manager.agent, x.employee.id)).nextSteps;
    expect(managerSees.map((s) => s.abilities)).toEqual([
      { edit: false, delete: false },
      { edit: true, delete: true },
    ]);

    // The author rewords; the other side may not, but may tick it done.
    const reworded = await x.employee.agent.patch(`/api/oneonone/next-steps/${mine.id}`, {
      text: '研修の候補を3つに絞る',
      dueOn: '2026-12-15',
    });
    expect(reworded.status).toBe(204);
    expect(
      (await x.manager.agent.patch(`/api/oneonone/next-steps/${mine.id}`, { text: '書き換え' })).status,
    ).toBe(403);
    expect((await x.manager.agent.patch(`/api/oneonone/next-steps/${mine.id}`, { dueOn: null })).status).toBe(
      403,
    );
    expect((await x.manager.agent.patch(`/api/oneonone/next-steps/${mine.id}`, { done: true })).status).toBe(
      204,
    );
    expect(
      (await x.employee.agent.patch(`/api/oneonone/next-steps/${theirs.id}`, { text: '書き換え' })).status,
    ).toBe(403);
    expect(
      (
        await x.manager.agent.patch(`/api/oneonone/next-steps/${theirs.id}`, {
          text: '案件の担当者を来週紹介する',
        })
      ).status,
    ).toBe(204);
    for (const [, agent] of x.outsiders) {
      for (const step of [mine, theirs]) {
        expect((await agent.patch(`/api/oneonone/next-steps/${step.id}`, { done: true })).status).toBe(404);
        expect((await agent.patch(`/api/oneonone/next-steps/${step.id}`, { text: 'x' })).status).toBe(404);
      }
    }
    const after = (await managerViewOf(x.manager.agent, x.employee.id)).nextSteps;
    expect(after.map((s) => [s.text, s.dueOn, s.done])).toEqual([
      ['研修の候補を3つに絞る', '2026-12-15', true],
      ['案件の担当者を来週紹介する', null, false],
    ]);
  });
});

describe('drafting from a career talk summary', () => {
  it('lists only my talks that have a summary; the draft is private until I share it', async () => {
    const x = await oneOnOneTeam(t);
    const summarized = await keptConversation(x.employee.agent, '任され方について1on1で相談したい');
    expect((await x.employee.agent.post(`/api/companion/conversations/${summarized}/summary`)).status).toBe(
      201,
    );
    const bare = await keptConversation(x.employee.agent, 'まだまとめていない話');
    const res = await x.employee.agent.get('/api/oneonone/companion-summaries');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = (res.json() as { items: CompanionSummaryChoice[] }).items;
    expect(items.map((i) => i.conversationId)).toEqual([summarized]);
    expect(items[0]!.excerpt.length).toBeGreaterThan(0);
    expect(items[0]!.excerpt.length).toBeLessThanOrEqual(120);
    expect(items.map((i) => i.conversationId)).not.toContain(bare);

    // Nobody else's list shows my talks.
    for (const agent of [x.manager.agent, ...x.outsiders.map(([, a]) => a)]) {
      const theirs = await agent.get('/api/oneonone/companion-summaries');
      expect(theirs.status).toBe(200);
      expect((theirs.json() as { items: CompanionSummaryChoice[] }).items).toEqual([]);
    }

    const drafted = await x.employee.agent.post('/api/oneonone/items/from-companion', {
      conversationId: items[0]!.conversationId,
      want: 'thinkTogether',
    });
    expect(drafted.status).toBe(201);
    const { id, agenda: after } = drafted.json() as { id: string; agenda: EmployeeAgenda };
    expect(after.items.find((i) => i.id === id)).toMatchObject({ source: 'companion', shared: null });
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([]);
    // The owner edits the draft before sharing it; only then does the manager see it (as edited).
    await x.employee.agent.patch(`/api/oneonone/items/${id}`, {
      topic: '任され方の相談',
      detail: '要点だけ',
    });
    await x.employee.agent.put(`/api/oneonone/items/${id}/share`);
    expect((await managerViewOf(x.manager.agent, x.employee.id)).sharedItems).toEqual([
      expect.objectContaining({ topic: '任され方の相談', detail: '要点だけ', want: 'thinkTogether' }),
    ]);
  });
});
