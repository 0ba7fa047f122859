import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type RecommendationList } from '@engawa/shared';
import {
  createDepartment,
  createUser,
  createTestApp,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { insertOpportunity, putGoals, putSkills } from './testing.ts';
import { rankOpportunities, type MatchOpportunity } from './matching.ts';
import { skillsMentionedIn } from './skills.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

async function recommendations(agent: Agent, query = ''): Promise<RecommendationList> {
  const res = await agent.get(`/api/career/recommendations${query}`);
  expect(res.status, res.body).toBe(200);
  return res.json() as RecommendationList;
}

describe('recommendations: a goal and a missing skill decide what comes first', () => {
  let agent: Agent;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const sales = await createDepartment(t, { name: '営業部' });
    const data = await createDepartment(t, { name: 'データ推進室' });
    const me = await createUser(t, { departmentId: sales.id });
    agent = await sessionFor(t, me.id);
    await putSkills(agent, [
      { name: 'プレゼンテーション', level: 4 },
      { name: 'SQL', level: 1 },
    ]);
    await putGoals(agent, {
      direction: null,
      learning: [
        {
          title: 'データ分析で営業の打ち手を提案できるようになる',
          skills: [],
          targetDate: '2026-12-31',
          progress: 10,
        },
      ],
    });
    ids.goal = await insertOpportunity(t, { type: 'training', title: 'A: 分析研修', gained: ['データ分析'] });
    ids.sqlGrow = await insertOpportunity(t, { type: 'training', title: 'B: SQL演習', gained: ['SQL'] });
    ids.newSkill = await insertOpportunity(t, { type: 'training', title: 'C: 会計入門', gained: ['会計'] });
    ids.useSkill = await insertOpportunity(t, {
      type: 'shadowing',
      title: 'D: 提案に同行',
      required: ['プレゼンテーション'],
      gained: ['英語'],
      departmentId: data.id,
    });
    ids.gapOnly = await insertOpportunity(t, {
      type: 'posting',
      title: 'E: 機械学習エンジニア',
      required: ['Python', '機械学習'],
    });
    ids.strongAlready = await insertOpportunity(t, {
      type: 'training',
      title: 'F: 伝わる資料',
      gained: ['プレゼンテーション'],
    });
    ids.closed = await insertOpportunity(t, {
      type: 'training',
      title: 'G: 締切済み',
      gained: ['データ分析'],
      status: 'closed',
    });
  });

  it('ranks the goal skill first, then the other reasons, with plain-word reasons as catalog keys', async () => {
    const list = await recommendations(agent);
    const order = list.items.map((i) => i.opportunity.title);
    expect(order).toEqual(['A: 分析研修', 'D: 提案に同行', 'C: 会計入門', 'B: SQL演習']);
    const byTitle = new Map(list.items.map((i) => [i.opportunity.title, i]));
    expect(byTitle.get('A: 分析研修')!.reasons[0]).toEqual({
      key: 'career.reason.goalSkill',
      params: { goal: 'データ分析で営業の打ち手を提案できるようになる', skill: 'データ分析' },
    });
    expect(byTitle.get('D: 提案に同行')!.reasons).toEqual([
      { key: 'career.reason.useSkill', params: { skill: 'プレゼンテーション' } },
      { key: 'career.reason.newSkill', params: { skill: '英語' } },
      { key: 'career.reason.otherDepartment', params: { department: 'データ推進室' } },
    ]);
    expect(byTitle.get('B: SQL演習')!.reasons).toEqual([
      { key: 'career.reason.growSkill', params: { skill: 'SQL' } },
    ]);
    // The reasons render in Japanese (and English) from the catalogs.
    const r = byTitle.get('A: 分析研修')!.reasons[0]!;
    expect(translate('ja', r.key, r.params)).toBe(
      '目標『データ分析で営業の打ち手を提案できるようになる』に必要な『データ分析』が身につく',
    );
    const u = byTitle.get('D: 提案に同行')!.reasons[0]!;
    expect(translate('ja', u.key, u.params)).toBe('あなたのスキル『プレゼンテーション』が活かせる');
    // Only gaps and nothing to gain, already strong, or closed: not recommended.
    expect(order).not.toContain('E: 機械学習エンジニア');
    expect(order).not.toContain('F: 伝わる資料');
    expect(order).not.toContain('G: 締切済み');
    expect(list.basis).toEqual({ skills: 2, goals: 1, values: 0 });
  });

  it('puts the goal first once the goal carries more weight than a skill in use, and lists gaps', async () => {
    // A second goal on 英語 lifts D (which builds 英語) above A.
    await putGoals(agent, {
      direction: { text: '海外のお客さまにも提案できる営業になる', skills: [{ name: '英語' }] },
      learning: [
        {
          title: 'データ分析で営業の打ち手を提案できるようになる',
          skills: [],
          targetDate: null,
          progress: 10,
        },
      ],
    });
    const list = await recommendations(agent);
    expect(list.items[0]!.opportunity.title).toBe('D: 提案に同行');
    expect(list.items[0]!.reasons[0]).toEqual({
      key: 'career.reason.goalSkill',
      params: { goal: '海外のお客さまにも提案できる営業になる', skill: '英語' },
    });
    expect(list.items[1]!.opportunity.title).toBe('A: 分析研修');
    // A completed goal no longer counts.
    await putGoals(agent, {
      direction: null,
      learning: [
        {
          title: 'データ分析で営業の打ち手を提案できるようになる',
          skills: [],
          targetDate: null,
          progress: 100,
        },
      ],
    });
    const done = await recommendations(agent);
    expect(done.items.find((i) => i.opportunity.title === 'A: 分析研修')!.reasons[0]!.key).toBe(
      'career.reason.newSkill',
    );
  });

  it('filters by type and limits the list', async () => {
    const shadowing = await recommendations(agent, '?type=shadowing');
    expect(shadowing.items.map((i) => i.opportunity.type)).toEqual(['shadowing']);
    expect((await recommendations(agent, '?limit=1')).items).toHaveLength(1);
    expect((await agent.get('/api/career/recommendations?type=party')).status).toBe(400);
  });

  it('says nothing about skills an empty profile lacks, and never recommends the person’s own opportunity', async () => {
    const u = await createUser(t);
    const fresh = await sessionFor(t, u.id);
    expect((await recommendations(fresh)).items).toEqual([]);
    await putSkills(fresh, [{ name: 'SQL', level: 4 }]);
    const own = await insertOpportunity(t, { title: '自分の募集', required: ['SQL'], ownerId: u.id });
    const list = await recommendations(fresh);
    expect(list.items.map((i) => i.opportunity.id)).not.toContain(own);
    expect(list.items.length).toBeGreaterThan(0);
  });
});

