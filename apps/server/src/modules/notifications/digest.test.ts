import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { insertCommunity, insertPost } from '../../test/community-rows.ts';
import { startSmtpInbox, type ReceivedMail } from '../../test/smtp-inbox.ts';
import { runInTransaction } from '../../platform/realtime/index.ts';
import { runCommand } from '../community/events.ts';
import { nowIso } from '../../db/index.ts';
import { notify, type NotifyInput } from './notify.ts';
import { sendMail } from './digest.ts';

/** Tuesday 2026-11-24 is a working day everywhere below. Monday 21:00 JST / 04:00 PST: nobody works. */
const NIGHT = new Date('2026-11-23T12:00:00.000Z');

describe('e-mail digest over SMTP (received by a real SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let inbox: ReceivedMail[];
  let ja: { id: string; email: string; agent: Agent };
  let en: { id: string; email: string; agent: Agent };
  let actor: string;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.inbox;
    t = await createTestApp({
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Engawa <noreply@engawa.test>',
      PUBLIC_URL: 'https://engawa.example.com',
      BACKGROUND_JOBS: 'false',
    });
    const a = await createUser(t, { name: '山田 花子' });
    const b = await createUser(t, { name: 'Alex Kim' });
    ja = { ...a, agent: await sessionFor(t, a.id) };
    en = { ...b, agent: await sessionFor(t, b.id) };
    expect(
      (
        await en.agent.patch('/api/me', {
          locale: 'en',
          timeZone: 'America/Los_Angeles',
          workStart: '09:00',
          workEnd: '17:00',
        })
      ).status,
    ).toBe(200);
    actor = (await createUser(t, { name: '佐藤 一郎' })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function send(input: Partial<NotifyInput> & { userIds: string[] }, now = NIGHT) {
    await runInTransaction(t.deps, (ctx) =>
      notify(
        ctx,
        {
          kind: 'comment',
          threadKey: 'post:p1',
          actorId: actor,
          subject: '新人研修の振り返り',
          context: '研修の部屋',
          link: '/community/c1/posts/p1',
          ...input,
        },
        now,
      ),
    );
  }

  it('sends each person one digest at the start of their own working window, in their language', async () => {
    await send({ userIds: [ja.id] });
    await send({ userIds: [ja.id] });
    await send({
      userIds: [ja.id],
      kind: 'mention',
      threadKey: 'post:p2',
      subject: '<script>alert(1)</script> & 評価',
    });
    await send({
      userIds: [en.id],
      kind: 'announcement',
      threadKey: 'announcement:a1',
      subject: '全社ミーティング',
    });

    expect(await sendMail(t.deps, NIGHT)).toEqual({ urgent: 0, digests: 0 });
    expect(inbox).toHaveLength(0);

    // Monday 09:05 in Los Angeles (17:05Z): the English digest; Tokyo is still asleep (02:05 JST Tuesday).
    expect(await sendMail(t.deps, new Date('2026-11-23T17:05:00.000Z'))).toEqual({ urgent: 0, digests: 1 });
    expect(inbox).toHaveLength(1);
    const enMail = inbox[0]!;
    expect(enMail.to).toEqual([en.email]);
    expect(enMail.subject).toBe('[Engawa] You have 1 unread notifications');
    expect(enMail.text).toContain('Hello Alex Kim,');
    expect(enMail.text).toContain('- Announcement in 研修の部屋: “全社ミーティング”');
    expect(enMail.text).toContain('https://engawa.example.com/community/c1/posts/p1');
    expect(enMail.html).toContain('<a href="https://engawa.example.com/community/c1/posts/p1">');
    // Once per window.
    expect(await sendMail(t.deps, new Date('2026-11-23T17:30:00.000Z'))).toEqual({ urgent: 0, digests: 0 });

    // Tuesday 09:10 in Tokyo (00:10Z): the Japanese digest with the grouped comments.
    expect(await sendMail(t.deps, new Date('2026-11-24T00:10:00.000Z'))).toEqual({ urgent: 0, digests: 1 });
    const jaMail = inbox[1]!;
    expect(jaMail.to).toEqual([ja.email]);
    expect(jaMail.subject).toBe('【Engawa】未読の通知が2件あります');
    expect(jaMail.text).toContain('山田 花子さん');
    expect(jaMail.text).toContain('- あなたの投稿「新人研修の振り返り」に2件の新しいコメントがあります');
    expect(jaMail.text).toContain(
      '佐藤 一郎さんが「<script>alert(1)</script> & 評価」であなたをメンションしました',
    );
    // The HTML part escapes what people typed.
    expect(jaMail.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; 評価');
    expect(jaMail.html).not.toContain('<script>');
    expect(inbox).toHaveLength(2);
  });

  it('mails what arrives mid-window with the next morning’s digest; read notifications are never mailed', async () => {
    inbox.length = 0;
    // Tuesday 12:00 JST: inside working hours (in-app now), mailed tomorrow morning.
    const noon = new Date('2026-11-24T03:00:00.000Z');
    await send({ userIds: [ja.id], threadKey: 'post:noon', subject: '昼の投稿' }, noon);
    await send({ userIds: [ja.id], threadKey: 'post:read', subject: '読んだ投稿' }, noon);
    expect(await sendMail(t.deps, new Date('2026-11-24T03:05:00.000Z'))).toEqual({ urgent: 0, digests: 0 });
    const items = (await ja.agent.get('/api/notifications')).json() as {
      items: Array<{ id: string; title: string }>;
    };
    const read = items.items.find((i) => i.title.includes('読んだ投稿'))!;
    await ja.agent.post(`/api/notifications/${read.id}/read`);
    expect(await sendMail(t.deps, new Date('2026-11-25T00:01:00.000Z'))).toEqual({ urgent: 0, digests: 1 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.text).toContain('昼の投稿');
    expect(inbox[0]!.text).not.toContain('読んだ投稿');
    expect(inbox[0]!.subject).toBe('【Engawa】未読の通知が1件あります');
  });

  it('mails an urgent announcement at once, at night too', async () => {
    inbox.length = 0;
    await send({
      userIds: [ja.id],
      kind: 'announcement',
      threadKey: 'announcement:fire',
      subject: '避難訓練は中止です',
      urgent: true,
    });
    expect(await sendMail(t.deps, NIGHT)).toEqual({ urgent: 1, digests: 0 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.subject).toBe('【Engawa・重要】研修の部屋のお知らせ:「避難訓練は中止です」');
    expect(await sendMail(t.deps, NIGHT)).toEqual({ urgent: 0, digests: 0 });
  });

  it('never puts post bodies in a mail: only names, titles, places and links', async () => {
    inbox.length = 0;
    const community = await insertCommunity(t, { name: '転職の相談室' });
    const canary = 'CANARY-本文-7f3a9';
    const post = await insertPost(t, {
      communityId: community.id,
      authorId: ja.id,
      title: '面談で話すこと',
      body: canary,
    });
    await runCommand(t.deps, async (_tx, emit) => {
      emit({
        communityId: community.id,
        visibility: 'open',
        actorId: actor,
        at: nowIso(),
        type: 'comment.created',
        postId: post.id,
        commentId: 'k1',
        parentId: null,
      });
    });
    // The comment arrived at real "now"; the next Tokyo window start after it gets the digest.
    const deadline = Date.now() + 8 * 24 * 3600_000;
    let when = Date.now();
    while (inbox.length === 0 && when < deadline) {
      when += 30 * 60_000;
      await sendMail(t.deps, new Date(when));
    }
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.text).toContain('面談で話すこと');
    expect(inbox[0]!.raw).not.toContain(canary);
    expect(inbox[0]!.text).not.toContain(canary);
    expect(inbox[0]!.html).not.toContain(canary);
  });
});
