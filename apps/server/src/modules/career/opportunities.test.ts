import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldIssue, OpportunityItem, OpportunityPage } from '@engawa/shared';
import {
  createDepartment,
  createUser,
  createTestApp,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { insertOpportunity } from './testing.ts';

let t: TestApp;
let hr: Agent;
let employee: Agent;
let admin: Agent;
let ownerId: string;
let owner: Agent;
let deptId: string;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
  employee = await sessionFor(t, (await createUser(t)).id);
  const o = await createUser(t, { name: '募集 担当', email: 'owner@example.test' });
  ownerId = o.id;
  owner = await sessionFor(t, o.id);
  deptId = (await createDepartment(t, { code: 'DATA', name: 'データ推進室' })).id;
});
afterAll(async () => t.close());

describe('the catalog (hr manages, everyone reads open ones)', () => {
  it('hr creates every type, with skills, department, dates, capacity and owner; the web gets abilities', async () => {
    const res = await hr.post('/api/opportunities', {
      type: 'gig',
      title: '需要予測モデルの改善（社内副業）',
      description: '週1日、データ推進室の需要予測を一緒に改善します。',
      skillsRequired: [{ name: 'python' }],
      skillsGained: [{ name: '機械学習' }, { name: 'dbt' }],
      departmentId: deptId,
      startsOn: '2026-04-01',
      endsOn: '2026-09-30',
      applyBy: '2026-03-15',
      capacity: 2,
      timeShare: 20,
      ownerId,
    });
    expect(res.status).toBe(201);
    const item = res.json() as OpportunityItem;
    expect(item).toMatchObject({
      type: 'gig',
      timeShare: 20,
      capacity: 2,
      status: 'open',
      department: { id: deptId, name: 'データ推進室' },
      owner: { id: ownerId, name: '募集 担当' },
      skillsRequired: [{ id: 'python', name: 'Python' }],
      skillsGained: [
        { id: 'machineLearning', name: '機械学習' },
        { id: null, name: 'dbt' },
      ],
      me: { interested: false, applied: false },
      abilities: { edit: true, apply: true, viewApplications: true },
    });
    const seen = (await employee.get(`/api/opportunities/${item.id}`)).json() as OpportunityItem;
    expect(seen.abilities).toEqual({ edit: false, apply: true, viewApplications: false });
    const byOwner = (await owner.get(`/api/opportunities/${item.id}`)).json() as OpportunityItem;
    expect(byOwner.abilities).toEqual({ edit: false, apply: false, viewApplications: true });
  });

  it('refuses a gig without a share of time, a share of time on other types, and dates that run backwards', async () => {
    const fields = async (body: unknown) =>
      (
        (await hr.post('/api/opportunities', body)).json() as { error: { fields: FieldIssue[] } }
      ).error.fields.map((f) => `${f.field}:${f.code}`);
    expect(await fields({ type: 'gig', title: 'x' })).toEqual(['timeShare:required']);
    expect(await fields({ type: 'training', title: 'x', timeShare: 10 })).toEqual([
      'timeShare:invalid_value',
    ]);
    expect(
      await fields({ type: 'training', title: 'x', startsOn: '2026-05-01', endsOn: '2026-04-01' }),
    ).toEqual(['endsOn:invalid_value']);
    expect(await fields({ type: 'training', title: 'x', departmentId: 'nope', ownerId: 'nope' })).toEqual([
      'departmentId:unknown_reference',
      'ownerId:unknown_reference',
    ]);
    expect((await hr.post('/api/opportunities', { type: 'party', title: 'x' })).status).toBe(400);
  });

  it('employees and admin cannot manage the catalog', async () => {
    const id = await insertOpportunity(t);
    for (const agent of [employee, admin, owner]) {
      expect((await agent.post('/api/opportunities', { type: 'training', title: 'x' })).status).toBe(403);
      expect((await agent.patch(`/api/opportunities/${id}`, { title: 'x' })).status).toBe(403);
      expect((await agent.delete(`/api/opportunities/${id}`)).status).toBe(403);
      expect((await agent.post('/api/opportunities/import', { csv: 'type,title\n研修,x\n' })).status).toBe(
        403,
      );
    }
  });

  it('closed opportunities are hidden from employees (404) but not from hr or their owner', async () => {
    const id = await insertOpportunity(t, { title: '締切済みの研修', status: 'closed', ownerId });
    expect((await employee.get(`/api/opportunities/${id}`)).status).toBe(404);
    expect((await owner.get(`/api/opportunities/${id}`)).status).toBe(200);
    expect((await hr.get(`/api/opportunities/${id}`)).status).toBe(200);
    const list = (await employee.get('/api/opportunities?status=all&limit=100')).json() as OpportunityPage;
    expect(list.items.map((i) => i.id)).not.toContain(id);
    const hrList = (await hr.get('/api/opportunities?status=closed&limit=100')).json() as OpportunityPage;
    expect(hrList.items.map((i) => i.id)).toContain(id);
    expect((await hr.patch(`/api/opportunities/${id}`, { status: 'open' })).status).toBe(200);
    expect((await employee.get(`/api/opportunities/${id}`)).status).toBe(200);
  });

  it('filters by type and finds words in titles, descriptions and skill names (NFKC, ja or en)', async () => {
    const a = await insertOpportunity(t, {
      type: 'shadowing',
      title: '営業同行ジョブシャドウイング',
      gained: ['提案営業'],
    });
    const b = await insertOpportunity(t, { type: 'training', title: 'ＳＱＬ入門', gained: ['SQL'] });
    const shadowing = (
      await employee.get('/api/opportunities?type=shadowing&limit=100')
    ).json() as OpportunityPage;
    expect(shadowing.items.every((i) => i.type === 'shadowing')).toBe(true);
    expect(shadowing.items.map((i) => i.id)).toContain(a);
    const sql = (await employee.get('/api/opportunities?q=sql&limit=100')).json() as OpportunityPage;
    expect(sql.items.map((i) => i.id)).toContain(b);
    const en = (
      await employee.get(`/api/opportunities?q=${encodeURIComponent('consultative')}`)
    ).json() as OpportunityPage;
    expect(en.items.map((i) => i.id)).toEqual([a]);
    const wildcard = (
      await employee.get(`/api/opportunities?q=${encodeURIComponent('%')}`)
    ).json() as OpportunityPage;
    expect(wildcard.items).toEqual([]);
  });

  it('pages newest first with a cursor, without repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await insertOpportunity(t, {
          type: 'mentoring',
          title: `メンタリング ${i}`,
          createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
        }),
      );
    }
    const first = (await employee.get('/api/opportunities?type=mentoring&limit=3')).json() as OpportunityPage;
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3], ids[2]]);
    const second = (
      await employee.get(`/api/opportunities?type=mentoring&limit=3&cursor=${first.nextCursor}`)
    ).json() as OpportunityPage;
    expect(second.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await employee.get('/api/opportunities?cursor=garbage')).status).toBe(400);
  });

  it('an opportunity with applications is closed, not deleted', async () => {
    const id = await insertOpportunity(t, { gained: ['SQL'] });
    const preview = (await employee.get(`/api/opportunities/${id}/apply-preview?parts=skills`)).json() as {
      snapshotHash: string;
    };
    expect(
      (
        await employee.post(`/api/opportunities/${id}/apply`, {
          parts: ['skills'],
          snapshotHash: preview.snapshotHash,
        })
      ).status,
    ).toBe(201);
    const res = await hr.delete(`/api/opportunities/${id}`);
    expect(res.status).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe(
      'career.opportunity_has_applications',
    );
    const empty = await insertOpportunity(t);
    expect((await hr.delete(`/api/opportunities/${empty}`)).status).toBe(204);
    expect((await hr.get(`/api/opportunities/${empty}`)).status).toBe(404);
  });
});

