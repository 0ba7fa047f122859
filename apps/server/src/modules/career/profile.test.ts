import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareerProfile, PublicCareerProfile } from '@engawa/shared';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { addExperience, putGoals, putSkills } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

async function person(): Promise<{ id: string; agent: Agent }> {
  const u = await createUser(t);
  return { id: u.id, agent: await sessionFor(t, u.id) };
}

async function profileOf(agent: Agent): Promise<CareerProfile> {
  const res = await agent.get('/api/career/profile');
  expect(res.status).toBe(200);
  return res.json() as CareerProfile;
}

describe('the career profile', () => {
  it('starts empty and private, with every part unpublished', async () => {
    const p = await person();
    const profile = await profileOf(p.agent);
    expect(profile).toMatchObject({
      strengths: [],
      values: [],
      skills: [],
      experiences: [],
      updatedAt: null,
    });
    expect(profile.goals).toEqual({ direction: null, learning: [] });
    expect(Object.values(profile.published)).toEqual([false, false, false, false, false]);
  });

  it('keeps strengths and values from the card-sort list plus the person’s own words, in order', async () => {
    const p = await person();
    expect(
      (
        await p.agent.put('/api/career/profile/strengths', {
          items: [{ text: '粘り強く調整する', episode: '移行案件で' }],
        })
      ).status,
    ).toBe(200);
    const res = await p.agent.put('/api/career/profile/values', {
      items: [{ card: 'growth' }, { own: '家族との時間' }, { card: 'growth' }],
    });
    expect(res.status).toBe(200);
    const profile = res.json() as CareerProfile;
    expect(profile.values).toEqual([
      { card: 'growth', label: '成長' },
      { card: null, label: '家族との時間' },
    ]);
    expect(profile.strengths).toEqual([{ text: '粘り強く調整する', episode: '移行案件で' }]);
    expect((await p.agent.put('/api/career/profile/values', { items: [{ card: 'nope' }] })).status).toBe(400);
  });

  it('matches skills to the seeded list by NFKC-normalised name (ja or en), keeps free entries, one level each', async () => {
    const p = await person();
    await putSkills(p.agent, [
      { name: 'ＳＱＬ', level: 3 },
      { name: 'data analysis', level: 2 },
      { id: 'generativeAi', level: 4 },
      { name: 'Figma', level: 3 },
      { name: 'sql', level: 5 }, // the same skill again: the first level counts
    ]);
    const profile = await profileOf(p.agent);
    expect(profile.skills).toEqual([
      { id: 'sql', name: 'SQL', level: 3 },
      { id: 'dataAnalysis', name: 'データ分析', level: 2 },
      { id: 'generativeAi', name: '生成AIの活用', level: 4 },
      { id: null, name: 'Figma', level: 3 },
    ]);
    const bad = await p.agent.put('/api/career/profile/skills', {
      items: [{ id: 'no-such-skill', level: 3 }],
    });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { fields: Array<{ field: string }> } }).error.fields[0]!.field).toBe(
      'items.0.id',
    );
    expect(
      (await p.agent.put('/api/career/profile/skills', { items: [{ name: 'SQL', level: 6 }] })).status,
    ).toBe(400);
  });

  it('records experiences whatever the outcome — an attempt counts — and edits and deletes them', async () => {
    const p = await person();
    const failed = await addExperience(p.agent, {
      title: '海外向けの新規提案',
      role: 'リーダー',
      challenge: '初めての英語での提案',
      outcome: 'unsuccessful',
      learned: '事前に相手の意思決定者を確認する',
      from: '2025-04',
      to: '2025-09',
      stretch: true,
    });
    const ongoing = await addExperience(p.agent, {
      title: '社内勉強会の運営',
      outcome: 'ongoing',
      from: '2026-01',
    });
    let profile = await profileOf(p.agent);
    expect(profile.experiences.map((e) => [e.title, e.outcome])).toEqual([
      ['社内勉強会の運営', 'ongoing'],
      ['海外向けの新規提案', 'unsuccessful'],
    ]);
    expect(profile.experiences[1]).toMatchObject({
      role: 'リーダー',
      stretch: true,
      learned: '事前に相手の意思決定者を確認する',
    });
    const patched = await p.agent.patch(`/api/career/profile/experiences/${ongoing}`, {
      outcome: 'succeeded',
      to: '2026-03',
    });
    expect(patched.status).toBe(200);
    expect((patched.json() as CareerProfile).experiences.find((e) => e.id === ongoing)).toMatchObject({
      title: '社内勉強会の運営',
      outcome: 'succeeded',
      to: '2026-03',
    });
    expect(
      (await p.agent.patch(`/api/career/profile/experiences/${ongoing}`, { from: '2026-05' })).status,
    ).toBe(400);
    expect((await p.agent.delete(`/api/career/profile/experiences/${failed}`)).status).toBe(200);
    profile = await profileOf(p.agent);
    expect(profile.experiences.map((e) => e.id)).toEqual([ongoing]);
    expect((await p.agent.delete(`/api/career/profile/experiences/${failed}`)).status).toBe(404);
    // Someone else's experience id is simply not found in their own profile.
    const other = await person();
    expect(
      (await other.agent.patch(`/api/career/profile/experiences/${ongoing}`, { title: 'x' })).status,
    ).toBe(404);
  });

  it('keeps a direction and learning goals with skills, target dates and progress; ids survive edits', async () => {
    const p = await person();
    await putGoals(p.agent, {
      direction: { text: '3年後にデータで事業を動かすPMになる', skills: [{ id: 'productManagement' }] },
      learning: [
        {
          title: 'SQLで集計できるようになる',
          skills: [{ name: 'SQL' }],
          targetDate: '2026-09-30',
          progress: 20,
        },
      ],
    });
    const first = (await profileOf(p.agent)).goals;
    expect(first.direction).toEqual({
      text: '3年後にデータで事業を動かすPMになる',
      skills: [{ id: 'productManagement', name: 'プロダクトマネジメント' }],
    });
    const goalId = first.learning[0]!.id;
    await putGoals(p.agent, {
      direction: null,
      learning: [
        {
          id: goalId,
          title: 'SQLで集計できるようになる',
          skills: [{ name: 'SQL' }],
          targetDate: '2026-09-30',
          progress: 60,
        },
      ],
    });
    const second = (await profileOf(p.agent)).goals;
    expect(second.direction).toBeNull();
    expect(second.learning).toEqual([
      {
        id: goalId,
        title: 'SQLで集計できるようになる',
        skills: [{ id: 'sql', name: 'SQL' }],
        targetDate: '2026-09-30',
        progress: 60,
      },
    ]);
    expect(
      (
        await p.agent.put('/api/career/profile/goals', {
          direction: null,
          learning: [{ title: 'x', targetDate: '2026-02-30' }],
        })
      ).status,
    ).toBe(400);
  });

  it('names catalog skills and value cards in the reader’s language', async () => {
    const p = await person();
    await putSkills(p.agent, [{ name: 'データ分析', level: 3 }]);
    await p.agent.put('/api/career/profile/values', { items: [{ card: 'challenge' }] });
    await p.agent.patch('/api/me', { locale: 'en' });
    const profile = await profileOf(p.agent);
    expect(profile.skills[0]).toEqual({ id: 'dataAnalysis', name: 'Data analysis', level: 3 });
    expect(profile.values[0]).toEqual({ card: 'challenge', label: 'Challenge' });
  });
});

