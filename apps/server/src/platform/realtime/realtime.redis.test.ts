import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppDeps, type ZodApp } from '../../app.ts';
import { openDatabase, nowIso, type Database } from '../../db/index.ts';
import { loadSecrets } from '../secrets.ts';
import { createTestApp, createUser, sessionFor, type TestApp } from '../../test/harness.ts';
import { insertCommunity } from '../../test/community-rows.ts';
import { runCommand } from '../../modules/community/events.ts';
import { Outbox, runInTransaction } from './index.ts';
import { listen, TestSocket } from './test-client.ts';

/*
 * Two app instances on one database (one SQLite file, or one PostgreSQL database) sharing live
 * events through a real Redis. vitest.config.ts includes this file only when REDIS_URL is set
 * (CI starts redis-server and sets it), so it is never skipped: it either runs or is not collected.
 */
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) throw new Error('realtime.redis.test.ts needs REDIS_URL');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('several app instances share live events through Redis', () => {
  let a: TestApp;
  let b: { app: ZodApp; deps: AppDeps; database: Database };
  let portA: number;
  let portB: number;
  let cookie: string;
  let userId: string;
  const readers = new Set<string>();

  beforeAll(async () => {
    const prefix = `engawa-test-${crypto.randomBytes(4).toString('hex')}`;
    a = await createTestApp({ REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix, BACKGROUND_JOBS: 'false' });
    const database = openDatabase(a.config);
    const built = await buildApp({ config: a.config, secrets: loadSecrets(a.config), database });
    await built.app.ready();
    b = { app: built.app, deps: built.deps, database };
    for (const deps of [a.deps, b.deps])
      deps.realtime.defineStream('board', (actor) => readers.has(actor.userId));
    portA = await listen(a.app);
    portB = await listen(b.app);
    const u = await createUser(a);
    userId = u.id;
    readers.add(u.id);
    cookie = `engawa_session=${(await sessionFor(a, u.id)).cookies.engawa_session}`;
    // Both instances are subscribed to Redis before the tests publish.
    await Promise.all([a.deps.realtime.busReady(), b.deps.realtime.busReady()]);
  });
  afterAll(async () => {
    await b.app.close();
    await b.database.close();
    await a.close();
  });

  async function emit(deps: AppDeps, stream: string, n: number, tag: string) {
    await runInTransaction(deps, async ({ events }) => {
      for (let i = 0; i < n; i++) events.emit({ stream, type: 'note', payload: { tag, i } });
    });
  }

  async function sequence(stream: string) {
    const rows = await a.deps.db
      .selectFrom('realtime_events')
      .select(['seq', 'payload'])
      .where('stream', '=', stream)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ id: Number(r.seq), payload: JSON.parse(r.payload) as unknown }));
  }

  it('a post made through instance A appears live to a client connected to instance B', async () => {
    const community = await insertCommunity(a, { visibility: 'open' });
    const stream = `community:${community.id}`;
    const onB = await TestSocket.open(portB, { cookie });
    onB.subscribe([{ stream }]);
    await onB.until(() => !!onB.frame((f) => f.type === 'subscribed'), 5000, 'subscribed on B');
    await runCommand(a.deps, async (_tx, e) => {
      e({
        type: 'post.created',
        communityId: community.id,
        visibility: 'open',
        actorId: userId,
        at: nowIso(),
        postId: 'post-a',
        kind: 'post',
        companyWide: false,
      });
    });
    await onB.until(() => onB.cursor(stream) === 1, 5000, 'event on B');
    expect(onB.events.get(stream)).toEqual([
      {
        id: 1,
        event: 'post.created',
        payload: { communityId: community.id, actorId: userId, postId: 'post-a', kind: 'post' },
      },
    ]);
    onB.close();
  });

  it('writers on both instances, clients on both that hop between them: every client gets the exact sequence', async () => {
    const stream = 'board:shared';
    const clients = Array.from({ length: 4 }, (_, i) => ({
      ids: [] as number[],
      port: i % 2 ? portA : portB,
      socket: undefined as TestSocket | undefined,
    }));
    const connect = async (c: (typeof clients)[number]) => {
      const s = await TestSocket.open(c.port, { cookie });
      s.ws.on('message', (data) => {
        const f = JSON.parse(data.toString()) as { type: string; stream?: string; id?: number };
        if (f.type === 'event' && f.stream === stream) c.ids.push(f.id!);
      });
      c.socket = s;
      s.subscribe([{ stream, after: c.ids[c.ids.length - 1] ?? 0 }]);
      await s.until(() => !!s.frame((f) => f.type === 'subscribed'), 5000, 'subscribed');
    };
    await Promise.all(clients.map(connect));
    const TOTAL = 160;
    let hops = 0;
    for (let round = 0; round < TOTAL / 8; round++) {
      // Four commands, two through each instance: concurrent on PostgreSQL. Two SQLite connections in
      // one process cannot wait for each other (better-sqlite3 blocks the thread while busy), so
      // there they run back to back; B's local delivery still races A's Redis message.
      const writes = [
        () => emit(a.deps, stream, 2, `a${round}`),
        () => emit(b.deps, stream, 2, `b${round}`),
        () => emit(a.deps, stream, 2, `a${round}'`),
        () => emit(b.deps, stream, 2, `b${round}'`),
      ];
      if (a.deps.database.dialect === 'postgres') await Promise.all(writes.map((w) => w()));
      else for (const w of writes) await w();
      if (round % 4 === 1) {
        // One client drops and resumes on the other instance with its cursor.
        const c = clients[round % clients.length]!;
        c.socket!.drop();
        c.port = c.port === portA ? portB : portA;
        hops += 1;
        await connect(c);
      }
    }
    const expected = (await sequence(stream)).map((e) => e.id);
    expect(expected).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const deadline = Date.now() + 15_000;
    while (clients.some((c) => (c.ids[c.ids.length - 1] ?? 0) < TOTAL) && Date.now() < deadline)
      await sleep(20);
    for (const c of clients) expect(c.ids).toEqual(expected);
    expect(hops).toBeGreaterThan(3);
    for (const c of clients) c.socket!.close();
  });

  it('an event whose bus message was lost reaches clients of the other instance at the next sweep', async () => {
    const stream = 'board:lost';
    const onB = await TestSocket.open(portB, { cookie });
    onB.subscribe([{ stream }]);
    await onB.until(() => !!onB.frame((f) => f.type === 'subscribed'), 5000, 'subscribed');
    // Committed on A, but A "crashes" before publishing: stored, never delivered.
    await a.deps.db.transaction().execute(async (tx) => {
      const outbox = new Outbox(a.deps);
      outbox.sink.emit({ stream, type: 'note', payload: { lost: true } });
      await outbox.flush(tx);
    });
    await sleep(200);
    expect(onB.events.get(stream)).toBeUndefined();
    await b.deps.realtime.sweep();
    await onB.until(() => onB.cursor(stream) === 1, 5000, 'recovered event');
    expect(onB.events.get(stream)!.map((e) => e.payload)).toEqual([{ lost: true }]);
    onB.close();
  });

  it('withdrawing access on instance A closes the subscription on instance B', async () => {
    const stream = 'board:access';
    const onB = await TestSocket.open(portB, { cookie });
    onB.subscribe([{ stream }]);
    await onB.until(() => !!onB.frame((f) => f.type === 'subscribed'), 5000, 'subscribed');
    readers.delete(userId);
    try {
      await runInTransaction(a.deps, async ({ events }) => events.accessChanged(stream, [userId]));
      await onB.until(
        () => !!onB.frame((f) => f.type === 'denied' && f.stream === stream),
        5000,
        'denied on B',
      );
      await emit(a.deps, stream, 1, 'after');
      await sleep(300);
      expect(onB.events.get(stream)).toBeUndefined();
    } finally {
      readers.add(userId);
    }
    onB.close();
  });
});
