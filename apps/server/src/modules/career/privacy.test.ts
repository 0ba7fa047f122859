import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareerProfile, EmployeeAgenda } from '@engawa/shared';
import {
  createDepartment,
  createTestApp,
  createUser,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { dumpDatabase, filesContaining } from '../companion/testing.ts';
import { agendaItem } from '../oneonone/testing.ts';
import { addExperience, applyTo, insertOpportunity, putGoals, putSkills } from './testing.ts';

/**
 * Privacy proof for the career profile and the 1on1 bridge (PRODUCT.md principles 1, 6 and 10),
 * the same canary test as the companion's. Unique strings go into a private skill, an experience,
 * a goal, an interest note and an unshared agenda item. None of them may appear in any response
 * to admin, hr, the owner's manager or a colleague — every GET route, with every `:param` filled
 * with each of the owner's ids — nor in any log line, nor in plaintext anywhere in the database
 * (every row of every table; the raw SQLite files, -wal and -shm included). What the owner chose
 * to make visible (a published part, a shared agenda item, an application) is checked to be
 * visible, so the test can tell "hidden" from "broken".
 */
const hex = () => crypto.randomBytes(6).toString('hex');
const CANARY = {
  skill: `skl${hex()}`,
  experience: `exp${hex()}`,
  learned: `lrn${hex()}`,
  goal: `gol${hex()}`,
  direction: `dir${hex()}`,
  interest: `int${hex()}`,
  agenda: `agd${hex()}`,
  agendaDetail: `agx${hex()}`,
};
const VISIBLE = { strength: `str${hex()}`, shared: `shr${hex()}` };

let t: TestApp;
let owner: { id: string; agent: Agent };
const others: Record<'admin' | 'hr' | 'manager' | 'colleague', Agent> = {} as never;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const manager = await createUser(t, { name: '上司 一郎' });
  const dept = await createDepartment(t, { managerId: manager.id });
  const ownerUser = await createUser(t, { name: '本人 花子', departmentId: dept.id });
  owner = { id: ownerUser.id, agent: await sessionFor(t, ownerUser.id) };
  others.manager = await sessionFor(t, manager.id);
  others.colleague = await sessionFor(t, (await createUser(t, { departmentId: dept.id })).id);
  others.hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  others.admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);

  // Private: a free skill, an experience, goals, an interest note, an unshared agenda item.
  await putSkills(owner.agent, [
    { name: CANARY.skill, level: 2 },
    { name: 'SQL', level: 3 },
  ]);
  const experience = await addExperience(owner.agent, {
    title: `挑戦 ${CANARY.experience}`,
    outcome: 'unsuccessful',
    learned: CANARY.learned,
  });
  await putGoals(owner.agent, {
    direction: { text: `方向性 ${CANARY.direction}`, skills: [] },
    learning: [{ title: `目標 ${CANARY.goal} データ分析`, skills: [], targetDate: null, progress: 10 }],
  });
  const profile = (await owner.agent.get('/api/career/profile')).json() as CareerProfile;
  const opportunity = await insertOpportunity(t, {
    title: '分析研修',
    gained: ['データ分析'],
    required: ['SQL'],
  });
  const postingOwnedByManager = await insertOpportunity(t, {
    title: '上司の募集',
    ownerId: manager.id,
    gained: ['SQL'],
  });
  expect(
    (await owner.agent.put(`/api/opportunities/${opportunity}/interest`, { note: CANARY.interest })).status,
  ).toBe(204);
  const privateItem = await agendaItem(owner.agent, {
    topic: `議題 ${CANARY.agenda}`,
    want: 'listen',
    detail: CANARY.agendaDetail,
  });

  // Chosen to be visible: a published part, a shared agenda item, an application with no private part.
  await owner.agent.put('/api/career/profile/strengths', { items: [{ text: VISIBLE.strength }] });
  expect((await owner.agent.put('/api/career/profile/published/strengths')).status).toBe(200);
  const sharedItem = await agendaItem(owner.agent, { topic: VISIBLE.shared, want: 'advice' });
  expect((await owner.agent.put(`/api/oneonone/items/${sharedItem}/share`)).status).toBe(200);
  await applyTo(owner.agent, postingOwnedByManager, ['strengths'], 'よろしくお願いします');
  const agenda = (await owner.agent.get('/api/oneonone/agenda')).json() as EmployeeAgenda;
  const sharedCopy = (await t.deps.db.selectFrom('oneonone_items').select('id').execute()).map((r) => r.id);

  // The owner sees all of it: the canaries are really there to be found.
  const mine = JSON.stringify([
    profile,
    (await owner.agent.get('/api/career/profile')).json(),
    (await owner.agent.get('/api/career/interests')).json(),
    agenda,
    (await owner.agent.get('/api/career/recommendations')).json(),
  ]);
  for (const c of Object.values(CANARY)) expect(mine, c).toContain(c);

  ids.push(
    owner.id,
    experience,
    profile.goals.learning[0]!.id,
    opportunity,
    postingOwnedByManager,
    privateItem,
    sharedItem,
    ...sharedCopy,
    ...agenda.items.map((i) => i.id),
  );
});
afterAll(async () => t.close());