describe('publishing one part at a time', () => {
  it('copies only the published part to the public profile, follows edits, and unpublishing deletes the copy', async () => {
    const p = await person();
    const colleague = await person();
    await putSkills(p.agent, [{ name: 'Python', level: 4 }]);
    await addExperience(p.agent, { title: '非公開のままの経験', outcome: 'succeeded' });
    await putGoals(p.agent, { direction: { text: '非公開の方向性', skills: [] }, learning: [] });

    const before = await colleague.agent.get(`/api/users/${p.id}/career`);
    expect(before.status).toBe(200);
    expect((before.json() as PublicCareerProfile).parts).toEqual({});

    const published = await p.agent.put('/api/career/profile/published/skills');
    expect(published.status).toBe(200);
    expect((published.json() as CareerProfile).published).toMatchObject({
      skills: true,
      experiences: false,
      goals: false,
    });

    let seen = (await colleague.agent.get(`/api/users/${p.id}/career`)).json() as PublicCareerProfile;
    expect(seen.parts).toEqual({ skills: [{ id: 'python', name: 'Python', level: 4 }] });
    expect(Object.keys(seen.publishedAt)).toEqual(['skills']);
    const raw = (await colleague.agent.get(`/api/users/${p.id}/career`)).body;
    expect(raw).not.toContain('非公開のままの経験');
    expect(raw).not.toContain('非公開の方向性');

    // The public copy follows an edit of the published part …
    await putSkills(p.agent, [
      { name: 'Python', level: 5 },
      { name: 'SQL', level: 2 },
    ]);
    seen = (await colleague.agent.get(`/api/users/${p.id}/career`)).json() as PublicCareerProfile;
    expect(seen.parts.skills).toEqual([
      { id: 'python', name: 'Python', level: 5 },
      { id: 'sql', name: 'SQL', level: 2 },
    ]);
    // … and is deleted when the part is unpublished.
    expect((await p.agent.delete('/api/career/profile/published/skills')).status).toBe(200);
    seen = (await colleague.agent.get(`/api/users/${p.id}/career`)).json() as PublicCareerProfile;
    expect(seen.parts).toEqual({});
    const rows = await t.deps.db
      .selectFrom('career_public_parts')
      .selectAll()
      .where('user_id', '=', p.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await p.agent.put('/api/career/profile/published/everything')).status).toBe(400);
  });

  it('previews what each part would show before publishing', async () => {
    const p = await person();
    await putSkills(p.agent, [{ name: 'Java', level: 3 }]);
    const res = await p.agent.get('/api/career/profile/public-preview');
    expect(res.status).toBe(200);
    expect((res.json() as { parts: PublicCareerProfile['parts'] }).parts.skills).toEqual([
      { id: 'java', name: 'Java', level: 3 },
    ]);
  });

  it('answers 404 for a person who does not exist or is disabled', async () => {
    const p = await person();
    expect((await p.agent.get('/api/users/00000000-0000-7000-8000-000000000000/career')).status).toBe(404);
  });
});

describe('storage', () => {
  it('keeps the whole private profile as one ciphertext row under the owner tag, not the user id', async () => {
    const p = await person();
    const marker = `強み${Date.now()}`;
    await p.agent.put('/api/career/profile/strengths', { items: [{ text: marker }] });
    const rows = await t.deps.db.selectFrom('career_profiles').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['body', 'owner_tag']);
      expect(row.owner_tag).not.toContain(p.id);
      expect(row.body).not.toContain(marker);
      expect(Buffer.from(row.body, 'base64url').toString('utf8')).not.toContain(marker);
    }
  });
});
