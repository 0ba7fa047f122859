import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import {
  errorOf,
  makeComment,
  makeCommunity,
  makePost,
  person,
  readyToPost,
  type PostJson,
} from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

type QueueItem = {
  subjectType: string;
  subjectId: string;
  status: string;
  reportCount: number;
  reports: Array<{ reason: string; resolution: string | null }>;
  history: Array<{ action: string; by: string | null }>;
  [k: string]: unknown;
};
const queue = async (agent: Awaited<ReturnType<typeof person>>['agent'], status = 'open') =>
  ((await agent.get(`/api/moderation/queue?status=${status}`)).json() as { items: QueueItem[] }).items;

async function setup(visibility: 'open' | 'private' = 'open') {
  const organizer = await person(t, { name: '運営 一郎' });
  const author = await person(t);
  const reporter = await person(t);
  const c = await makeCommunity(organizer.agent, { visibility });
  for (const p of [author, reporter]) {
    if (visibility === 'private')
      await organizer.agent.post(`/api/communities/${c.id}/members`, { userId: p.id });
    await readyToPost(p.agent, c.id);
  }
  await readyToPost(organizer.agent, c.id);
  const post = await makePost(author.agent, c.id, { body: '不適切な投稿' });
  return { organizer, author, reporter, c, post };
}

describe('reports and the moderation queue', () => {
  it('lets readers report a post (not their own), once per person, anonymously to moderators', async () => {
    const { organizer, author, reporter, post } = await setup();
    const bystander = await person(t);
    const report = (who: typeof reporter, reason: string) =>
      who.agent.post('/api/reports', { subjectType: 'post', subjectId: post.id, reason });
    expect((await report(author, '自分で')).status).toBe(403);
    expect((await report(reporter, '攻撃的です')).status).toBe(201);
    expect((await report(reporter, '攻撃的な表現があります')).status).toBe(201); // updates the reason
    expect((await report(bystander, '個人情報')).status).toBe(201);
    const items = await queue(organizer.agent);
    const item = items.find((i) => i.subjectId === post.id)!;
    expect(item).toMatchObject({ subjectType: 'post', status: 'visible', reportCount: 2 });
    expect(item.reports.map((r) => r.reason).sort()).toEqual(['個人情報', '攻撃的な表現があります']);
    expect(JSON.stringify(items)).not.toContain(reporter.id);
    expect(JSON.stringify(items)).not.toContain(bystander.id);
    expect(await queue(reporter.agent)).toEqual([]);
    expect(
      (await reporter.agent.post('/api/reports', { subjectType: 'post', subjectId: post.id, reason: '' }))
        .status,
    ).toBe(400);
  });

  it('hides, restores and dismisses with an audit trail; hidden posts vanish for readers', async () => {
    const { organizer, author, reporter, post } = await setup();
    await reporter.agent.post('/api/reports', { subjectType: 'post', subjectId: post.id, reason: '攻撃的' });
    expect((await reporter.agent.post(`/api/moderation/post/${post.id}/hide`)).status).toBe(403);
    expect((await organizer.agent.post(`/api/moderation/post/${post.id}/hide`)).status).toBe(200);
    expect((await reporter.agent.get(`/api/posts/${post.id}`)).status).toBe(404);
    expect((await author.agent.get(`/api/posts/${post.id}`)).status).toBe(404);
    const asModerator = (await organizer.agent.get(`/api/posts/${post.id}`)).json() as PostJson;
    expect(asModerator.hidden).toBe(true);
    expect((await queue(organizer.agent)).find((i) => i.subjectId === post.id)).toBeUndefined();
    const resolved = (await queue(organizer.agent, 'resolved')).find((i) => i.subjectId === post.id)!;
    expect(resolved).toMatchObject({ status: 'hidden', reports: [{ resolution: 'hidden' }] });
    expect(resolved.history).toEqual([
      { action: 'moderation.hidden', by: '運営 一郎', at: expect.any(String) },
    ]);
    expect((await organizer.agent.post(`/api/moderation/post/${post.id}/hide`)).status).toBe(404);
    expect((await organizer.agent.post(`/api/moderation/post/${post.id}/restore`)).status).toBe(200);
    expect((await reporter.agent.get(`/api/posts/${post.id}`)).status).toBe(200);
    await reporter.agent.post('/api/reports', { subjectType: 'post', subjectId: post.id, reason: 'やはり' });
    expect((await organizer.agent.post(`/api/moderation/post/${post.id}/dismiss`)).status).toBe(200);
    expect((await reporter.agent.get(`/api/posts/${post.id}`)).status).toBe(200);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', post.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'moderation.hidden', actor_id: organizer.id },
      { action: 'moderation.restored', actor_id: organizer.id },
      { action: 'moderation.dismissed', actor_id: organizer.id },
    ]);
  });

  it('hides comments as placeholders for readers but not for moderators', async () => {
    const { organizer, author, reporter, post } = await setup();
    const cm = await makeComment(author.agent, post.id, 'ひどいコメント');
    await reporter.agent.post('/api/reports', { subjectType: 'comment', subjectId: cm.id, reason: '暴言' });
    expect(
      (await queue(organizer.agent)).some((i) => i.subjectId === cm.id && i.subjectType === 'comment'),
    ).toBe(true);
    await organizer.agent.post(`/api/moderation/comment/${cm.id}/hide`);
    const forReader = (await reporter.agent.get(`/api/posts/${post.id}/comments`)).json() as {
      items: Array<{ hidden: boolean; body: string }>;
    };
    expect(forReader.items).toEqual([expect.objectContaining({ hidden: true, body: '' })]);
    const forModerator = (await organizer.agent.get(`/api/posts/${post.id}/comments`)).json() as {
      items: Array<{ hidden: boolean; body: string }>;
    };
    expect(forModerator.items).toEqual([expect.objectContaining({ hidden: true, body: 'ひどいコメント' })]);
    expect(((await reporter.agent.get(`/api/posts/${post.id}`)).json() as PostJson).commentCount).toBe(0);
  });

  it('gives admins the queue of open communities, never of private ones', async () => {
    const admin = await person(t, { roles: ['admin'] });
    const open = await setup();
    const closed = await setup('private');
    for (const s of [open, closed]) {
      await s.reporter.agent.post('/api/reports', {
        subjectType: 'post',
        subjectId: s.post.id,
        reason: '確認を',
      });
    }
    const items = await queue(admin.agent);
    expect(items.some((i) => i.subjectId === open.post.id)).toBe(true);
    expect(items.some((i) => i.subjectId === closed.post.id)).toBe(false);
    expect((await admin.agent.post(`/api/moderation/post/${closed.post.id}/hide`)).status).toBe(404);
    expect((await admin.agent.post(`/api/moderation/post/${open.post.id}/hide`)).status).toBe(200);
    expect(errorOf(await admin.agent.post(`/api/moderation/post/nope/hide`)).code).toBe('common.not_found');
    const closedQueue = await queue(closed.organizer.agent);
    expect(closedQueue.some((i) => i.subjectId === closed.post.id)).toBe(true);
  });
});
