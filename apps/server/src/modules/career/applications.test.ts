import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationItem, ApplyPreview, OpportunityItem } from '@engawa/shared';
import {
  createDepartment,
  createUser,
  createTestApp,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { addExperience, insertOpportunity, putGoals, putSkills } from './testing.ts';

let t: TestApp;
let hr: Agent;
let admin: Agent;
let owner: { id: string; agent: Agent };
let applicant: { id: string; agent: Agent };
let manager: Agent;
let colleague: Agent;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
  const o = await createUser(t, { name: '募集 担当' });
  owner = { id: o.id, agent: await sessionFor(t, o.id) };
  const m = await createUser(t);
  manager = await sessionFor(t, m.id);
  const dept = await createDepartment(t, { managerId: m.id, name: '営業部' });
  const a = await createUser(t, { name: '応募 花子', departmentId: dept.id });
  applicant = { id: a.id, agent: await sessionFor(t, a.id) };
  colleague = await sessionFor(t, (await createUser(t, { departmentId: dept.id })).id);
  await putSkills(applicant.agent, [{ name: 'SQL', level: 3 }]);
  await addExperience(applicant.agent, {
    title: '共有する経験',
    outcome: 'unsuccessful',
    learned: '早めに相談する',
  });
  await putGoals(applicant.agent, { direction: { text: '共有しない目標', skills: [] }, learning: [] });
});
afterAll(async () => t.close());

async function preview(agent: Agent, id: string, parts: string[], message?: string) {
  const q = new URLSearchParams({ parts: parts.join(','), ...(message ? { message } : {}) });
  const res = await agent.get(`/api/opportunities/${id}/apply-preview?${q}`);
  expect(res.status, res.body).toBe(200);
  return res.json() as ApplyPreview;
}

