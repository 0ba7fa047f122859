import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANION_LIMITS } from '@engawa/shared';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { chat, dumpDatabase, keptConversation, privateNote } from './testing.ts';
import { runCompanionRetention } from './retention.ts';
import { MONTHLY_PURPOSE, addMonths, monthOf, recordMonthlyUse } from './usage.ts';
import type { Actor } from '../../platform/actor.ts';

let t: TestApp;
let owner: Agent;
let hr: Agent;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', K_THRESHOLD: '5' });
  owner = await sessionFor(t, (await createUser(t)).id);
  hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
});
afterAll(async () => t.close());

const DAY = 86_400_000;

describe('kept conversations', () => {
  it('lists newest first, searches by decrypting the owner’s own, renames, changes retention, deletes', async () => {
    const first = await keptConversation(owner, '一つ目: 評価面談が不安です', '30');
    const second = await keptConversation(owner, '二つ目: 新しいプロジェクトに挑戦したい', '365');
    const list = (await owner.get('/api/companion/conversations')).json() as { items: Array<{ id: string }> };
    expect(list.items.slice(0, 2).map((i) => i.id)).toEqual([second, first]);

    const found = (
      await owner.get(`/api/companion/conversations?q=${encodeURIComponent('評価面談')}`)
    ).json() as {
      items: Array<{ id: string; snippet: string }>;
    };
    expect(found.items.map((i) => i.id)).toEqual([first]);
    expect(found.items[0]!.snippet).toContain('評価面談');
    // Width-insensitive: half-width katakana finds full-width text.
    await keptConversation(owner, 'プロジェクトの話', '30');
    const kana = (
      await owner.get(`/api/companion/conversations?q=${encodeURIComponent('ﾌﾟﾛｼﾞｪｸﾄ')}`)
    ).json() as {
      items: unknown[];
    };
    expect(kana.items.length).toBe(2);

    const patched = await owner.patch(`/api/companion/conversations/${first}`, {
      title: '面談の準備',
      retention: 'forever',
    });
    expect(patched.status).toBe(200);
    expect(patched.json()).toMatchObject({ title: '面談の準備', retention: 'forever', expiresAt: null });
    expect((await owner.patch(`/api/companion/conversations/${first}`, {})).status).toBe(400);
    expect(
      (await owner.patch(`/api/companion/conversations/${first}`, { retention: 'ephemeral' })).status,
    ).toBe(400);

    expect((await owner.delete(`/api/companion/conversations/${first}`)).status).toBe(204);
    expect((await owner.get(`/api/companion/conversations/${first}`)).status).toBe(404);
    expect((await owner.delete(`/api/companion/conversations/${first}`)).status).toBe(404);
  });

  it('exports as a Markdown or JSON attachment', async () => {
    const id = await keptConversation(owner, 'Willは海外の仕事に挑戦すること');
    await chat(owner, { conversationId: id, message: 'Canは英語の資料作成' });
    const md = await owner.get(`/api/companion/conversations/${id}/export?format=md`);
    expect(md.status).toBe(200);
    expect(String(md.headers['content-type'])).toContain('text/markdown');
    expect(String(md.headers['content-disposition'])).toMatch(
      /^attachment; filename="engawa-companion-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    expect(md.body).toContain('# キャリア相談の記録');
    expect(md.body).toContain('Willは海外の仕事に挑戦すること');
    expect(md.body).toContain('### あなた');
    const json = await owner.get(`/api/companion/conversations/${id}/export?format=json`);
    expect(String(json.headers['content-disposition'])).toContain('.json"');
    const parsed = JSON.parse(json.body) as { format: string; messages: Array<{ content: string }> };
    expect(parsed.format).toBe('engawa.companion.conversation.v1');
    expect(parsed.messages[2]!.content).toBe('Canは英語の資料作成');
    expect((await owner.get(`/api/companion/conversations/${id}/export?format=pdf`)).status).toBe(400);
  });

  it('summarises Will / Can / Must in the user’s own words and saves it to private notes', async () => {
    const id = await keptConversation(owner, '人の成長を支える仕事がしたい');
    await chat(owner, { conversationId: id, message: '新人研修の企画と運営ができる' });
    await chat(owner, { conversationId: id, message: 'チームの売上目標の達成を求められている' });
    const res = await owner.post(`/api/companion/conversations/${id}/summary`);
    expect(res.status).toBe(201);
    const summary = res.json() as { markdown: string };
    expect(summary.markdown).toContain('| Will（やりたいこと） | 人の成長を支える仕事がしたい |');
    expect(summary.markdown).toContain('| Can（できること） | 新人研修の企画と運営ができる |');
    expect(summary.markdown).toContain(
      '| Must（求められていること） | チームの売上目標の達成を求められている |',
    );
    const note = await owner.post('/api/companion/notes', { body: summary.markdown, conversationId: id });
    expect(note.status).toBe(201);
    expect(note.json()).toMatchObject({ title: 'キャリアの方向性（Will / Can / Must）', conversationId: id });
    const conv = (await owner.get(`/api/companion/conversations/${id}`)).json() as { summaries: unknown[] };
    expect(conv.summaries).toHaveLength(1);
  });

  it('drafts a 1on1 agenda from an ephemeral conversation without storing anything', async () => {
    const res = await owner.post('/api/companion/summary', {
      mode: 'oneonone',
      history: [
        { role: 'user', content: '来期の役割について' },
        { role: 'assistant', content: '…' },
        { role: 'user', content: 'チームが人手不足です' },
        { role: 'assistant', content: '…' },
        { role: 'user', content: '採用の優先度を相談したい' },
      ],
    });
    expect(res.status).toBe(200);
    const md = (res.json() as { markdown: string }).markdown;
    expect(md).toContain('## 1on1アジェンダ（下書き）');
    expect(md).toContain('1. **話したいテーマ**: 来期の役割について');
    expect(md).toContain('3. **相談・お願いしたいこと**: 採用の優先度を相談したい');
  });

  it('refuses to grow a conversation past its limit, keeping everything said so far', async () => {
    const id = await keptConversation(owner, '長い会話');
    // 100 turns (200 messages) fill it.
    for (let i = 1; i < COMPANION_LIMITS.conversationMaxMessages / 2; i++) {
      expect((await chat(owner, { conversationId: id, message: `メッセージ${i}` })).status).toBe(200);
    }
    const full = await chat(owner, { conversationId: id, message: 'もう一つ' });
    expect(full.status).toBe(409);
    expect((full.res.json() as { error: { code: string } }).error.code).toBe('companion.conversation_full');
    const conv = (await owner.get(`/api/companion/conversations/${id}`)).json() as { messages: unknown[] };
    expect(conv.messages.length).toBe(COMPANION_LIMITS.conversationMaxMessages);
  });
});

describe('private notes', () => {
  it('creates, lists, searches, edits and deletes; other people get 404', async () => {
    const other = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
    const id = await privateNote(owner, '# 来週やること\n上司に相談する');
    const note = (await owner.get(`/api/companion/notes/${id}`)).json() as { title: string };
    expect(note.title).toBe('来週やること');
    const list = (await owner.get('/api/companion/notes?q=上司')).json() as {
      items: Array<{ id: string; excerpt: string }>;
    };
    expect(list.items.map((i) => i.id)).toContain(id);
    const edited = await owner.patch(`/api/companion/notes/${id}`, { title: '宿題', body: '本を読む' });
    expect(edited.json()).toMatchObject({ title: '宿題', body: '本を読む' });
    for (const [method, body] of [['GET'], ['PATCH', { body: 'x' }], ['DELETE']] as const) {
      expect((await other.request(method, `/api/companion/notes/${id}`, body)).status).toBe(404);
    }
    expect((await other.get('/api/companion/notes')).json()).toEqual({ items: [] });
    expect((await owner.delete(`/api/companion/notes/${id}`)).status).toBe(204);
    expect((await owner.get(`/api/companion/notes/${id}`)).status).toBe(404);
  });

  it('refuses a link to a conversation that is not the owner’s', async () => {
    const stranger = await sessionFor(t, (await createUser(t)).id);
    const theirs = await keptConversation(stranger, '他の人の会話');
    expect((await owner.post('/api/companion/notes', { body: 'x', conversationId: theirs })).status).toBe(
      404,
    );
  });
});

describe('retention job', () => {
  it('deletes expired conversations and their summaries, keeps the rest, and treats expired ones as gone at once', async () => {
    const short = await keptConversation(owner, '30日で消える', '30');
    expect((await owner.post(`/api/companion/conversations/${short}/summary`)).status).toBe(201);
    const long = await keptConversation(owner, '1年残る', '365');
    const forever = await keptConversation(owner, 'ずっと残る', 'forever');

    expect((await runCompanionRetention(t.deps, new Date(Date.now() + 29 * DAY))).deletedConversations).toBe(
      0,
    );
    expect((await owner.get(`/api/companion/conversations/${short}`)).status).toBe(200);

    const later = new Date(Date.now() + 32 * DAY);
    const result = await runCompanionRetention(t.deps, later);
    expect(result.deletedConversations).toBeGreaterThanOrEqual(1);
    expect(
      await t.deps.db.selectFrom('companion_conversations').select('id').where('id', '=', short).execute(),
    ).toEqual([]);
    expect(
      await t.deps.db
        .selectFrom('companion_summaries')
        .select('id')
        .where('conversation_id', '=', short)
        .execute(),
    ).toEqual([]);
    for (const id of [long, forever])
      expect((await owner.get(`/api/companion/conversations/${id}`)).status).toBe(200);

    // Past expires_at but before the job ran: already gone for the owner too.
    await t.deps.db
      .updateTable('companion_conversations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', long)
      .execute();
    expect((await owner.get(`/api/companion/conversations/${long}`)).status).toBe(404);
    expect(
      (
        (await owner.get('/api/companion/conversations')).json() as { items: Array<{ id: string }> }
      ).items.map((i) => i.id),
    ).not.toContain(long);
  });

  it('is scheduled with the app’s jobs and runs with a given clock', async () => {
    expect(t.deps.jobs.names()).toContain('companion.retention');
    const id = await keptConversation(owner, 'ジョブで消える', '30');
    await t.deps.jobs.runNow('companion.retention', new Date(Date.now() + 40 * DAY));
    expect(
      await t.deps.db.selectFrom('companion_conversations').select('id').where('id', '=', id).execute(),
    ).toEqual([]);
  });

  it('counts expiry from the last message, rounded up to a whole day', async () => {
    const id = await keptConversation(owner, '期限の確認', '90');
    const row = await t.deps.db
      .selectFrom('companion_conversations')
      .select('expires_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const expires = Date.parse(row.expires_at!);
    expect(expires - Date.now()).toBeGreaterThan(90 * DAY);
    expect(expires - Date.now()).toBeLessThanOrEqual(91 * DAY);
    expect(row.expires_at).toMatch(/T00:00:00\.000Z$/);
  });
});

describe('usage insights (hr, company-wide, monthly, k-suppressed)', () => {
  const fakeActor = (userId: string): Actor => ({
    userId,
    sessionId: 's',
    name: 'n',
    roles: new Set(['employee']),
    departmentId: null,
    managedDepartmentIds: [],
    locale: 'ja',
  });

  it('counts distinct people per month, shows a month only at k or more, and then forgets who', async () => {
    const now = new Date();
    const twoAgo = addMonths(monthOf(now), -2);
    const threeAgo = addMonths(monthOf(now), -3);
    const inMonth = (month: string) => new Date(`${month}-15T03:00:00Z`);
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser(t)));
    for (const u of users) {
      await recordMonthlyUse(t.deps, fakeActor(u.id), inMonth(twoAgo));
      await recordMonthlyUse(t.deps, fakeActor(u.id), inMonth(twoAgo)); // same person twice: once
    }
    for (const u of users.slice(0, 4)) await recordMonthlyUse(t.deps, fakeActor(u.id), inMonth(threeAgo));
    expect(await t.deps.vault.secrets.names(MONTHLY_PURPOSE)).toEqual(
      expect.arrayContaining([twoAgo, threeAgo]),
    );

    // Nobody but hr.
    expect((await owner.get('/api/companion/insights')).status).toBe(403);
    const res = await hr.get('/api/companion/insights');
    expect(res.status).toBe(200);
    const body = res.json() as {
      kThreshold: number;
      months: Array<{ month: string; status: string; users: number | null; suppressed: boolean }>;
    };
    expect(body.kThreshold).toBe(5);
    expect(body.months).toHaveLength(13);
    expect(body.months.find((m) => m.month === twoAgo)).toEqual({
      month: twoAgo,
      status: 'closed',
      users: 6,
      suppressed: false,
    });
    expect(body.months.find((m) => m.month === threeAgo)).toEqual({
      month: threeAgo,
      status: 'closed',
      users: null,
      suppressed: true,
    });
    // The running month never shows a number (a moving count would reveal who just started).
    expect(body.months.at(-1)).toEqual({
      month: monthOf(now),
      status: 'open',
      users: null,
      suppressed: false,
    });
    for (const u of users) expect(res.body).not.toContain(u.id);

    // Closed months: only the count is left; the hashes and the month's secret are gone.
    const left = await t.deps.db.selectFrom('companion_monthly_users').select('month').execute();
    expect(left.every((r) => r.month === monthOf(now))).toBe(true);
    const secrets = await t.deps.vault.secrets.names(MONTHLY_PURPOSE);
    expect(secrets).not.toContain(twoAgo);
    expect(secrets).not.toContain(threeAgo);
  });

  it('the retention job closes finished months too', async () => {
    const month = monthOf(new Date());
    await recordMonthlyUse(t.deps, fakeActor((await createUser(t)).id), new Date());
    const result = await runCompanionRetention(t.deps, new Date(Date.now() + 40 * DAY));
    expect(result.closedMonths).toContain(month);
    expect(
      await t.deps.db
        .selectFrom('companion_monthly_users')
        .select('month')
        .where('month', '=', month)
        .execute(),
    ).toEqual([]);
  });

  it('k can never be configured below 5', async () => {
    await expect(createTestApp({ K_THRESHOLD: '3' })).rejects.toThrow(/K_THRESHOLD/);
  });
});

