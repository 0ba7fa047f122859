import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { formatMention } from '../../platform/markdown.ts';
import { makeComment, makeCommunity, makePost, person, readyToPost, type Person } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

type MemberPage = { items: Array<{ id: string; name: string }>; nextAfter: string | null };
type CommunityPage = { items: Array<{ id: string; name: string }>; nextCursor: string | null };

const mentions = async (p: Person) =>
  (
    (await p.agent.get('/api/notifications')).json() as {
      items: Array<{ kind: string; title: string; link: string }>;
    }
  ).items.filter((n) => n.kind === 'mention');

describe('member search (the mention picker of a private community)', () => {
  it('finds members by part of a name, folded like the directory; never non-members', async () => {
    const tag = Date.now().toString(36);
    const organizer = await person(t, { name: `運営 一郎${tag}` });
    const kenta = await person(t, { name: `鈴木 健太${tag}` });
    const kana = await person(t, { name: `スズキ ケン${tag}` });
    const latin = await person(t, { name: `Kenta SUZUKI ${tag}` });
    const outsider = await person(t, { name: `鈴木 外部${tag}` });
    const c = await makeCommunity(organizer.agent, { visibility: 'private' });
    for (const m of [kenta, kana, latin]) {
      expect((await organizer.agent.post(`/api/communities/${c.id}/members`, { userId: m.id })).status).toBe(
        200,
      );
    }
    const search = async (q: string, who: Person = kenta) => {
      const res = await who.agent.get(`/api/communities/${c.id}/members?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return (res.json() as MemberPage).items.map((i) => i.id).sort();
    };
    expect(await search('鈴木')).toEqual([kenta.id]);
    expect(await search('健太')).toEqual([kenta.id]);
    // Spaces and width do not matter; hiragana finds katakana; case does not matter.
    expect(await search(`鈴木健太${tag}`)).toEqual([kenta.id]);
    expect(await search('すずき')).toEqual([kana.id]);
    expect(await search('ｓｕｚｕｋｉ')).toEqual([latin.id]);
    expect(await search('kenta suzuki')).toEqual([latin.id]);
    // LIKE wildcards are plain characters.
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    // Without q: every member, as before.
    expect(await search('')).toEqual([organizer.id, kenta.id, kana.id, latin.id].sort());
    // Outsiders of a private community cannot ask at all (it does not exist for them).
    expect(
      (await outsider.agent.get(`/api/communities/${c.id}/members?q=${encodeURIComponent('鈴木')}`)).status,
    ).toBe(404);
  });

  it('pages a narrowed list with nextAfter', async () => {
    const tag = `p${Date.now().toString(36)}`;
    const organizer = await person(t);
    const c = await makeCommunity(organizer.agent);
    const names = ['甲', '乙', '丙'].map((n) => `${tag} ${n}`);
    for (const name of names) {
      const m = await person(t, { name });
      await readyToPost(m.agent, c.id);
    }
    const first = (
      await organizer.agent.get(`/api/communities/${c.id}/members?q=${tag}&limit=2`)
    ).json() as MemberPage;
    expect(first.items).toHaveLength(2);
    expect(first.nextAfter).not.toBeNull();
    const second = (
      await organizer.agent.get(`/api/communities/${c.id}/members?q=${tag}&limit=2&after=${first.nextAfter}`)
    ).json() as MemberPage;
    expect(second.items).toHaveLength(1);
    expect(second.nextAfter).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.name).sort()).toEqual([...names].sort());
  });
});

describe('community search (the search page filter)', () => {
  it('finds visible communities by part of the name, width and case folded; not private ones of others', async () => {
    const tag = Date.now().toString(36);
    const owner = await person(t);
    const reader = await person(t);
    const open = await makeCommunity(owner.agent, { name: `生成AI活用の会 ${tag}` });
    const hidden = await makeCommunity(owner.agent, {
      name: `生成AI評価委員会 ${tag}`,
      visibility: 'private',
    });
    const mine = await makeCommunity(reader.agent, { name: `生成AIの悩み ${tag}`, visibility: 'private' });
    const list = async (who: Person, q: string, scope = 'all') =>
      (
        (
          await who.agent.get(`/api/communities?scope=${scope}&q=${encodeURIComponent(q)}`)
        ).json() as CommunityPage
      ).items
        .map((c) => c.id)
        .sort();
    expect(await list(reader, `生成ＡＩ ${tag}`)).toEqual([open.id, mine.id].sort());
    expect(await list(reader, `ai ${tag.toUpperCase()}`)).toEqual([open.id, mine.id].sort());
    expect(await list(reader, `活用 ${tag}`)).toEqual([open.id]);
    expect(await list(reader, `評価委員会 ${tag}`)).toEqual([]);
    expect(await list(owner, `評価委員会 ${tag}`)).toEqual([hidden.id]);
    expect(await list(reader, `生成 ${tag}`, 'joined')).toEqual([mine.id]);
    expect(await list(reader, `%${tag}`)).toEqual([]);
    // Beyond the first page: a search reaches a community that is not among the newest.
    for (let i = 0; i < 3; i++) await makeCommunity(owner.agent, { name: `あとから ${tag} ${i}` });
    const page = (
      await reader.agent.get(`/api/communities?limit=2&q=${encodeURIComponent(`活用の会 ${tag}`)}`)
    ).json() as CommunityPage;
    expect(page.items.map((c) => c.id)).toEqual([open.id]);
  });
});

describe('mentioning people who cannot see the content', () => {
  async function privateCommunity() {
    const organizer = await person(t, { name: '運営 太郎' });
    const member = await person(t, { name: '参加 花子' });
    const outsider = await person(t, { name: '部外 次郎' });
    const c = await makeCommunity(organizer.agent, { visibility: 'private' });
    await organizer.agent.post(`/api/communities/${c.id}/members`, { userId: member.id });
    await readyToPost(organizer.agent, c.id);
    await readyToPost(member.agent, c.id);
    return { organizer, member, outsider, c };
  }

  it('never notifies a non-member of a private community: posts, comments and edits', async () => {
    const { organizer, member, outsider, c } = await privateCommunity();
    const secret = `社外秘-${Date.now().toString(36)}`;
    const tag = formatMention({ id: outsider.id, name: '部外 次郎' });
    const post = await makePost(member.agent, c.id, {
      title: secret,
      kind: 'question',
      body: `${tag} ${secret}`,
    });
    const comment = await makeComment(organizer.agent, post.id, `${tag} どう思う？ ${secret}`);
    await member.agent.patch(`/api/posts/${post.id}`, { body: `${tag} ${tag} 追記 ${secret}` });
    await organizer.agent.patch(`/api/comments/${comment.id}`, {
      body: `@${outsider.email.split('@')[0]} ${secret}`,
    });
    // A member mentioned in the same edit is notified: the mention itself worked.
    await member.agent.patch(`/api/posts/${post.id}`, {
      body: `${formatMention({ id: organizer.id, name: '運営 太郎' })} ${tag}`,
    });
    expect(await mentions(organizer)).toHaveLength(1);
    expect(await mentions(outsider)).toEqual([]);
    const everything = (await outsider.agent.get('/api/notifications')).body;
    expect(everything).not.toContain(secret);
    expect((await outsider.agent.get(`/api/posts/${post.id}`)).status).toBe(404);
  });

  it('notifies anyone in the company mentioned in an open community, member or not', async () => {
    const organizer = await person(t);
    const colleague = await person(t, { name: '他部署 三郎' });
    const c = await makeCommunity(organizer.agent);
    await readyToPost(organizer.agent, c.id);
    const post = await makePost(organizer.agent, c.id, {
      body: `${formatMention({ id: colleague.id, name: '他部署 三郎' })} 見てください`,
    });
    const got = await mentions(colleague);
    expect(got).toHaveLength(1);
    expect(got[0]!.link).toContain(post.id);
    expect((await colleague.agent.get(`/api/posts/${post.id}`)).status).toBe(200);
    // In a comment too.
    await makeComment(organizer.agent, post.id, `${formatMention({ id: colleague.id, name: 'x' })} こちらも`);
    expect((await mentions(colleague)).length).toBeGreaterThanOrEqual(1);
  });
});