describe('applying with consent', () => {
  it('previews exactly what the owner and hr receive, stores exactly that, and they see the same', async () => {
    const id = await insertOpportunity(t, {
      title: 'データ活用の社内公募',
      type: 'posting',
      ownerId: owner.id,
    });
    const p = await preview(applicant.agent, id, ['experiences', 'skills'], 'ぜひ挑戦したいです');
    expect(p.recipients).toEqual({ owner: { id: owner.id, name: '募集 担当' }, hr: true });
    expect(p.applicant).toMatchObject({ id: applicant.id, name: '応募 花子', departmentName: '営業部' });
    expect(p.parts).toEqual(['skills', 'experiences']); // canonical order
    expect(Object.keys(p.profile).sort()).toEqual(['experiences', 'skills']);
    expect(p.profile.skills).toEqual([{ id: 'sql', name: 'SQL', level: 3 }]);
    expect(p.profile.experiences![0]).toMatchObject({
      title: '共有する経験',
      outcome: 'unsuccessful',
      learned: '早めに相談する',
    });
    expect(JSON.stringify(p)).not.toContain('共有しない目標');
    expect(p.message).toBe('ぜひ挑戦したいです');

    const res = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills', 'experiences'],
      message: 'ぜひ挑戦したいです',
      snapshotHash: p.snapshotHash,
    });
    expect(res.status, res.body).toBe(201);
    const stored = res.json() as ApplicationItem;
    expect(stored).toMatchObject({
      status: 'submitted',
      parts: ['skills', 'experiences'],
      message: 'ぜひ挑戦したいです',
    });
    expect(stored.profile).toEqual(p.profile);

    for (const reader of [hr, owner.agent]) {
      const list = await reader.get(`/api/opportunities/${id}/applications`);
      expect(list.status).toBe(200);
      const [app] = (list.json() as { items: ApplicationItem[] }).items;
      expect(app!.profile).toEqual(p.profile);
      expect(app!.message).toBe('ぜひ挑戦したいです');
      expect(app!.applicant).toMatchObject({ id: applicant.id, name: '応募 花子', departmentName: '営業部' });
      expect(JSON.stringify(app)).not.toContain('共有しない目標');
    }
    // Nobody else reads applications: not the applicant's manager, a colleague or admin.
    for (const reader of [manager, colleague, admin]) {
      expect((await reader.get(`/api/opportunities/${id}/applications`)).status).toBe(403);
    }
    const mine = (await applicant.agent.get('/api/career/applications')).json() as {
      items: ApplicationItem[];
    };
    expect(mine.items.map((a) => a.opportunity.id)).toContain(id);
    expect(
      ((await applicant.agent.get(`/api/opportunities/${id}`)).json() as OpportunityItem).me.applied,
    ).toBe(true);
  });

  it('refuses an application whose profile changed after the preview (409), so nothing unseen is sent', async () => {
    const id = await insertOpportunity(t, { title: 'プレビュー後の変更' });
    const p = await preview(applicant.agent, id, ['skills']);
    await putSkills(applicant.agent, [{ name: 'SQL', level: 4 }]);
    const res = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      snapshotHash: p.snapshotHash,
    });
    expect(res.status).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('career.preview_outdated');
    // A different message or choice of parts than previewed is refused too.
    const fresh = await preview(applicant.agent, id, ['skills']);
    const changed = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: '追加のメッセージ',
      snapshotHash: fresh.snapshotHash,
    });
    expect(changed.status).toBe(409);
    expect(
      await t.deps.db
        .selectFrom('career_applications')
        .selectAll()
        .where('opportunity_id', '=', id)
        .execute(),
    ).toEqual([]);
  });

  it('withdrawing deletes what was shared; hr sees only that it was withdrawn; applying again works', async () => {
    const id = await insertOpportunity(t, { title: '取り下げる研修', ownerId: owner.id });
    const p = await preview(applicant.agent, id, ['skills'], 'よろしくお願いします');
    await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: 'よろしくお願いします',
      snapshotHash: p.snapshotHash,
    });
    expect((await applicant.agent.delete(`/api/opportunities/${id}/apply`)).status).toBe(204);
    const [app] = (
      (await hr.get(`/api/opportunities/${id}/applications`)).json() as { items: ApplicationItem[] }
    ).items;
    expect(app).toMatchObject({ status: 'withdrawn', profile: null, message: null });
    expect(app!.withdrawnAt).toBeTruthy();
    const row = await t.deps.db
      .selectFrom('career_applications')
      .selectAll()
      .where('opportunity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.snapshot).toBeNull();
    expect(row.message).toBeNull();
    expect((await applicant.agent.delete(`/api/opportunities/${id}/apply`)).status).toBe(404);
    const again = await preview(applicant.agent, id, []);
    expect(
      (
        await applicant.agent.post(`/api/opportunities/${id}/apply`, {
          parts: [],
          snapshotHash: again.snapshotHash,
        })
      ).status,
    ).toBe(201);
    const [back] = (
      (await hr.get(`/api/opportunities/${id}/applications`)).json() as { items: ApplicationItem[] }
    ).items;
    expect(back).toMatchObject({ status: 'submitted', profile: {}, message: null });
  });

  it('a new owner does not receive applications sent to the previous owner; hr still does', async () => {
    const id = await insertOpportunity(t, { title: '担当が替わる公募', ownerId: owner.id });
    const p = await preview(applicant.agent, id, ['skills'], '前の担当者あて');
    expect(
      (
        await applicant.agent.post(`/api/opportunities/${id}/apply`, {
          parts: ['skills'],
          message: '前の担当者あて',
          snapshotHash: p.snapshotHash,
        })
      ).status,
    ).toBe(201);
    const successor = await createUser(t, { name: '後任 担当' });
    const successorAgent = await sessionFor(t, successor.id);
    expect((await hr.patch(`/api/opportunities/${id}`, { ownerId: successor.id })).status).toBe(200);
    const seenBySuccessor = await successorAgent.get(`/api/opportunities/${id}/applications`);
    expect(seenBySuccessor.status).toBe(200);
    expect((seenBySuccessor.json() as { items: ApplicationItem[] }).items).toEqual([]);
    expect(seenBySuccessor.body).not.toContain('前の担当者あて');
    const seenByHr = (await hr.get(`/api/opportunities/${id}/applications`)).json() as {
      items: ApplicationItem[];
    };
    expect(seenByHr.items).toHaveLength(1);
    // The former owner no longer owns it, so the route is closed to them.
    expect([403, 404]).toContain((await owner.agent.get(`/api/opportunities/${id}/applications`)).status);
  });

  it('consent covers the recipient: an owner change after the preview refuses the application', async () => {
    const id = await insertOpportunity(t, { title: '担当者が途中で替わる公募', ownerId: owner.id });
    const p = await preview(applicant.agent, id, ['skills'], '担当者あての一言');
    expect(p.recipients.owner).toEqual({ id: owner.id, name: '募集 担当' });
    const successor = await createUser(t, { name: '新任 担当' });
    const successorAgent = await sessionFor(t, successor.id);
    expect((await hr.patch(`/api/opportunities/${id}`, { ownerId: successor.id })).status).toBe(200);

    // Same profile, parts and message — only the recipient changed: refused, with its own code.
    const refused = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: '担当者あての一言',
      snapshotHash: p.snapshotHash,
    });
    expect(refused.status).toBe(409);
    expect((refused.json() as { error: { code: string; message: string } }).error).toEqual({
      code: 'career.recipient_changed',
      message:
        '確認画面を表示したあとに、この機会の担当者（応募の送り先）が変わりました。新しい送り先を確認してから、もう一度応募してください。',
    });
    await applicant.agent.patch('/api/me', { locale: 'en' });
    const refusedEn = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: '担当者あての一言',
      snapshotHash: p.snapshotHash,
    });
    expect((refusedEn.json() as { error: { message: string } }).error.message).toMatch(
      /^The person who runs/,
    );
    await applicant.agent.patch('/api/me', { locale: 'ja' });
    const stored = () =>
      t.deps.db.selectFrom('career_applications').selectAll().where('opportunity_id', '=', id).execute();
    expect(await stored()).toEqual([]);
    // A hash without the recipient part (or a forged one) is refused too.
    const forged = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: '担当者あての一言',
      snapshotHash: p.snapshotHash.split('.')[0],
    });
    expect(forged.status).toBe(409);
    expect(await stored()).toEqual([]);
    for (const reader of [owner.agent, successorAgent]) {
      const notices = (await reader.get('/api/notifications')).json() as { items: Array<{ link: string }> };
      expect(notices.items.filter((n) => n.link.includes(id))).toEqual([]);
    }

    // The new consent screen names the new owner; confirming it binds the application to them.
    const again = await preview(applicant.agent, id, ['skills'], '担当者あての一言');
    expect(again.recipients.owner).toEqual({ id: successor.id, name: '新任 担当' });
    expect(again.snapshotHash).not.toBe(p.snapshotHash);
    const ok = await applicant.agent.post(`/api/opportunities/${id}/apply`, {
      parts: ['skills'],
      message: '担当者あての一言',
      snapshotHash: again.snapshotHash,
    });
    expect(ok.status, ok.body).toBe(201);
    expect((await stored()).map((r) => r.recipient_owner_id)).toEqual([successor.id]);
    const seen = (await successorAgent.get(`/api/opportunities/${id}/applications`)).json() as {
      items: ApplicationItem[];
    };
    expect(seen.items.map((a) => [a.applicant.id, a.message])).toEqual([[applicant.id, '担当者あての一言']]);
    expect([403, 404]).toContain((await owner.agent.get(`/api/opportunities/${id}/applications`)).status);
  });

  it('cannot apply to a closed opportunity or to one you run yourself', async () => {
    const closed = await insertOpportunity(t, { status: 'closed', ownerId: owner.id });
    expect((await owner.agent.get(`/api/opportunities/${closed}/apply-preview?parts=`)).status).toBe(409);
    expect((await applicant.agent.get(`/api/opportunities/${closed}/apply-preview?parts=`)).status).toBe(404);
    const own = await insertOpportunity(t, { ownerId: owner.id });
    const res = await owner.agent.get(`/api/opportunities/${own}/apply-preview?parts=`);
    expect((res.json() as { error: { code: string } }).error.code).toBe('career.own_opportunity');
    expect((await applicant.agent.get(`/api/opportunities/${own}/apply-preview?parts=nope`)).status).toBe(
      400,
    );
  });
});