describe('crisis', () => {
  it('shows the company contacts at once, before the answer, and records nothing', async () => {
    const contacts = [{ name: '社内ほっとライン', description: '匿名で相談できます', phone: '0120-000-000' }];
    expect(
      (
        await hr.put('/api/companion/settings', {
          aiPolicyJa: null,
          aiPolicyEn: null,
          crisisContacts: contacts,
        })
      ).status,
    ).toBe(200);
    const person = await sessionFor(t, (await createUser(t)).id);
    await chat(person, { message: 'こんにちは' }); // this month's count already has them
    const before = await dumpDatabase(t);
    const logsBefore = t.logs.length;
    const secret = crypto.randomBytes(6).toString('hex');
    const r = await chat(person, { message: `上司からのパワハラがつらくて、もう消えたい ${secret}` });
    expect(r.status).toBe(200);
    expect(r.events[0]).toMatchObject({
      type: 'crisis',
      contacts: [
        expect.objectContaining({ name: '社内ほっとライン', phone: '0120-000-000', kind: 'company' }),
      ],
    });
    expect(r.events.findIndex((e) => e.type === 'crisis')).toBeLessThan(
      r.events.findIndex((e) => e.type === 'text'),
    );
    // Nothing was written: not a row, not a log line, not a metric.
    expect(await dumpDatabase(t)).toBe(before);
    expect(t.logs.slice(logsBefore)).toEqual([]);
    const metrics = await owner.get('/metrics');
    expect(metrics.body).not.toMatch(/crisis/i);
  });

  it('detects English too, and shows public contacts when the company has none', async () => {
    await hr.put('/api/companion/settings', { aiPolicyJa: null, aiPolicyEn: null, crisisContacts: [] });
    const person = await sessionFor(t, (await createUser(t)).id);
    const r = await chat(person, { message: "I'm so burned out I can't sleep anymore" });
    const crisis = r.events[0];
    expect(crisis?.type).toBe('crisis');
    if (crisis?.type !== 'crisis') return;
    expect(crisis.contacts).toEqual([]);
    expect(crisis.publicContacts.map((c) => c.url ?? c.phone)).toEqual([
      'https://kokoro.mhlw.go.jp/',
      'https://www.mhlw.go.jp/mamorouyokokoro/',
      '119',
    ]);
  });

  it('says nothing for ordinary messages', async () => {
    const r = await chat(owner, { message: '来期は新しいスキルを身につけたいです' });
    expect(r.events.some((e) => e.type === 'crisis')).toBe(false);
  });
});
