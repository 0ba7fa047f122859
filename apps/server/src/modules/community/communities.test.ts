import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_OF_CONDUCT_ITEMS, translate } from '@engawa/shared';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { makeCommunity, makePost, readyToPost, type CommunityJson } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

type ErrorBody = { error: { code: string; fields?: Array<{ field: string; code: string }> } };
const err = (res: { json: () => unknown }) => (res.json() as ErrorBody).error;

async function person(opts: { admin?: boolean; name?: string } = {}) {
  const u = await createUser(t, {
    ...(opts.admin ? { roles: ['admin'] } : {}),
    ...(opts.name ? { name: opts.name } : {}),
  });
  return { ...u, agent: await sessionFor(t, u.id) };
}

describe('creating communities', () => {
  it('requires a purpose and rules, naming the missing fields', async () => {
    const a = await person();
    const res = await a.agent.post('/api/communities', { name: '読書会', purpose: ' ', rules: '' });
    expect(res.status).toBe(400);
    expect(
      err(res)
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['purpose', 'rules']);
  });

  it('requires a stated reason for a private community', async () => {
    const a = await person();
    const res = await a.agent.post('/api/communities', {
      name: '非公開の会',
      purpose: '目的',
      rules: 'ルール',
      visibility: 'private',
    });
    expect(res.status).toBe(400);
    expect(err(res)).toMatchObject({
      code: 'community.private_reason_required',
      fields: [{ field: 'privateReason', code: 'required' }],
    });
  });

  it('is open by default, makes the creator (and named people) organizers, and needs no rules ack from them', async () => {
    const a = await person({ name: '作成 者' });
    const b = await person({ name: '共同 運営' });
    const c = await makeCommunity(a.agent, { organizerIds: [b.id] });
    expect(c).toMatchObject({
      visibility: 'open',
      membership: 'organizer',
      memberCount: 2,
      needsRulesAck: false,
    });
    expect((c.organizers as Array<{ name: string }>).map((o) => o.name)).toEqual(['作成 者', '共同 運営']);
    const asB = (await b.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson;
    expect(asB.membership).toBe('organizer');
    expect(asB.abilities.manage).toBe(true);
  });

  it('refuses a second community with the same name in another width or case', async () => {
    const a = await person();
    await makeCommunity(a.agent, { name: 'ＡＩ 研究会' });
    const res = await a.agent.post('/api/communities', { name: 'ai  研究会', purpose: 'p', rules: 'r' });
    expect(res.status).toBe(409);
    expect(err(res)).toMatchObject({
      code: 'community.name_taken',
      fields: [{ field: 'name', code: 'taken' }],
    });
  });

  it('refuses unknown organizers', async () => {
    const a = await person();
    const res = await a.agent.post('/api/communities', {
      name: `会-${Date.now()}`,
      purpose: 'p',
      rules: 'r',
      organizerIds: ['no-such-user'],
    });
    expect(res.status).toBe(400);
    expect(err(res).code).toBe('identity.unknown_user');
  });
});

describe('browsing and visibility', () => {
  let owner: Awaited<ReturnType<typeof person>>;
  let outsider: Awaited<ReturnType<typeof person>>;
  let admin: Awaited<ReturnType<typeof person>>;
  let open: CommunityJson;
  let secret: CommunityJson;

  beforeAll(async () => {
    owner = await person({ name: '運営 花子' });
    outsider = await person();
    admin = await person({ admin: true });
    open = await makeCommunity(owner.agent, { topics: ['キャリア', 'AI'] });
    secret = await makeCommunity(owner.agent, { visibility: 'private', topics: ['キャリア'] });
  });

  const ids = async (agent: Agent, query = '') =>
    ((await agent.get(`/api/communities${query}`)).json() as { items: Array<{ id: string }> }).items.map(
      (i) => i.id,
    );

  it('lists open communities to everyone and private ones only to their members', async () => {
    expect(await ids(owner.agent)).toEqual(expect.arrayContaining([open.id, secret.id]));
    const seen = await ids(outsider.agent);
    expect(seen).toContain(open.id);
    expect(seen).not.toContain(secret.id);
    expect(await ids(admin.agent)).not.toContain(secret.id);
  });

  it('filters by topic (NFKC) and by membership', async () => {
    const byTopic = await ids(outsider.agent, `?topic=${encodeURIComponent('ｷｬﾘｱ')}`);
    expect(byTopic).toContain(open.id);
    expect(byTopic).not.toContain(secret.id);
    expect(await ids(outsider.agent, '?scope=joined')).toEqual([]);
    expect(await ids(owner.agent, '?scope=joined')).toEqual(expect.arrayContaining([open.id, secret.id]));
  });

  it('paginates with an opaque cursor, newest first, without gaps or repeats', async () => {
    const u = await person();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await makeCommunity(u.agent, { topics: ['ページ送り'] })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await u.agent.get(
          `/api/communities?topic=${encodeURIComponent('ページ送り')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expect((await u.agent.get('/api/communities?cursor=not-a-cursor')).status).toBe(400);
  });

  it('answers 404 for a private community to non-members, admins included', async () => {
    expect((await outsider.agent.get(`/api/communities/${secret.id}`)).status).toBe(404);
    expect((await admin.agent.get(`/api/communities/${secret.id}`)).status).toBe(404);
    expect((await admin.agent.get(`/api/communities/${secret.id}/members`)).status).toBe(404);
    expect((await outsider.agent.post(`/api/communities/${secret.id}/join`)).status).toBe(404);
    expect((await owner.agent.get(`/api/communities/${secret.id}`)).status).toBe(200);
  });

  it('shows admins the private communities with reasons and organizer names, never their content', async () => {
    const res = await admin.agent.get('/api/admin/private-communities');
    expect(res.status).toBe(200);
    const item = (res.json() as { items: Array<Record<string, unknown>> }).items.find(
      (i) => i.id === secret.id,
    );
    expect(item).toEqual({
      id: secret.id,
      name: secret.name,
      reason: '人事評価の制度設計を議論するため',
      organizers: ['運営 花子'],
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.json())).not.toContain('AIの使い方'); // the purpose
    expect((await outsider.agent.get('/api/admin/private-communities')).status).toBe(403);
  });
});

describe('first visit, joining and membership', () => {
  it('shows purpose and rules first and asks to acknowledge them; changed rules ask again', async () => {
    const owner = await person();
    const visitor = await person();
    const c = await makeCommunity(owner.agent);
    const first = (await visitor.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson;
    expect(first).toMatchObject({
      purpose: 'AIの使い方を持ち寄って学び合う',
      rules: '否定しない。機密情報は書かない。',
      needsRulesAck: true,
      needsCodeOfConductAck: true,
      membership: null,
    });
    expect(first.abilities).toMatchObject({ join: true, post: false, manage: false });
    const acked = (await visitor.agent.post(`/api/communities/${c.id}/acknowledge`)).json() as CommunityJson;
    expect(acked.needsRulesAck).toBe(false);
    await owner.agent.patch(`/api/communities/${c.id}`, { rules: '新しいルール' });
    const again = (await visitor.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson;
    expect(again).toMatchObject({ needsRulesAck: true, rules: '新しいルール', rulesVersion: 2 });
  });

  it('asks for membership, then the code of conduct, then the rules before the first post', async () => {
    const owner = await person();
    const me = await person();
    const c = await makeCommunity(owner.agent);
    const attempt = () => me.agent.post(`/api/communities/${c.id}/posts`, { body: 'はじめまして' });
    expect(err(await attempt())).toMatchObject({ code: 'community.membership_required' });
    await me.agent.post(`/api/communities/${c.id}/join`);
    const coc = await attempt();
    expect(coc.status).toBe(403);
    expect(err(coc).code).toBe('community.code_of_conduct_ack_required');
    expect(((await me.agent.get('/api/me/code-of-conduct')).json() as { needsAck: boolean }).needsAck).toBe(
      true,
    );
    const acked = (await me.agent.post('/api/me/code-of-conduct/acknowledge')).json() as {
      needsAck: boolean;
    };
    expect(acked.needsAck).toBe(false);
    expect(err(await attempt()).code).toBe('community.rules_ack_required');
    await me.agent.post(`/api/communities/${c.id}/acknowledge`);
    expect((await attempt()).status).toBe(201);
  });

  it('has the code of conduct in Japanese and English', () => {
    for (const key of ['title', 'intro', ...CODE_OF_CONDUCT_ITEMS]) {
      expect(translate('ja', `community.codeOfConduct.${key}`)).not.toBe(`community.codeOfConduct.${key}`);
      expect(translate('en', `community.codeOfConduct.${key}`)).toMatch(/[a-z]/);
    }
  });

  it('lets people join and leave an open community, but not the last organizer leave', async () => {
    const owner = await person();
    const me = await person();
    const c = await makeCommunity(owner.agent);
    const joined = (await me.agent.post(`/api/communities/${c.id}/join`)).json() as CommunityJson;
    expect(joined).toMatchObject({ membership: 'member', memberCount: 2 });
    expect((await me.agent.post(`/api/communities/${c.id}/join`)).status).toBe(200); // idempotent
    const left = (await me.agent.post(`/api/communities/${c.id}/leave`)).json() as CommunityJson;
    expect(left).toMatchObject({ membership: null, memberCount: 1 });
    expect((await me.agent.post(`/api/communities/${c.id}/leave`)).status).toBe(403);
    const last = await owner.agent.post(`/api/communities/${c.id}/leave`);
    expect(last.status).toBe(409);
    expect(err(last).code).toBe('community.last_organizer');
  });

  it('lets organizers add members and organizers to a private community; others cannot', async () => {
    const owner = await person();
    const friend = await person();
    const other = await person();
    const c = await makeCommunity(owner.agent, { visibility: 'private' });
    expect((await friend.agent.get(`/api/communities/${c.id}`)).status).toBe(404);
    expect((await owner.agent.post(`/api/communities/${c.id}/members`, { userId: friend.id })).status).toBe(
      200,
    );
    expect(((await friend.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson).membership).toBe(
      'member',
    );
    // A member is not an organizer: 403 (they can see the community); an outsider: 404.
    expect((await friend.agent.post(`/api/communities/${c.id}/members`, { userId: other.id })).status).toBe(
      403,
    );
    expect((await other.agent.post(`/api/communities/${c.id}/members`, { userId: other.id })).status).toBe(
      404,
    );
    expect((await owner.agent.post(`/api/communities/${c.id}/members`, { userId: 'nobody' })).status).toBe(
      400,
    );
    // Organizers add organizers; the new one can manage, and then the first may step down.
    expect(
      (await owner.agent.post(`/api/communities/${c.id}/organizers`, { userId: friend.id })).status,
    ).toBe(200);
    expect((await friend.agent.delete(`/api/communities/${c.id}/organizers/${owner.id}`)).status).toBe(200);
    expect(((await owner.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson).membership).toBe(
      'member',
    );
    const lastOne = await friend.agent.delete(`/api/communities/${c.id}/organizers/${friend.id}`);
    expect(err(lastOne).code).toBe('community.last_organizer');
    // Removing a member takes the private community out of their sight.
    expect((await friend.agent.delete(`/api/communities/${c.id}/members/${owner.id}`)).status).toBe(200);
    expect((await owner.agent.get(`/api/communities/${c.id}`)).status).toBe(404);
    const members = (await friend.agent.get(`/api/communities/${c.id}/members`)).json() as {
      items: Array<{ id: string; role: string }>;
    };
    expect(members.items).toEqual([expect.objectContaining({ id: friend.id, role: 'organizer' })]);
    expect((await friend.agent.delete(`/api/communities/${c.id}/members/${other.id}`)).status).toBe(404);
  });

  it('lets organizers change the community; a private switch needs a reason', async () => {
    const owner = await person();
    const member = await person();
    const c = await makeCommunity(owner.agent);
    await member.agent.post(`/api/communities/${c.id}/join`);
    expect((await member.agent.patch(`/api/communities/${c.id}`, { purpose: '乗っ取り' })).status).toBe(403);
    const noReason = await owner.agent.patch(`/api/communities/${c.id}`, { visibility: 'private' });
    expect(err(noReason).code).toBe('community.private_reason_required');
    const ok = await owner.agent.patch(`/api/communities/${c.id}`, {
      visibility: 'private',
      privateReason: '顧客名を扱うため',
      topics: ['営業'],
    });
    expect(ok.json()).toMatchObject({
      visibility: 'private',
      privateReason: '顧客名を扱うため',
      topics: ['営業'],
    });
    const reopened = (await owner.agent.patch(`/api/communities/${c.id}`, { visibility: 'open' })).json();
    expect(reopened).toMatchObject({ visibility: 'open', privateReason: null });
  });

  it('moves the reader’s own unread position', async () => {
    const owner = await person();
    const c = await makeCommunity(owner.agent);
    await readyToPost(owner.agent, c.id);
    const reader = await person();
    await reader.agent.post(`/api/communities/${c.id}/join`);
    const p1 = await makePost(owner.agent, c.id, { body: '一つ目' });
    const unread = async () =>
      (
        (await reader.agent.get(`/api/communities/${c.id}/posts`)).json() as {
          items: Array<{ id: string; unread: boolean }>;
        }
      ).items.map((i) => [i.id, i.unread]);
    expect(await unread()).toEqual([[p1.id, true]]);
    expect((await reader.agent.post(`/api/communities/${c.id}/read`, {})).status).toBe(200);
    expect(await unread()).toEqual([[p1.id, false]]);
    const p2 = await makePost(owner.agent, c.id, { body: '二つ目' });
    expect(await unread()).toEqual([
      [p2.id, true],
      [p1.id, false],
    ]);
    // Marking an older post never moves the position backwards.
    await reader.agent.post(`/api/communities/${c.id}/read`, { postId: p2.id });
    await reader.agent.post(`/api/communities/${c.id}/read`, { postId: p1.id });
    expect(await unread()).toEqual([
      [p2.id, false],
      [p1.id, false],
    ]);
    expect((await reader.agent.post(`/api/communities/${c.id}/read`, { postId: 'x' })).status).toBe(404);
  });
});
