import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestApp,
  createUser,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { insertCommunity, insertComment, insertPost } from '../../test/community-rows.ts';
import { runInTransaction } from '../../platform/realtime/index.ts';
import { listen, TestSocket } from '../../platform/realtime/test-client.ts';
import { runCommand } from '../community/events.ts';
import { nowIso } from '../../db/index.ts';
import { expandNotificationBatch, notify, pushDueNotifications, type NotifyInput } from './notify.ts';

interface Item {
  id: string;
  kind: string;
  title: string;
  count: number;
  read: boolean;
  urgent: boolean;
  link: string;
  actor: { id: string; name: string | null } | null;
}
interface ListBody {
  items: Item[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Monday 2026-11-23 10:00 in Tokyo (01:00Z): inside Tokyo working hours, Sunday 17:00 in Los Angeles. */
const TOKYO_MORNING = new Date('2026-11-23T01:00:00.000Z');

describe('notifications', () => {
  let t: TestApp;
  let author: { id: string; agent: Agent };
  const actors: string[] = [];

  async function person() {
    const u = await createUser(t);
    return { id: u.id, agent: await sessionFor(t, u.id) };
  }

  async function send(input: Partial<NotifyInput> & { userIds: string[] }, now = TOKYO_MORNING) {
    await runInTransaction(t.deps, (ctx) =>
      notify(
        ctx,
        {
          kind: 'comment',
          threadKey: 'post:p1',
          actorId: actors[0]!,
          subject: '評価面談の準備',
          context: '人事の広場',
          link: '/community/c1/posts/p1',
          ...input,
        },
        now,
      ),
    );
  }

  async function list(agent: Agent, query = ''): Promise<ListBody> {
    const res = await agent.get(`/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.json() as ListBody;
  }

  async function pushedEvents(userId: string) {
    const rows = await t.deps.db
      .selectFrom('realtime_events')
      .select(['type', 'payload'])
      .where('stream', '=', `user:${userId}`)
      .where('type', '=', 'notification')
      .orderBy('seq')
      .execute();
    return rows.map((r) => JSON.parse(r.payload) as { notificationId: string });
  }

  beforeAll(async () => {
    t = await createTestApp({ BACKGROUND_JOBS: 'false' });
    author = await person();
    for (let i = 0; i < 3; i++) actors.push((await createUser(t, { name: `コメント 花子${i}` })).id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('groups one thread: three comments on a post are one notification "3 new comments"', async () => {
    for (const actorId of actors) await send({ userIds: [author.id], actorId });
    const ja = await list(author.agent);
    expect(ja.unreadCount).toBe(1);
    expect(ja.items).toHaveLength(1);
    expect(ja.items[0]).toMatchObject({
      kind: 'comment',
      count: 3,
      read: false,
      title: 'あなたの投稿「評価面談の準備」に3件の新しいコメントがあります',
      actor: { id: actors[2], name: 'コメント 花子2' },
    });
    expect((await author.agent.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const en = await list(author.agent);
    expect(en.items[0]!.title).toBe('3 new comments on your post “評価面談の準備”');
    await author.agent.patch('/api/me', { locale: 'ja' });
    // The author's own comment notifies nobody.
    await send({ userIds: [author.id], actorId: author.id, threadKey: 'post:self' });
    expect((await list(author.agent)).items).toHaveLength(1);
  });

  it('marks read; a later comment starts a new notification; read-all clears the count', async () => {
    const before = await list(author.agent);
    const id = before.items[0]!.id;
    const res = await author.agent.post(`/api/notifications/${id}/read`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ unreadCount: 0 });
    await send({ userIds: [author.id], actorId: actors[1]! });
    const after = await list(author.agent);
    expect(after.unreadCount).toBe(1);
    expect(after.items.map((i) => [i.count, i.read])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(after.items[0]!.title).toBe(
      'コメント 花子1さんがあなたの投稿「評価面談の準備」にコメントしました',
    );
    expect((await list(author.agent, '?unreadOnly=true')).items).toHaveLength(1);
    expect((await author.agent.get('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 1 });
    expect((await author.agent.post('/api/notifications/read-all')).json()).toEqual({ unreadCount: 0 });
    expect((await list(author.agent)).unreadCount).toBe(0);
  });

  it("nobody else can read or mark someone's notifications", async () => {
    const other = await person();
    const mine = (await list(author.agent)).items[0]!;
    expect((await list(other.agent)).items).toEqual([]);
    const res = await other.agent.post(`/api/notifications/${mine.id}/read`);
    expect(res.status).toBe(404);
    const anon = await anonymous(t);
    expect((await anon.get('/api/notifications')).status).toBe(401);
    expect((await anon.post(`/api/notifications/${mine.id}/read`)).status).toBe(401);
    expect(
      (await other.agent.request('POST', '/api/notifications/read-all', {}, { 'x-csrf-token': 'forged' }))
        .status,
    ).toBe(403);
  });

  it('pages newest first with an opaque cursor', async () => {
    const reader = await person();
    for (let i = 0; i < 5; i++) {
      await send(
        { userIds: [reader.id], threadKey: `post:page${i}`, subject: `投稿${i}` },
        new Date(TOKYO_MORNING.getTime() + i * 1000),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ListBody = await list(reader.agent, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => expect.stringContaining(`「投稿${i}」`)));
    const bad = await reader.agent.get('/api/notifications?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('notifications.invalid_cursor');
  });

  it('waits for the recipient’s working hours before pushing live; urgent announcements do not wait', async () => {
    const laUser = await person();
    expect(
      (
        await laUser.agent.patch('/api/me', {
          timeZone: 'America/Los_Angeles',
          workStart: '09:00',
          workEnd: '17:00',
        })
      ).status,
    ).toBe(200);
    // Sunday 17:00 in Los Angeles: stored and listed, but not pushed.
    await send({ userIds: [laUser.id], threadKey: 'post:la' });
    expect((await list(laUser.agent)).items).toHaveLength(1);
    expect(await pushedEvents(laUser.id)).toEqual([]);
    expect(await pushDueNotifications(t.deps, TOKYO_MORNING)).toBe(0);
    // Monday 08:59 PST: still waiting. 09:00 PST (17:00Z): pushed once.
    expect(await pushDueNotifications(t.deps, new Date('2026-11-23T16:59:00.000Z'))).toBe(0);
    expect(await pushDueNotifications(t.deps, new Date('2026-11-23T17:00:00.000Z'))).toBe(1);
    expect(await pushDueNotifications(t.deps, new Date('2026-11-23T17:01:00.000Z'))).toBe(0);
    const pushed = await pushedEvents(laUser.id);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.notificationId).toBe((await list(laUser.agent)).items[0]!.id);

    // An organizer's urgent announcement reaches the LA user at once, night or not.
    await send({
      userIds: [laUser.id],
      kind: 'announcement',
      threadKey: 'announcement:u1',
      urgent: true,
      subject: '避難訓練',
    });
    expect(await pushedEvents(laUser.id)).toHaveLength(2);
    const urgent = (await list(laUser.agent)).items.find((i) => i.kind === 'announcement')!;
    expect(urgent).toMatchObject({ urgent: true, title: '人事の広場のお知らせ:「避難訓練」' });
  });

  it('pushes live to every open tab of the recipient', async () => {
    const reader = await person();
    const port = await listen(t.app);
    const cookie = `engawa_session=${reader.agent.cookies.engawa_session}`;
    const tabs = [await TestSocket.open(port, { cookie }), await TestSocket.open(port, { cookie })];
    for (const tab of tabs) {
      tab.subscribe([{ stream: `user:${reader.id}` }]);
      await tab.until(() => !!tab.frame((f) => f.type === 'subscribed'));
    }
    await send({ userIds: [reader.id], threadKey: 'post:live' });
    const id = (await list(reader.agent)).items[0]!.id;
    for (const tab of tabs) {
      await tab.until(() => !!tab.frame((f) => f.event === 'notification'), 5000, 'push');
      expect(tab.frame((f) => f.event === 'notification')!.payload).toEqual({
        notificationId: id,
        kind: 'comment',
      });
    }
    // Reading it in one tab updates the badge in the others.
    await reader.agent.post(`/api/notifications/${id}/read`);
    for (const tab of tabs) {
      await tab.until(() => !!tab.frame((f) => f.event === 'notification.read'), 5000, 'read event');
      expect(tab.frame((f) => f.event === 'notification.read')!.payload).toEqual({ unreadCount: 0 });
      tab.close();
    }
  });

  it('expands a long recipient list after commit, in chunks, without losing anyone', async () => {
    const many: string[] = [];
    for (let i = 0; i < 230; i++) many.push((await createUser(t)).id);
    await send({
      userIds: many,
      kind: 'announcement',
      threadKey: 'announcement:all',
      subject: '全社研修のお知らせ',
    });
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('thread_key', '=', 'announcement:all')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(0);
    expect(await expandNotificationBatch(t.deps, TOKYO_MORNING)).toBe(true);
    expect(await count()).toBe(200);
    expect(await expandNotificationBatch(t.deps, TOKYO_MORNING)).toBe(true);
    expect(await count()).toBe(230);
    expect(await expandNotificationBatch(t.deps, TOKYO_MORNING)).toBe(false);
  });

  it('turns community events into notifications: comments on my post, replies, mentions; deleting the post retracts them', async () => {
    const [commenter, replier, mentioned] = [await person(), await person(), await person()];
    const community = await insertCommunity(t, { name: '研修の部屋' });
    const post = await insertPost(t, {
      communityId: community.id,
      authorId: author.id,
      title: '新人研修の振り返り',
    });
    const parent = await insertComment(t, { postId: post.id, authorId: commenter.id });
    const base = { communityId: community.id, visibility: 'open' as const, at: nowIso() };
    await runCommand(t.deps, async (_tx, emit) => {
      emit({
        ...base,
        actorId: commenter.id,
        type: 'comment.created',
        postId: post.id,
        commentId: parent.id,
        parentId: null,
      });
      emit({
        ...base,
        actorId: replier.id,
        type: 'comment.created',
        postId: post.id,
        commentId: 'r1',
        parentId: parent.id,
      });
      emit({
        ...base,
        actorId: replier.id,
        type: 'mention',
        postId: post.id,
        commentId: 'r1',
        recipientIds: [mentioned.id],
      });
    });
    const authorItems = (await list(author.agent)).items.filter((i) => i.link.includes(post.id));
    expect(authorItems.map((i) => [i.kind, i.count])).toEqual([['comment', 2]]);
    expect(authorItems[0]!.title).toBe('あなたの投稿「新人研修の振り返り」に2件の新しいコメントがあります');
    expect((await list(commenter.agent)).items.map((i) => i.title)).toEqual([
      expect.stringMatching(/さんが「新人研修の振り返り」であなたのコメントに返信しました$/),
    ]);
    const m = (await list(mentioned.agent)).items;
    expect(m.map((i) => [i.kind, i.link])).toEqual([
      ['mention', `/community/${community.id}/posts/${post.id}#comment-r1`],
    ]);

    await runCommand(t.deps, async (_tx, emit) => {
      emit({ ...base, actorId: author.id, type: 'post.deleted', postId: post.id });
    });
    expect((await list(mentioned.agent)).items).toEqual([]);
    expect((await list(commenter.agent)).items).toEqual([]);
  });

  it('tells the author when someone reacts to their post (grouped), never when a reaction is taken back', async () => {
    const [fan1, fan2] = [await person(), await person()];
    const community = await insertCommunity(t, { name: 'リアクションの部屋' });
    const post = await insertPost(t, { communityId: community.id, authorId: author.id, title: '評価の話' });
    const mine = () => list(author.agent).then((l) => l.items.filter((i) => i.link.includes(post.id)));

    expect((await fan1.agent.put(`/api/posts/${post.id}/reactions/thumbsup`)).status).toBe(200);
    expect(await mine()).toMatchObject([
      {
        kind: 'reaction',
        count: 1,
        title: expect.stringMatching(/さんが「評価の話」にリアクションしました$/),
      },
    ]);
    expect((await fan2.agent.put(`/api/posts/${post.id}/reactions/heart`)).status).toBe(200);
    expect((await mine()).map((i) => [i.kind, i.count, i.title])).toEqual([
      ['reaction', 2, '「評価の話」に2件の新しいリアクションがあります'],
    ]);
    // Taking a reaction back, or reacting to one's own post, tells nobody.
    expect((await fan2.agent.delete(`/api/posts/${post.id}/reactions/heart`)).status).toBe(200);
    expect((await author.agent.put(`/api/posts/${post.id}/reactions/heart`)).status).toBe(200);
    expect((await mine()).map((i) => i.count)).toEqual([2]);
    // The reactor hears nothing about their own reaction.
    expect((await list(fan1.agent)).items.filter((i) => i.link.includes(post.id))).toEqual([]);
  });

  it('in a private community, only current members hear about comments', async () => {
    const [member, formerMember] = [await person(), await person()];
    const community = await insertCommunity(t, { visibility: 'private', members: [{ userId: member.id }] });
    const post = await insertPost(t, {
      communityId: community.id,
      authorId: formerMember.id,
      title: '非公開の相談',
    });
    await runCommand(t.deps, async (_tx, emit) => {
      emit({
        communityId: community.id,
        visibility: 'private',
        at: nowIso(),
        actorId: member.id,
        type: 'comment.created',
        postId: post.id,
        commentId: 'x1',
        parentId: null,
      });
    });
    expect((await list(formerMember.agent)).items).toEqual([]);
  });
});
