import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPPORTUNITY_TYPES,
  type CareerProfile,
  type EmployeeAgenda,
  type ManagerView,
  type OpportunityPage,
  type OpportunityStats,
  type RecommendationList,
} from '@engawa/shared';
import { createTestApp, createUser, sessionFor, signIn, type TestApp } from '../../test/harness.ts';
import { dumpDatabase } from '../companion/testing.ts';
import { openDemoPersonVaultForSeed } from '../../platform/vault/demo-seed.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { DEMO_ACCOUNTS } from './info.ts';

const PASSWORD = 'demo-password-for-tests';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DEMO_PASSWORD: PASSWORD, RATE_LIMIT_PER_MINUTE: '1000000' });
  expect(await seedDemoIfEmpty(t.deps)).toBe(true);
});
afterAll(async () => t.close());

const account = (role: (typeof DEMO_ACCOUNTS)[number]['role']) =>
  signIn(t, DEMO_ACCOUNTS.find((a) => a.role === role)!.email, PASSWORD);

describe('the demo company’s career data', () => {
  it('has about 40 opportunities of every type, in Japanese, some closed', async () => {
    const hr = await account('hr');
    const all = (await hr.get('/api/opportunities?status=all&limit=100')).json() as OpportunityPage;
    expect(all.items.length).toBeGreaterThanOrEqual(38);
    expect(new Set(all.items.map((o) => o.type))).toEqual(new Set(OPPORTUNITY_TYPES));
    expect(all.items.some((o) => o.status === 'closed')).toBe(true);
    expect(all.items.every((o) => /\p{Script=Han}|\p{Script=Katakana}/u.test(o.title))).toBe(true);
    expect(all.items.filter((o) => o.type === 'gig').every((o) => o.timeShare !== null)).toBe(true);
  });

  it('gives the demo employee an encrypted profile, recommendations with reasons, and published parts', async () => {
    const employee = await account('employee');
    const profile = (await employee.get('/api/career/profile')).json() as CareerProfile;
    expect(profile.skills.length).toBeGreaterThan(3);
    expect(profile.experiences.map((e) => e.outcome)).toContain('unsuccessful');
    expect(profile.goals.learning.length).toBeGreaterThan(0);
    expect(profile.published).toMatchObject({ strengths: true, skills: true, experiences: false });
    const recs = (await employee.get('/api/career/recommendations')).json() as RecommendationList;
    expect(recs.items.length).toBeGreaterThan(3);
    expect(recs.items[0]!.reasons[0]!.key).toBe('career.reason.goalSkill');
    // Profile text is not in the database in plaintext.
    const dump = await dumpDatabase(t);
    expect(dump).not.toContain('データで提案の裏付けを作れるようになる');
    expect(dump).not.toContain('最近、リリース前の残業が続いていて');
  });

  it('has 1on1 agendas: the manager sees the shared items and not the private one', async () => {
    const employee = await account('employee');
    const agenda = (await employee.get('/api/oneonone/agenda')).json() as EmployeeAgenda;
    expect(agenda.manager?.name).toBe('鈴木 健太');
    expect(agenda.items.filter((i) => i.shared)).toHaveLength(2);
    expect(agenda.items.filter((i) => !i.shared)).toHaveLength(1);
    expect(agenda.nextSteps.length).toBe(3);
    const manager = await account('manager');
    const me = (await employee.get('/api/me')).json() as { id: string };
    const view = (await manager.get(`/api/oneonone/members/${me.id}`)).json() as ManagerView;
    expect(view.sharedItems.map((i) => i.topic)).toEqual([
      'AIでのテスト設計の取り組みをチームに広げたい',
      '来期、UXリサーチに関わる機会がほしい',
    ]);
    expect(JSON.stringify(view)).not.toContain('残業');
  });

  it('shows hr interest counts only for the opportunities at least k people marked', async () => {
    const hr = await account('hr');
    const stats = (await hr.get('/api/opportunities/manage?limit=100')).json() as {
      items: OpportunityStats[];
    };
    const shown = stats.items.filter((s) => s.interest !== null);
    expect(shown.map((s) => s.opportunity.code).sort()).toEqual(['TR-AI-01', 'TR-DA-01']);
    expect(shown.every((s) => s.interest! >= 10)).toBe(true);
    expect(stats.items.find((s) => s.opportunity.code === 'SH-UX-01')).toMatchObject({
      interest: null,
      interestSuppressed: true,
    });
  });

  it('the seed-only vault path refuses anyone who is not a demo person', async () => {
    // What it sealed opens for the person through the normal path (same key, same format) …
    const demo = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'employee')!.email)
      .executeTakeFirstOrThrow();
    expect((await (await sessionFor(t, demo.id)).get('/api/career/profile')).status).toBe(200);
    // … and it never opens a real person's vault. (A real user also ends demo mode: last test.)
    const real = await createUser(t);
    await expect(
      t.deps.db.transaction().execute((tx) => openDemoPersonVaultForSeed(tx, t.config, real.id)),
    ).rejects.toThrow(/only demo people/);
  });
});