describe('opportunities.csv import (hr): every row checked, all or nothing', () => {
  const header =
    'code,type,title,description,skills_required,skills_gained,department_code,starts_on,ends_on,capacity,time_share,status,owner_email';

  it('imports a file in Japanese with Excel dates and type names, and updates by code on the next upload', async () => {
    const csv = [
      header,
      'T-001,研修,データ分析の基礎,集計と可視化を学ぶ,,データ分析;SQL,DATA,2026/4/1,2026/4/30,30,,募集中,',
      'G-001,社内副業,需要予測の改善,,Python,機械学習、dbt,DATA,2026-05-01,2026-09-30,2,20%,open,owner@example.test',
      'S-001,ジョブシャドウイング,営業同行,,,"提案営業;交渉",,,,,,,',
    ].join('\n');
    const res = await hr.post('/api/opportunities/import', { csv });
    expect(res.status, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const list = (await hr.get('/api/opportunities?q=需要予測')).json() as OpportunityPage;
    expect(list.items[0]).toMatchObject({
      code: 'G-001',
      type: 'gig',
      timeShare: 20,
      capacity: 2,
      startsOn: '2026-05-01',
      owner: { id: ownerId },
      department: { id: deptId },
      skillsGained: [
        { id: 'machineLearning', name: '機械学習' },
        { id: null, name: 'dbt' },
      ],
    });
    const again = await hr.post('/api/opportunities/import', {
      csv: ['code,type,title,status', 'T-001,研修,データ分析の基礎,締切', 'S-001,shadowing,営業同行,'].join(
        '\n',
      ),
    });
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 1, dryRun: false });
    const t001 = (await hr.get('/api/opportunities?q=データ分析の基礎&status=all')).json() as OpportunityPage;
    // Columns left out keep their values; the status changed.
    expect(t001.items[0]).toMatchObject({ status: 'closed', capacity: 30, department: { id: deptId } });
  });

  it('reports every bad row with line, column and reason, and writes nothing', async () => {
    const before = await t.deps.db.selectFrom('career_opportunities').select('id').execute();
    const csv = [
      header,
      'B-1,研修,正しい行,,,,,,,,,,', // line 2: fine on its own
      'B-2,パーティ,種類が不明,,,,,,,,,,', // line 3
      'B-3,社内副業,時間の割合がない,,,,,,,,,,', // line 4
      'B-4,研修,,,,,NOPE,2026-13-01,,abc,,,nobody@example.test', // line 5
      'B-1,研修,コードの重複,,,,,2026-05-01,2026-04-01,,10,いつか,', // line 6
    ].join('\n');
    const res = await hr.post('/api/opportunities/import', { csv });
    expect(res.status).toBe(422);
    const body = res.json() as { error: { code: string; fields: FieldIssue[] } };
    expect(body.error.code).toBe('csv.invalid');
    expect(body.error.fields.map((f) => `${f.line}:${f.field}:${f.code}`)).toEqual([
      '3:type:invalid_value',
      '5:title:required',
      '5:department_code:unknown_reference',
      '5:starts_on:invalid_format',
      '5:capacity:invalid_format',
      '5:owner_email:unknown_reference',
      '6:code:duplicate',
      '6:status:invalid_value',
      '4:time_share:required',
      '6:time_share:invalid_value',
      '6:ends_on:invalid_value',
    ]);
    expect(body.error.fields.every((f) => f.file === 'opportunities' && f.message)).toBe(true);
    const after = await t.deps.db.selectFrom('career_opportunities').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('reports a missing required column and an unknown one on the header line; dry runs write nothing', async () => {
    const res = await hr.post('/api/opportunities/import', { csv: 'title,colour\nx,red\n' });
    expect(res.status).toBe(422);
    expect(
      (res.json() as { error: { fields: FieldIssue[] } }).error.fields.map(
        (f) => `${f.line}:${f.field}:${f.code}`,
      ),
    ).toEqual(['1:colour:unknown_column', '1:type:missing_column']);
    const before = await t.deps.db.selectFrom('career_opportunities').select('id').execute();
    const dry = await hr.post('/api/opportunities/import', {
      csv: 'type,title\nmentoring,メンター制度\n',
      dryRun: true,
    });
    expect(dry.json()).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: true });
    expect((await t.deps.db.selectFrom('career_opportunities').select('id').execute()).length).toBe(
      before.length,
    );
  });
});
