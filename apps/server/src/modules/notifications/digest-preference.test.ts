import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { startSmtpInbox, type ReceivedMail } from '../../test/smtp-inbox.ts';
import { runInTransaction } from '../../platform/realtime/index.ts';
import { migrateToLatest, migrator, nowIso } from '../../db/index.ts';
import { notify, type NotifyInput } from './notify.ts';
import { sendMail } from './digest.ts';

/*
 * 設定 → メールでのお知らせ: daily (default) / weekly / off, over a real SMTP server. The calendar:
 * Monday 2026-11-23, so Monday 2026-11-30 is the next weekly digest day.
 */
const MINUTE = 60_000;

interface Person {
  id: string;
  email: string;
  agent: Agent;
}

describe('e-mail digest preference (daily / weekly / off), received by a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let inbox: ReceivedMail[];
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
    actor = (await createUser(t, { name: '佐藤 一郎' })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function person(name: string, settings: Record<string, string> = {}): Promise<Person> {
    const u = await createUser(t, { name });
    const agent = await sessionFor(t, u.id);
    if (Object.keys(settings).length) {
      const res = await agent.patch('/api/me', settings);
      expect(res.status).toBe(200);
    }
    return { id: u.id, email: u.email, agent };
  }

  async function send(userIds: string[], now: Date, input: Partial<NotifyInput> = {}) {
    await runInTransaction(t.deps, (ctx) =>
      notify(
        ctx,
        {
          userIds,
          kind: 'comment',
          threadKey: `post:${now.toISOString()}`,
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

  /** Runs the mail job every 15 minutes from `from` to `to`; returns who got mail when. */
  async function sweep(
    from: string,
    to: string,
    events: Array<{ at: string; run: () => Promise<void> }> = [],
  ) {
    const sent: Array<{ at: string; mail: ReceivedMail }> = [];
    const pending = [...events];
    for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 15 * MINUTE) {
      while (pending.length && Date.parse(pending[0]!.at) <= ms) await pending.shift()!.run();
      const before = inbox.length;
      await sendMail(t.deps, new Date(ms));
      for (const mail of inbox.slice(before)) sent.push({ at: new Date(ms).toISOString(), mail });
    }
    return (p: Person) => sent.filter((s) => s.mail.to.includes(p.email));
  }

  it('saves the choice with the other settings, shows it back, and names the field when it is wrong', async () => {
    const p = await person('設定 確認');
    expect((await p.agent.get('/api/me')).json()).toMatchObject({ emailDigest: 'daily' });
    const ok = await p.agent.patch('/api/me', { emailDigest: 'weekly' });
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ emailDigest: 'weekly', workStart: '09:00', workEnd: '18:00' });
    expect((await p.agent.get('/api/auth/session')).json()).toMatchObject({
      user: { emailDigest: 'weekly' },
    });
    // Other settings saved later leave it alone.
    expect((await p.agent.patch('/api/me', { workStart: '10:00' })).json()).toMatchObject({
      emailDigest: 'weekly',
      workStart: '10:00',
    });
    const bad = await p.agent.patch('/api/me', { emailDigest: 'hourly' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'common.validation', fields: [{ field: 'emailDigest' }] },
    });
    expect((await p.agent.get('/api/me')).json()).toMatchObject({ emailDigest: 'weekly' });
  });

  it('daily: every working morning; weekly: Monday morning in the person’s own zone only; off: never', async () => {
    inbox.length = 0;
    const daily = await person('毎日 さん');
    const weekly = await person('毎週 さん', { emailDigest: 'weekly' });
    const weeklyLa = await person('Weekly Kim', {
      emailDigest: 'weekly',
      locale: 'en',
      timeZone: 'America/Los_Angeles',
      workStart: '09:00',
      workEnd: '17:00',
    });
    const off = await person('受信なし さん', { emailDigest: 'off' });
    const all = [daily.id, weekly.id, weeklyLa.id, off.id];

    const got = await sweep('2026-11-24T03:00:00.000Z', '2026-12-02T03:00:00.000Z', [
      // Tuesday 12:00 in Tokyo (Monday 19:00 in Los Angeles).
      { at: '2026-11-24T03:00:00.000Z', run: () => send(all, new Date('2026-11-24T03:00:00.000Z')) },
      // Thursday 12:00 in Tokyo.
      { at: '2026-11-26T03:00:00.000Z', run: () => send(all, new Date('2026-11-26T03:00:00.000Z')) },
    ]);

    // Daily, as before: the next morning after each (Wednesday and Friday 09:00 JST), one item each.
    expect(got(daily).map((s) => s.at)).toEqual(['2026-11-25T00:00:00.000Z', '2026-11-27T00:00:00.000Z']);
    expect(got(daily).map((s) => s.mail.subject)).toEqual([
      '【Engawa】未読の通知が1件あります',
      '【Engawa】未読の通知が1件あります',
    ]);
    // Weekly: nothing Wednesday to Friday nor at the weekend; Monday 09:00 JST, the whole week at once.
    expect(got(weekly).map((s) => s.at)).toEqual(['2026-11-30T00:00:00.000Z']);
    expect(got(weekly)[0]!.mail.subject).toBe('【Engawa】未読の通知が2件あります');
    // Los Angeles: Monday 09:00 PST, which is already Tuesday 02:00 in Tokyo.
    expect(got(weeklyLa).map((s) => s.at)).toEqual(['2026-11-30T17:00:00.000Z']);
    expect(got(weeklyLa)[0]!.mail.subject).toBe('[Engawa] You have 2 unread notifications');
    // Off: no mail at all, yet the notifications are all there in the app.
    expect(got(off)).toEqual([]);
    const offList = (await off.agent.get('/api/notifications')).json() as {
      items: unknown[];
      unreadCount: number;
    };
    expect(offList.unreadCount).toBe(2);
    expect(offList.items).toHaveLength(2);
    // Everybody else got exactly what is listed above.
    expect(inbox).toHaveLength(4);

    // The digest says where to change this.
    expect(got(daily)[0]!.mail.text).toContain(
      'メールの受け取り方を変える: https://engawa.example.com/settings',
    );
    expect(got(weeklyLa)[0]!.mail.html).toContain(
      '<a href="https://engawa.example.com/settings">Change how you get e-mail</a>',
    );
  });

  it('weekly: something arriving on Monday afternoon waits for the next Monday, not Tuesday', async () => {
    inbox.length = 0;
    const weekly = await person('月曜 さん', { emailDigest: 'weekly' });
    const got = await sweep('2026-11-30T05:00:00.000Z', '2026-12-08T05:00:00.000Z', [
      // Monday 2026-11-30 14:00 JST: after this week's digest went out.
      { at: '2026-11-30T05:00:00.000Z', run: () => send([weekly.id], new Date('2026-11-30T05:00:00.000Z')) },
    ]);
    expect(got(weekly).map((s) => s.at)).toEqual(['2026-12-07T00:00:00.000Z']);
  });

  it('urgent announcements: mailed at once to daily and weekly people, never to those who chose off', async () => {
    inbox.length = 0;
    const daily = await person('至急 毎日');
    const weekly = await person('至急 毎週', { emailDigest: 'weekly' });
    const off = await person('至急 なし', { emailDigest: 'off' });
    // Tuesday 01:00 JST: at night, as urgent mail may be.
    const night = new Date('2026-12-07T16:00:00.000Z');
    await send([daily.id, weekly.id, off.id], night, {
      kind: 'announcement',
      threadKey: 'announcement:fire',
      subject: '避難訓練は中止です',
      urgent: true,
    });
    expect(await sendMail(t.deps, night)).toEqual({ urgent: 2, digests: 0 });
    expect(inbox.map((m) => m.to[0]).sort()).toEqual([daily.email, weekly.email].sort());
    expect(
      inbox.every((m) => m.subject === '【Engawa・重要】研修の部屋のお知らせ:「避難訓練は中止です」'),
    ).toBe(true);
    // In the app it is there for everyone, marked urgent.
    const offList = (await off.agent.get('/api/notifications')).json() as {
      items: Array<{ urgent: boolean; title: string }>;
    };
    expect(offList.items).toEqual([expect.objectContaining({ urgent: true })]);

    // Turning e-mail back on later does not dig the old urgent one up; new things come as usual.
    expect((await off.agent.patch('/api/me', { emailDigest: 'daily' })).status).toBe(200);
    inbox.length = 0;
    const got = await sweep('2026-12-07T16:15:00.000Z', '2026-12-09T16:00:00.000Z', [
      {
        at: '2026-12-08T03:00:00.000Z',
        run: () => send([off.id], new Date('2026-12-08T03:00:00.000Z'), { subject: '再開後の投稿' }),
      },
    ]);
    expect(got(off).map((s) => s.at)).toEqual(['2026-12-09T00:00:00.000Z']);
    expect(got(off)[0]!.mail.text).toContain('再開後の投稿');
    expect(got(off)[0]!.mail.text).not.toContain('避難訓練は中止です');
    expect(got(off)[0]!.mail.subject).toBe('【Engawa】未読の通知が1件あります');
  });
});

describe('users.email_digest migration', () => {
  it('gives everyone who exists the daily digest (the behaviour so far) and rolls back', async () => {
    const m = await createTestApp();
    try {
      const columns = async () =>
        (await m.deps.db.introspection.getTables())
          .find((x) => x.name === 'users')!
          .columns.map((c) => c.name);
      expect(await columns()).toContain('email_digest');
      const { error } = await migrator(m.deps.db).migrateTo('20261128120000_user_name_search');
      expect(error).toBeUndefined();
      expect(await columns()).not.toContain('email_digest');
      const now = nowIso();
      await m.deps.db
        .insertInto('users')
        .values({
          id: 'pre-digest-user',
          email: 'pre-digest@example.test',
          name: '既存 さん',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await migrateToLatest(m.deps.db);
      const row = await m.deps.db
        .selectFrom('users')
        .select('email_digest')
        .where('id', '=', 'pre-digest-user')
        .executeTakeFirstOrThrow();
      expect(row.email_digest).toBe('daily');
    } finally {
      await m.close();
    }
  });
});