describe('matching (pure, deterministic)', () => {
  const opp = (o: Partial<MatchOpportunity> & { id: string }): MatchOpportunity => ({
    type: 'training',
    title: o.id,
    departmentId: null,
    departmentName: null,
    ownerId: null,
    startsOn: null,
    required: [],
    gained: [],
    ...o,
  });

  const python = { id: 'python', name: 'Python', level: 3 };

  it('breaks ties by start date, then title, then id, whatever the input order', () => {
    const profile = { skills: [python], values: [], goals: { direction: null, learning: [] } };
    const list = [
      opp({ id: 'c', title: 'b', gained: [{ id: 'sql', name: 'SQL' }] }),
      opp({ id: 'b', title: 'b', gained: [{ id: 'sql', name: 'SQL' }] }),
      opp({ id: 'a', title: 'z', startsOn: '2026-04-01', gained: [{ id: 'sql', name: 'SQL' }] }),
      opp({ id: 'd', title: 'a', gained: [{ id: 'sql', name: 'SQL' }] }),
    ];
    const one = rankOpportunities({ userId: 'u', departmentId: null, profile }, list, 'ja').map((m) => m.id);
    const two = rankOpportunities(
      { userId: 'u', departmentId: null, profile },
      [...list].reverse(),
      'ja',
    ).map((m) => m.id);
    expect(one).toEqual(['a', 'd', 'b', 'c']);
    expect(two).toEqual(one);
  });

  it('uses what the person said (the companion conversation) as a goal, and values as a small plus', () => {
    const profile = {
      skills: [python],
      values: [{ card: 'curiosity', text: null }],
      goals: { direction: null, learning: [] },
    };
    const ranked = rankOpportunities(
      { userId: 'u', departmentId: null, profile, talk: 'いつかUXデザインの仕事に関わってみたい' },
      [
        opp({ id: 'ux', type: 'shadowing', gained: [{ id: 'uxDesign', name: 'UX' }] }),
        opp({ id: 'x', gained: [{ id: 'sql', name: 'SQL' }] }),
      ],
      'en',
    );
    expect(ranked.map((m) => m.id)).toEqual(['ux', 'x']);
    expect(ranked[0]!.reasons).toEqual([
      { key: 'career.reason.talkSkill', params: { skill: 'UX design' } },
      { key: 'career.reason.value', params: { value: 'Curiosity' } },
    ]);
  });

  it('finds catalog skills named in free text: Japanese anywhere, Latin names as whole words', () => {
    expect(skillsMentionedIn('データ分析とSQLを学んで、product の改善に活かしたい')).toEqual([
      'dataAnalysis',
      'sql',
    ]);
    expect(skillsMentionedIn('PRの経験')).toEqual(['publicRelations']);
    expect(skillsMentionedIn('improve the product')).toEqual([]);
  });
});
