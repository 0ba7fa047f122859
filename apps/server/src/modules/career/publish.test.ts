import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerProfile, PublicCareerProfile } from '@engawa/shared';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { careerRepo } from './repo.ts';
import { putSkills } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

const originalFindProfile = careerRepo.findProfile;
afterEach(() => {
  careerRepo.findProfile = originalFindProfile;
});

async function person(): Promise<{ id: string; agent: Agent }> {
  const u = await createUser(t);
  return { id: u.id, agent: await sessionFor(t, u.id) };
}

async function profileOf(agent: Agent): Promise<CareerProfile> {
  return (await agent.get('/api/career/profile')).json() as CareerProfile;
}

async function publicSkills(reader: Agent, userId: string) {
  return ((await reader.get(`/api/users/${userId}/career`)).json() as PublicCareerProfile).parts.skills;
}

/**
 * Forces the interleaving: the next profile read (the publish's) returns what it read, but only
 * after `edit` has committed — so the publish holds a profile that is already outdated when it
 * writes the public copy.
 */
function editRightAfterNextRead(edit: () => Promise<void>) {
  let armed = true;
  careerRepo.findProfile = (async (...args: Parameters<typeof originalFindProfile>) => {
    const row = await originalFindProfile(...args);
    if (armed) {
      armed = false;
      await edit();
    }
    return row;
  }) as typeof originalFindProfile;
}

describe('publishing a part while the same part is being edited', () => {
  it('never leaves an older copy public: the publish starts over from the edited profile', async () => {
    const p = await person();
    const colleague = await person();
    await putSkills(p.agent, [{ name: 'SQL', level: 2 }]);
    editRightAfterNextRead(async () => putSkills(p.agent, [{ name: 'SQL', level: 5 }]));
    // An API client that sends no version: the copy is the current private part.
    const res = await p.agent.put('/api/career/profile/published/skills', {});
    expect(res.status, res.body).toBe(200);
    expect(await publicSkills(colleague.agent, p.id)).toEqual([{ id: 'sql', name: 'SQL', level: 5 }]);
    expect((await profileOf(p.agent)).skills).toEqual([{ id: 'sql', name: 'SQL', level: 5 }]);
  });

  it('refuses to publish what the person did not see (their version), publishing nothing', async () => {
    const p = await person();
    const colleague = await person();
    await putSkills(p.agent, [{ name: 'Python', level: 2 }]);
    const seen = await profileOf(p.agent);
    editRightAfterNextRead(async () => putSkills(p.agent, [{ name: 'Python', level: 4 }]));
    const res = await p.agent.put('/api/career/profile/published/skills', { version: seen.updatedAt });
    expect(res.status).toBe(409);
    expect((res.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'career.profile_outdated',
      message:
        'プロフィールが別の画面で更新されています。最新の内容を確認してから、もう一度公開してください。',
    });
    expect(await publicSkills(colleague.agent, p.id)).toBeUndefined();
    expect(
      await t.deps.db.selectFrom('career_public_parts').selectAll().where('user_id', '=', p.id).execute(),
    ).toEqual([]);
    // With the version now on screen, it publishes exactly that.
    const fresh = await profileOf(p.agent);
    const again = await p.agent.put('/api/career/profile/published/skills', { version: fresh.updatedAt });
    expect(again.status, again.body).toBe(200);
    expect((again.json() as CareerProfile).published.skills).toBe(true);
    expect(await publicSkills(colleague.agent, p.id)).toEqual([{ id: 'python', name: 'Python', level: 4 }]);
  });

  it('publishes an empty part of a person with no profile yet, and their first edit follows it', async () => {
    const p = await person();
    const colleague = await person();
    const seen = await profileOf(p.agent);
    expect(seen.updatedAt).toBeNull();
    const res = await p.agent.put('/api/career/profile/published/skills', { version: null });
    expect(res.status, res.body).toBe(200);
    expect(await publicSkills(colleague.agent, p.id)).toEqual([]);
    await putSkills(p.agent, [{ name: 'Java', level: 3 }]);
    expect(await publicSkills(colleague.agent, p.id)).toEqual([{ id: 'java', name: 'Java', level: 3 }]);
  });
});
