import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityItem, OpportunityStats } from '@engawa/shared';
import { createUser, createTestApp, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { insertOpportunity } from './testing.ts';
import { dayOf, refreshInterestCounts } from './interest.ts';
import { loadConfig } from '../../config.ts';

let t: TestApp;
let hr: Agent;
beforeAll(async () => {
  // K_THRESHOLD below 5 is refused by the config; 5 is the smallest k there is.
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', K_THRESHOLD: '5' });
  hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
});
afterAll(async () => t.close());

async function people(n: number): Promise<Array<{ id: string; agent: Agent }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(t);
    out.push({ id: u.id, agent: await sessionFor(t, u.id) });
  }
  return out;
}

async function statsFor(agent: Agent, id: string): Promise<OpportunityStats | undefined> {
  const res = await agent.get('/api/opportunities/manage?limit=100');
  expect(res.status).toBe(200);
  return (res.json() as { items: OpportunityStats[] }).items.find((s) => s.opportunity.id === id);
}

describe('marking interest privately', () => {
  it('is the owner’s own (with a private note), shown on their catalog items, and reversible', async () => {
    const [p] = await people(1);
    const id = await insertOpportunity(t, { title: '気になる研修' });
    expect(
      (await p!.agent.put(`/api/opportunities/${id}/interest`, { note: '来年度に受けたい' })).status,
    ).toBe(204);
    expect(((await p!.agent.get(`/api/opportunities/${id}`)).json() as OpportunityItem).me.interested).toBe(
      true,
    );
    const mine = (await p!.agent.get('/api/career/interests')).json() as {
      items: Array<{ opportunity: OpportunityItem; note: string | null }>;
    };
    expect(mine.items.map((i) => [i.opportunity.id, i.note])).toEqual([[id, '来年度に受けたい']]);
    // Marking twice keeps one mark.
    expect((await p!.agent.put(`/api/opportunities/${id}/interest`, {})).status).toBe(204);
    expect(
      await t.deps.db
        .selectFrom('career_interest_marks')
        .selectAll()
        .where('opportunity_id', '=', id)
        .execute(),
    ).toHaveLength(1);
    expect((await p!.agent.delete(`/api/opportunities/${id}/interest`)).status).toBe(204);
    expect(((await p!.agent.get('/api/career/interests')).json() as { items: unknown[] }).items).toEqual([]);
    expect(
      await t.deps.db
        .selectFrom('career_interest_marks')
        .selectAll()
        .where('opportunity_id', '=', id)
        .execute(),
    ).toEqual([]);
    expect((await p!.agent.delete(`/api/opportunities/${id}/interest`)).status).toBe(404);
    // Someone else sees nothing of it.
    const [other] = await people(1);
    expect(
      ((await other!.agent.get(`/api/opportunities/${id}`)).json() as OpportunityItem).me.interested,
    ).toBe(false);
  });

  it('cannot be marked on a closed opportunity', async () => {
    const [p] = await people(1);
    const id = await insertOpportunity(t, { status: 'closed' });
    expect((await p!.agent.put(`/api/opportunities/${id}/interest`, {})).status).toBe(404);
  });

  it('leaves no user id, owner tag or note beside the count: one keyed hash per person and opportunity', async () => {
    const [p] = await people(1);
    const a = await insertOpportunity(t);
    const b = await insertOpportunity(t);
    await p!.agent.put(`/api/opportunities/${a}/interest`, { note: '秘密のメモ' });
    await p!.agent.put(`/api/opportunities/${b}/interest`, {});
    const marks = await t.deps.db
      .selectFrom('career_interest_marks')
      .selectAll()
      .where('opportunity_id', 'in', [a, b])
      .execute();
    expect(marks).toHaveLength(2);
    expect(Object.keys(marks[0]!).sort()).toEqual(['mark', 'opportunity_id']);
    // The same person's marks on two opportunities share nothing.
    expect(marks[0]!.mark).not.toBe(marks[1]!.mark);
    const tags = await t.deps.db.selectFrom('career_profiles').select('owner_tag').execute();
    for (const m of marks) {
      expect(m.mark).not.toContain(p!.id);
      expect(tags.map((x) => x.owner_tag)).not.toContain(m.mark);
    }
  });
});

describe('interest counts for hr: daily snapshot, only when at least k', () => {
  it('shows nothing below k, the count from k on, and only as of the day it was counted', async () => {
    const id = await insertOpportunity(t, { title: '人気の社内公募', type: 'posting' });
    const crowd = await people(5);
    for (const p of crowd.slice(0, 4))
      expect((await p.agent.put(`/api/opportunities/${id}/interest`, {})).status).toBe(204);

    // Today's first look takes the snapshot: 4 < k = 5, suppressed.
    let stats = await statsFor(hr, id);
    expect(stats).toMatchObject({ interest: null, interestSuppressed: true, applications: 0 });
    expect(stats!.interestCountedOn).toBe(dayOf(new Date()));

    // A fifth person marks interest: the snapshot of today does not move (no live counter to watch).
    await crowd[4]!.agent.put(`/api/opportunities/${id}/interest`, {});
    stats = await statsFor(hr, id);
    expect(stats).toMatchObject({ interest: null, interestSuppressed: true });

    // The next day's snapshot has 5: shown.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await refreshInterestCounts(t.deps, tomorrow);
    stats = await statsFor(hr, id);
    expect(stats).toMatchObject({
      interest: 5,
      interestSuppressed: false,
      interestCountedOn: dayOf(tomorrow),
    });

    // One withdraws their interest: the next snapshot is below k again.
    await crowd[0]!.agent.delete(`/api/opportunities/${id}/interest`);
    await refreshInterestCounts(t.deps, new Date(Date.now() + 2 * 24 * 3600_000));
    expect(await statsFor(hr, id)).toMatchObject({ interest: null, interestSuppressed: true });
  });

  it('the opportunity owner sees the figures for their own opportunities only; employees get 403', async () => {
    const [ownerP, employee] = await people(2);
    const mine = await insertOpportunity(t, { ownerId: ownerP!.id, title: '自分が担当する募集' });
    const notMine = await insertOpportunity(t, { title: '他人の募集' });
    const res = await ownerP!.agent.get('/api/opportunities/manage?limit=100');
    expect(res.status).toBe(200);
    const ids = (res.json() as { items: OpportunityStats[] }).items.map((s) => s.opportunity.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(notMine);
    expect((await employee!.agent.get('/api/opportunities/manage')).status).toBe(403);
  });

  it('k is never below 5: the configuration refuses a smaller one', () => {
    expect(() => loadConfig({ K_THRESHOLD: '3' })).toThrow(/K_THRESHOLD/);
  });
});