function urlsFor(pattern: string): string[] {
  const withQuery = (url: string) =>
    url.endsWith('/apply-preview') ? [`${url}?parts=strengths,values,skills,experiences,goals`] : [url];
  if (!pattern.includes(':')) {
    if (pattern === '/api/oneonone/preview') return ids.map((id) => `${pattern}?items=${id}`).concat(pattern);
    return [pattern];
  }
  return [...new Set(ids)].flatMap((id) => withQuery(pattern.replace(/:[A-Za-z0-9_]+/g, id)));
}

function containsCanary(text: string): string[] {
  return Object.values(CANARY).filter((c) => text.includes(c));
}

describe('private career data stays with its owner', () => {
  for (const role of ['admin', 'hr', 'manager', 'colleague'] as const) {
    it(`${role}: no GET route, with any of the owner's ids, reveals a private part`, async () => {
      const agent = others[role];
      const getRoutes = t.routes.filter((r) => r.method === 'GET' && !r.url.includes('*'));
      expect(getRoutes.map((r) => r.url)).toEqual(
        expect.arrayContaining([
          '/api/users/:id/career',
          '/api/career/profile',
          '/api/opportunities/:id',
          '/api/opportunities/:id/applications',
          '/api/oneonone/members/:userId',
          '/api/oneonone/agenda',
        ]),
      );
      let visible = '';
      for (const route of getRoutes) {
        for (const url of urlsFor(route.url)) {
          const res = await agent.get(url);
          expect(containsCanary(res.body), `${role} GET ${url}`).toEqual([]);
          if (res.status === 200) visible += res.body;
        }
      }
      // What the owner chose to show is there (so "not found" above is not an accident).
      expect(visible).toContain(VISIBLE.strength);
      if (role === 'manager') expect(visible).toContain(VISIBLE.shared);
      else expect(visible).not.toContain(VISIBLE.shared);
      // Writes on the owner's private things: their ids are not found for anyone else.
      const [, experience, , opportunity, , privateItem] = ids;
      for (const [method, url, body] of [
        ['PATCH', `/api/career/profile/experiences/${experience}`, { title: 'x' }],
        ['DELETE', `/api/career/profile/experiences/${experience}`, undefined],
        ['PATCH', `/api/oneonone/items/${privateItem}`, { topic: 'x' }],
        ['PUT', `/api/oneonone/items/${privateItem}/share`, undefined],
        ['DELETE', `/api/oneonone/items/${privateItem}`, undefined],
      ] as const) {
        const res = await agent.request(method, url, body);
        expect([404, 409], `${role} ${method} ${url}`).toContain(res.status);
        expect(containsCanary(res.body)).toEqual([]);
      }
      // Their own interest call on the same opportunity does not touch the owner's.
      expect((await agent.delete(`/api/opportunities/${opportunity}/interest`)).status).toBe(404);
    });
  }

  it('the owner still has everything, unchanged', async () => {
    const profile = JSON.stringify((await owner.agent.get('/api/career/profile')).json());
    for (const c of [CANARY.skill, CANARY.experience, CANARY.learned, CANARY.goal, CANARY.direction])
      expect(profile).toContain(c);
    expect((await owner.agent.get('/api/career/interests')).body).toContain(CANARY.interest);
    expect((await owner.agent.get('/api/oneonone/agenda')).body).toContain(CANARY.agenda);
  });

  it('is in no log line, and the private routes log no request line at all', async () => {
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.filter((l) => containsCanary(l).length)).toEqual([]);
    const quiet =
      /\/api\/career\/(profile|recommendations|interests)|\/interest\b|\/apply-preview|\/api\/oneonone\/(agenda|items|preview)/;
    expect(t.logs.filter((l) => quiet.test(l))).toEqual([]);
    // The catalog and the manager's routes do log (method and path), so logging is on.
    expect(t.logs.some((l) => l.includes('/api/oneonone/members/'))).toBe(true);
  });

  it('is not in plaintext anywhere in the database: every row of every table, and the raw files', async () => {
    const dump = await dumpDatabase(t);
    expect(dump).toContain(owner.id);
    expect(dump).toContain(VISIBLE.strength); // published: a plaintext projection, as chosen
    expect(dump).toContain(VISIBLE.shared); // shared with the manager, as chosen
    expect(containsCanary(dump)).toEqual([]);
    if (t.deps.database.dialect === 'sqlite') {
      expect(filesContaining(t, VISIBLE.strength).length).toBeGreaterThan(0); // the scan does see the data
      for (const c of Object.values(CANARY)) expect(filesContaining(t, c), c).toEqual([]);
    }
  });
});
