import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { makeCommunity, makePost, person, readyToPost, type Person, type PostJson } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

type FeedPage = {
  items: Array<PostJson & { unread: boolean; community: { id: string } }>;
  nextCursor: string | null;
};

async function readAll(p: Person, limit: number) {
  const seen: FeedPage['items'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = (
      await p.agent.get(`/api/feed?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    ).json() as FeedPage;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return seen;
}

describe('home feed', () => {
  it('shows my communities’ posts and company-wide announcements, newest first, in complete pages', async () => {
    const author = await person(t);
    const hr = await person(t, { roles: ['hr'] });
    const reader = await person(t);
    const mine1 = await makeCommunity(author.agent);
    const mine2 = await makeCommunity(author.agent, { visibility: 'private' });
    const notMine = await makeCommunity(author.agent);
    const hrSpace = await makeCommunity(hr.agent);
    for (const c of [mine1, mine2, notMine]) await readyToPost(author.agent, c.id);
    await readyToPost(hr.agent, hrSpace.id);
    await reader.agent.post(`/api/communities/${mine1.id}/join`);
    await author.agent.post(`/api/communities/${mine2.id}/members`, { userId: reader.id });

    const expected: string[] = [];
    for (let i = 0; i < 12; i++) {
      const target = [mine1, mine2, notMine][i % 3]!;
      const p = await makePost(author.agent, target.id, { body: `投稿 ${i}` });
      if (target !== notMine) expected.push(p.id);
      if (i === 5) {
        const a = await makePost(hr.agent, hrSpace.id, {
          kind: 'announcement',
          title: '全社のお知らせ',
          body: '本文',
          audience: 'company',
        });
        expected.push(a.id);
      }
    }
    const hidden = await makePost(author.agent, mine1.id, { body: '消される' });
    await author.agent.delete(`/api/posts/${hidden.id}`);

    for (const limit of [1, 4, 5, 50]) {
      const all = await readAll(reader, limit);
      expect(all.map((p) => p.id)).toEqual([...expected].reverse());
    }
    const first = (await reader.agent.get('/api/feed?limit=3')).json() as FeedPage;
    expect(first.items.map((i) => i.createdAt)).toEqual(
      [...first.items.map((i) => i.createdAt)].sort().reverse(),
    );
    expect((await reader.agent.get('/api/feed?cursor=%%%')).status).toBe(400);
    expect((await reader.agent.get('/api/feed?limit=500')).status).toBe(400);
  });

  it('marks posts unread until the reader marks the community read (my own posts are never unread)', async () => {
    const author = await person(t);
    const reader = await person(t);
    const c = await makeCommunity(author.agent);
    await readyToPost(author.agent, c.id);
    await readyToPost(reader.agent, c.id);
    const p1 = await makePost(author.agent, c.id, { body: '一' });
    const own = await makePost(reader.agent, c.id, { body: '自分の' });
    const p2 = await makePost(author.agent, c.id, { body: '二' });
    const unread = async () =>
      Object.fromEntries(
        ((await reader.agent.get('/api/feed')).json() as FeedPage).items
          .filter((i) => i.community.id === c.id)
          .map((i) => [i.id, i.unread]),
      );
    expect(await unread()).toEqual({ [p1.id]: true, [own.id]: false, [p2.id]: true });
    await reader.agent.post(`/api/communities/${c.id}/read`, { postId: p1.id });
    expect(await unread()).toEqual({ [p1.id]: false, [own.id]: false, [p2.id]: true });
    await reader.agent.post(`/api/communities/${c.id}/read`, {});
    expect(await unread()).toEqual({ [p1.id]: false, [own.id]: false, [p2.id]: false });
  });

  it('is empty for someone in no community (and never shows private content)', async () => {
    const stranger = await person(t);
    const owner = await person(t);
    const secret = await makeCommunity(owner.agent, { visibility: 'private' });
    await readyToPost(owner.agent, secret.id);
    const p = await makePost(owner.agent, secret.id, { body: '秘密' });
    const items = ((await stranger.agent.get('/api/feed?limit=50')).json() as FeedPage).items;
    expect(items.map((i) => i.id)).not.toContain(p.id);
    expect(items.every((i) => i.companyWide)).toBe(true);
  });
});
