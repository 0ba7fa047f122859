import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { pushDueNotifications } from '../notifications/notify.ts';
import { nextDeliveryTime, safeWorkingHours } from '../notifications/working-hours.ts';
import { addExperience, applyTo, insertOpportunity } from './testing.ts';

interface Notice {
  id: string;
  kind: string;
  title: string;
  count: number;
  link: string;
  actor: { id: string; name: string | null } | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', BACKGROUND_JOBS: 'false' });
});
afterAll(async () => t.close());

async function person(name: string): Promise<{ id: string; agent: Agent }> {
  const u = await createUser(t, { name });
  return { id: u.id, agent: await sessionFor(t, u.id) };
}

async function notices(agent: Agent): Promise<{ items: Notice[]; body: string }> {
  const res = await agent.get('/api/notifications');
  expect(res.status).toBe(200);
  return { items: (res.json() as { items: Notice[] }).items, body: res.body };
}

async function pushedTo(userId: string): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('realtime_events')
    .select('seq')
    .where('stream', '=', `user:${userId}`)
    .where('type', '=', 'notification')
    .execute();
  return rows.length;
}

/** A one-hour working window (UTC) that starts two hours from now: now is outside it. */
function hoursAwayFromNow() {
  const h = new Date().getUTCHours();
  const hh = (n: number) => `${String(n % 24).padStart(2, '0')}:00`;
  return { timeZone: 'UTC', workStart: hh(h + 2), workEnd: hh(h + 3) };
}

describe('the opportunity owner hears about a new application', () => {
  it('only that it arrived, with a link to the applications; held until their working hours', async () => {
    const owner = await person('担当 太郎');
    expect((await owner.agent.patch('/api/me', hoursAwayFromNow())).status).toBe(200);
    const title = `データ基盤の社内公募${Date.now()}`;
    const id = await insertOpportunity(t, { title, type: 'posting', ownerId: owner.id });

    const applicant = await person('応募 次郎');
    const canary = `非公開の経験カナリア${Date.now()}`;
    await addExperience(applicant.agent, { title: canary, learned: `${canary}の学び` });
    await applyTo(applicant.agent, id, ['experiences'], `${canary}のメッセージ`);

    const { items, body } = await notices(owner.agent);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'application',
      count: 1,
      title: `あなたが担当する「${title}」に新しい応募があります`,
      link: `/career/manage?applications=${id}`,
      actor: null,
    });
    // Nothing of the application: not the profile, not the message, not even who applied.
    for (const secret of [canary, '応募 次郎', applicant.id]) expect(body).not.toContain(secret);
    const row = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    for (const secret of [canary, applicant.id]) expect(JSON.stringify(row)).not.toContain(secret);
    // The applicant hears nothing.
    expect((await notices(applicant.agent)).items).toEqual([]);

    // Working hours, exactly as the notifications machinery computes them: not pushed now, pushed
    // when the owner's window opens.
    const ownerRow = await t.deps.db
      .selectFrom('users')
      .select(['time_zone', 'work_start', 'work_end'])
      .where('id', '=', owner.id)
      .executeTakeFirstOrThrow();
    const expected = nextDeliveryTime(new Date(row.created_at), safeWorkingHours(ownerRow));
    expect(row.deliver_at).toBe(expected.toISOString());
    expect(row.deliver_at > row.created_at).toBe(true);
    expect(await pushedTo(owner.id)).toBe(0);
    await pushDueNotifications(t.deps, new Date(expected.getTime() - 1000));
    expect(await pushedTo(owner.id)).toBe(0);
    await pushDueNotifications(t.deps, expected);
    expect(await pushedTo(owner.id)).toBe(1);

    // English, for an owner who reads in English.
    await owner.agent.patch('/api/me', { locale: 'en' });
    expect((await notices(owner.agent)).items[0]!.title).toBe(
      `A new application to “${title}”, which you run`,
    );
    await owner.agent.patch('/api/me', { locale: 'ja' });
  });

  it('folds further applications to the same opportunity into one unread notice', async () => {
    const owner = await person('担当 花子');
    const title = `ジョブシャドウイング${Date.now()}`;
    const id = await insertOpportunity(t, { title, type: 'shadowing', ownerId: owner.id });
    for (const name of ['応募 一', '応募 二', '応募 三']) await applyTo((await person(name)).agent, id, []);
    const { items } = await notices(owner.agent);
    expect(items.map((n) => [n.kind, n.count, n.title])).toEqual([
      ['application', 3, `あなたが担当する「${title}」に3件の新しい応募があります`],
    ]);
  });

  it('tells a disabled owner nothing; the application is stored all the same', async () => {
    const owner = await person('退職 三郎');
    const id = await insertOpportunity(t, { title: '担当者が無効な公募', ownerId: owner.id });
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', owner.id)
      .execute();
    await applyTo((await person('応募 五郎')).agent, id, []);
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', owner.id)
      .execute();
    expect(rows).toEqual([]);
    const stored = await t.deps.db
      .selectFrom('career_applications')
      .select('id')
      .where('opportunity_id', '=', id)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('tells nobody when the opportunity has no owner (hr reads applications in the catalog)', async () => {
    const hr = await createUser(t, { roles: ['hr'] });
    const hrAgent = await sessionFor(t, hr.id);
    const id = await insertOpportunity(t, { title: '担当者のいない研修' });
    await applyTo((await person('応募 四郎')).agent, id, []);
    expect(
      await t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'application')
        .where('link', 'like', `%${id}`)
        .execute(),
    ).toEqual([]);
    expect((await notices(hrAgent)).items).toEqual([]);
  });
});
