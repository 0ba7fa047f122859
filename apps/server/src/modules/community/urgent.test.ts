import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import {
  errorOf,
  makeCommunity,
  makePost,
  person,
  readyToPost,
  type CommunityJson,
  type Person,
  type PostJson,
} from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

const HOUR = 3600_000;
const WINDOW_H = COMMUNITY_LIMITS.urgentAnnouncementWindowHours;

const urgent = (title: string) => ({ kind: 'announcement', title, body: `${title}の詳細`, urgent: true });

async function setup(roles: Array<'admin' | 'hr'> = []) {
  const organizer = await person(t, { name: '運営 太郎', roles });
  const member = await person(t, { name: '参加 花子' });
  const c = await makeCommunity(organizer.agent);
  await readyToPost(organizer.agent, c.id);
  await readyToPost(member.agent, c.id);
  return { organizer, member, c };
}

async function posts(p: Person, communityId: string) {
  return ((await p.agent.get(`/api/communities/${communityId}/posts`)).json() as { items: PostJson[] }).items;
}

async function announcementCount(p: Person) {
  const items = ((await p.agent.get('/api/notifications')).json() as { items: Array<{ kind: string }> })
    .items;
  return items.filter((n) => n.kind === 'announcement').length;
}

/** Moves a post's creation time back, as if it had been published `hours` ago. */
async function age(postId: string, hours: number) {
  await t.deps.db
    .updateTable('posts')
    .set({ created_at: new Date(Date.now() - hours * HOUR).toISOString() })
    .where('id', '=', postId)
    .execute();
}

describe('urgent announcements are rare', () => {
  it(`refuses a second urgent announcement within ${WINDOW_H} hours and stores nothing`, async () => {
    const { organizer, member, c } = await setup();
    const first = await makePost(organizer.agent, c.id, urgent('避難訓練は中止'));
    expect(first).toMatchObject({ announcement: { urgent: true } });
    expect(await announcementCount(member)).toBe(1);

    const before = await posts(organizer, c.id);
    const res = await organizer.agent.post(`/api/communities/${c.id}/posts`, urgent('もう一件'));
    expect(res.status).toBe(409);
    const error = errorOf(res);
    expect(error.code).toBe('community.urgent_announcement_limit');
    expect(error.fields).toEqual([{ field: 'urgent', code: 'invalid_value', message: expect.any(String) }]);
    // The message says when the next one is possible (about 24 hours from now, rounded up).
    expect((res.json() as { error: { message: string } }).error.message).toContain(`約${WINDOW_H}時間後`);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan((WINDOW_H - 1) * 3600);
    expect(await posts(organizer, c.id)).toEqual(before);
    expect(await announcementCount(member)).toBe(1);

    // In English too, naming the window.
    await organizer.agent.patch('/api/me', { locale: 'en' });
    const en = await organizer.agent.post(`/api/communities/${c.id}/posts`, urgent('again'));
    expect((en.json() as { error: { message: string } }).error.message).toContain(
      `one urgent announcement every ${WINDOW_H} hours`,
    );
  });

  it('leaves non-urgent announcements and posts alone, and other communities have their own slot', async () => {
    const { organizer, member, c } = await setup();
    await makePost(organizer.agent, c.id, urgent('至急'));
    const plain = await makePost(organizer.agent, c.id, { ...urgent('ふつうのお知らせ'), urgent: false });
    expect(plain).toMatchObject({ announcement: { urgent: false } });
    await makePost(member.agent, c.id, { body: 'ふだんの投稿' });
    const other = await makeCommunity(organizer.agent);
    await readyToPost(organizer.agent, other.id);
    expect(await makePost(organizer.agent, other.id, urgent('別の場所で至急'))).toMatchObject({
      announcement: { urgent: true },
    });
  });

  it(`allows the next one once ${WINDOW_H} hours have passed; a deleted one still counts`, async () => {
    const { organizer, c } = await setup();
    const first = await makePost(organizer.agent, c.id, urgent('一件目'));
    expect((await organizer.agent.delete(`/api/posts/${first.id}`)).status).toBe(200);
    // Deleting does not give the slot back: the notifications already went out at night.
    expect(errorOf(await organizer.agent.post(`/api/communities/${c.id}/posts`, urgent('二件目'))).code).toBe(
      'community.urgent_announcement_limit',
    );

    await age(first.id, WINDOW_H - 0.5);
    const res = await organizer.agent.post(`/api/communities/${c.id}/posts`, urgent('二件目'));
    expect(errorOf(res).code).toBe('community.urgent_announcement_limit');
    expect((res.json() as { error: { message: string } }).error.message).toContain('約1時間後');

    await age(first.id, WINDOW_H + 0.1);
    expect(await makePost(organizer.agent, c.id, urgent('二件目'))).toMatchObject({
      announcement: { urgent: true },
    });
  });

  it('lets only one of two simultaneous urgent announcements through', async () => {
    const { organizer, c } = await setup();
    const second = await person(t);
    await organizer.agent.post(`/api/communities/${c.id}/organizers`, { userId: second.id });
    await readyToPost(second.agent, c.id);
    const results = await Promise.all([
      organizer.agent.post(`/api/communities/${c.id}/posts`, urgent('同時A')),
      second.agent.post(`/api/communities/${c.id}/posts`, urgent('同時B')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const urgentPosts = (await posts(organizer, c.id)).filter(
      (p) => (p.announcement as { urgent?: boolean } | null)?.urgent,
    );
    expect(urgentPosts).toHaveLength(1);
  });

  it('applies to admins and HR as well, company-wide announcements included', async () => {
    const { organizer, c } = await setup(['admin', 'hr']);
    const companyWide = { ...urgent('全社に至急'), audience: 'company' };
    await makePost(organizer.agent, c.id, companyWide);
    expect(errorOf(await organizer.agent.post(`/api/communities/${c.id}/posts`, companyWide)).code).toBe(
      'community.urgent_announcement_limit',
    );
  });

  it('tells organizers (only them) when the next urgent announcement is possible', async () => {
    const { organizer, member, c } = await setup();
    const view = async (p: Person) =>
      ((await p.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson).urgentAvailableAt;
    expect(await view(organizer)).toBeNull();
    const first = await makePost(organizer.agent, c.id, urgent('至急'));
    const next = Date.parse((await view(organizer)) as string);
    expect(next - Date.parse(first.createdAt as string)).toBe(WINDOW_H * HOUR);
    expect(await view(member)).toBeNull();
  });
});
