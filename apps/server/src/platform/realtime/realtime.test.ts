import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type TestApp } from '../../test/harness.ts';
import { addMember, insertCommunity } from '../../test/community-rows.ts';
import { nowIso } from '../../db/index.ts';
import { runCommand } from '../../modules/community/events.ts';
import { Outbox, runInTransaction } from './index.ts';
import { listen, TestSocket } from './test-client.ts';

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed by its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live event stream (GET /api/events/ws)', () => {
  let t: TestApp;
  let port: number;
  /** `board:<id>` is a stream kind only this test defines: readable by the user ids listed for it. */
  const boardReaders = new Map<string, Set<string>>();
  const users: Array<{ id: string; cookie: string }> = [];

  async function cookieOf(userId: string) {
    const agent = await sessionFor(t, userId);
    return `engawa_session=${agent.cookies.engawa_session}`;
  }

  beforeAll(async () => {
    t = await createTestApp({ BACKGROUND_JOBS: 'false' });
    port = await listen(t.app);
    t.deps.realtime.defineStream('board', (actor, id) => !!boardReaders.get(id)?.has(actor.userId));
    for (let i = 0; i < 4; i++) {
      const u = await createUser(t);
      users.push({ id: u.id, cookie: await cookieOf(u.id) });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function emitBoard(board: string, n: number, tag: string) {
    await runInTransaction(t.deps, async ({ events }) => {
      for (let i = 0; i < n; i++)
        events.emit({ stream: `board:${board}`, type: 'note', payload: { tag, i } });
    });
  }

  async function serverSequence(stream: string) {
    const rows = await t.deps.db
      .selectFrom('realtime_events')
      .select(['seq', 'payload'])
      .where('stream', '=', stream)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ id: Number(r.seq), payload: JSON.parse(r.payload) as unknown }));
  }

  it('refuses anonymous and cross-site upgrades, and plain HTTP requests', async () => {
    await expect(TestSocket.open(port, {})).rejects.toThrow('status 401');
    await expect(
      TestSocket.open(port, { cookie: users[0]!.cookie, origin: 'https://evil.example' }),
    ).rejects.toThrow('status 403');
    await expect(
      TestSocket.open(port, { cookie: users[0]!.cookie, origin: `http://127.0.0.1:${port}.evil.example` }),
    ).rejects.toThrow('status 403');
    // Same origin, and no Origin at all (not a browser), are accepted.
    const same = await TestSocket.open(port, { cookie: users[0]!.cookie });
    const none = await TestSocket.open(port, { cookie: users[0]!.cookie, origin: null });
    await same.until(() => !!same.frame((f) => f.type === 'hello'), 5000, 'hello');
    await none.until(() => !!none.frame((f) => f.type === 'hello'), 5000, 'hello');
    same.close();
    none.close();
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/events/ws',
      headers: { cookie: users[0]!.cookie },
    });
    expect(plain.statusCode).toBe(426);
    expect((plain.json() as { error: { code: string } }).error.code).toBe('realtime.upgrade_required');
  });

  it('replays everything after the cursor, then continues live, each id once and in order', async () => {
    boardReaders.set('replay', new Set([users[0]!.id]));
    await emitBoard('replay', 5, 'before');
    const s = await TestSocket.open(port, { cookie: users[0]!.cookie });
    s.subscribe([{ stream: 'board:replay', after: 2 }]);
    await s.until(() => !!s.frame((f) => f.type === 'subscribed'), 5000, 'subscribed');
    expect(s.frame((f) => f.type === 'subscribed')!.head).toBe(5);
    await emitBoard('replay', 3, 'live');
    await s.until(() => s.cursor('board:replay') === 8, 5000, 'live events');
    const got = s.events.get('board:replay')!;
    expect(got.map((e) => e.id)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(got.map((e) => e.payload)).toEqual([
      { tag: 'before', i: 2 },
      { tag: 'before', i: 3 },
      { tag: 'before', i: 4 },
      { tag: 'live', i: 0 },
      { tag: 'live', i: 1 },
      { tag: 'live', i: 2 },
    ]);
    // Without a cursor: only what happens from now on.
    const fresh = await TestSocket.open(port, { cookie: users[0]!.cookie });
    fresh.subscribe([{ stream: 'board:replay' }]);
    await fresh.until(() => !!fresh.frame((f) => f.type === 'subscribed'), 5000, 'subscribed');
    await emitBoard('replay', 1, 'after');
    await fresh.until(() => fresh.cursor('board:replay') === 9, 5000, 'event 9');
    expect(fresh.events.get('board:replay')!.map((e) => e.id)).toEqual([9]);
    s.close();
    fresh.close();
  });

  it('denies streams the person may not read, and never sends their events', async () => {
    boardReaders.set('secret', new Set([users[1]!.id]));
    const s = await TestSocket.open(port, { cookie: users[0]!.cookie });
    s.subscribe([
      { stream: 'board:secret', after: 0 },
      { stream: `user:${users[1]!.id}`, after: 0 },
      { stream: 'unknownprefix:x', after: 0 },
      { stream: `user:${users[0]!.id}`, after: 0 },
    ]);
    await s.until(() => s.frames.filter((f) => f.type === 'denied' || f.type === 'subscribed').length === 4);
    expect(s.frames.filter((f) => f.type === 'denied').map((f) => f.stream)).toEqual([
      'board:secret',
      `user:${users[1]!.id}`,
      'unknownprefix:x',
    ]);
    await emitBoard('secret', 2, 'hidden');
    await runInTransaction(t.deps, async ({ events }) => {
      events.emit({ stream: `user:${users[1]!.id}`, type: 'note', payload: { private: true } });
      events.emit({ stream: `user:${users[0]!.id}`, type: 'note', payload: { mine: true } });
    });
    await s.until(() => s.cursor(`user:${users[0]!.id}`) === 1, 5000, 'own event');
    expect(s.frames.filter((f) => f.type === 'event').map((f) => f.stream)).toEqual([`user:${users[0]!.id}`]);
    // Malformed messages get an error, not a crash.
    s.ws.send('not json');
    s.send({ type: 'subscribe', streams: [{ stream: 'BAD NAME' }] });
    await s.until(() => s.frames.filter((f) => f.type === 'error').length === 2, 5000, 'errors');
    s.close();
  });

  it('clients that drop at random points and resume from their last id end with exactly the server sequence', async () => {
    const seed = Number(process.env.REALTIME_SEED ?? Date.now() % 100000);
    const random = rng(seed);
    const board = 'chaos';
    const stream = `board:${board}`;
    boardReaders.set(board, new Set(users.map((u) => u.id)));

    class Client {
      ids: number[] = [];
      payloads: unknown[] = [];
      socket: TestSocket | undefined;
      constructor(readonly cookie: string) {}
      get cursor() {
        return this.ids[this.ids.length - 1] ?? 0;
      }
      async connect() {
        const s = await TestSocket.open(port, { cookie: this.cookie });
        s.ws.on('message', (data) => {
          const f = JSON.parse(data.toString()) as {
            type: string;
            stream?: string;
            id?: number;
            payload?: unknown;
          };
          if (f.type === 'resync') throw new Error(`unexpected resync (seed ${seed})`);
          if (f.type === 'event' && f.stream === stream) {
            this.ids.push(f.id!);
            this.payloads.push(f.payload);
          }
        });
        this.socket = s;
        s.subscribe([{ stream, after: this.cursor }]);
      }
    }
    // Six tabs of four people; two of them join late.
    const clients = [0, 1, 2, 3, 0, 1].map((i) => new Client(users[i]!.cookie));
    await Promise.all(clients.slice(0, 4).map((c) => c.connect()));

    const TOTAL = 240;
    let emitted = 0;
    let writer = 0;
    // Every 40 events the producer waits for one more drop, so connections are always cut while
    // events are still flowing, however fast or slow the machine is.
    const dropWaiters: Array<() => void> = [];
    let checkpoint = 40;
    const producing = (async () => {
      while (emitted < TOTAL) {
        if (emitted >= checkpoint) {
          checkpoint += 40;
          await new Promise<void>((resolve) => dropWaiters.push(resolve));
        }
        const burst = 1 + Math.floor(random() * 4);
        const jobs: Array<Promise<void>> = [];
        for (let b = 0; b < burst && emitted < TOTAL; b++) {
          const n = Math.min(TOTAL - emitted, 1 + Math.floor(random() * 3));
          emitted += n;
          jobs.push(emitBoard(board, n, `w${writer++}`));
        }
        await Promise.all(jobs);
        if (random() < 0.3) await sleep(Math.floor(random() * 8));
      }
    })();
    let chaos = true;
    let drops = 0;
    let dropsMidStream = 0;
    const dropping = (async () => {
      let late = 4;
      while (chaos) {
        await sleep(2 + Math.floor(random() * 15));
        if (late < clients.length && random() < 0.2) {
          await clients[late++]!.connect();
          continue;
        }
        const c = clients[Math.floor(random() * Math.min(late, clients.length))]!;
        if (c.socket && !c.socket.closed) {
          c.socket.drop();
          drops += 1;
          if (emitted > 0 && emitted < TOTAL) dropsMidStream += 1;
          dropWaiters.splice(0).forEach((resolve) => resolve());
          await sleep(Math.floor(random() * 20));
          await c.connect();
        }
      }
      while (late < clients.length) await clients[late++]!.connect();
    })();
    await producing;
    chaos = false;
    await dropping;

    const expected = await serverSequence(stream);
    expect(expected.length, `seed ${seed}`).toBe(TOTAL);
    expect(expected.map((e) => e.id)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const deadline = Date.now() + 15_000;
    while (clients.some((c) => c.cursor < TOTAL) && Date.now() < deadline) await sleep(20);
    for (const c of clients) {
      expect(c.ids, `seed ${seed}`).toEqual(expected.map((e) => e.id));
      expect(c.payloads, `seed ${seed}`).toEqual(expected.map((e) => e.payload));
    }
    // The run must really have cut connections while events were flowing.
    expect(dropsMidStream, `seed ${seed}: ${drops} drops`).toBeGreaterThan(3);
    for (const c of clients) c.socket?.close();
  });

  it('tells a client whose cursor is older than the retention to resync, then continues live', async () => {
    boardReaders.set('old', new Set([users[0]!.id]));
    await emitBoard('old', 4, 'old');
    // Everything stored so far is past retention (seen from a clock 8 days ahead).
    const pruned = await t.deps.realtime.prune(new Date(Date.now() + 8 * 24 * 3600_000));
    expect(pruned).toBeGreaterThanOrEqual(4);
    const s = await TestSocket.open(port, { cookie: users[0]!.cookie });
    s.subscribe([{ stream: 'board:old', after: 1 }]);
    await s.until(() => !!s.frame((f) => f.type === 'resync'), 5000, 'resync');
    expect(s.frame((f) => f.type === 'resync')).toMatchObject({ stream: 'board:old', head: 4 });
    expect(s.events.get('board:old')).toBeUndefined();
    await emitBoard('old', 1, 'new');
    await s.until(() => s.cursor('board:old') === 5, 5000, 'event 5');
    expect(s.events.get('board:old')!.map((e) => e.id)).toEqual([5]);
    // A cursor from the future (a restored database) also resyncs.
    s.subscribe([{ stream: `user:${users[0]!.id}`, after: 999 }]);
    await s.until(() => !!s.frame((f) => f.type === 'resync' && f.stream === `user:${users[0]!.id}`));
    s.close();
  });

  it('disconnects a client that floods the server with messages', async () => {
    const s = await TestSocket.open(port, { cookie: users[2]!.cookie });
    const closed = new Promise<number>((resolve) => s.ws.once('close', (code) => resolve(code)));
    for (let i = 0; i < 130; i++) s.send({ type: 'ping' });
    expect(await closed).toBe(1008);
    expect(s.frames.filter((f) => f.type === 'pong').length).toBeLessThanOrEqual(120);
  });

  it('emits nothing when the transaction rolls back', async () => {
    boardReaders.set('rollback', new Set([users[0]!.id]));
    const s = await TestSocket.open(port, { cookie: users[0]!.cookie });
    s.subscribe([{ stream: 'board:rollback' }]);
    await s.until(() => !!s.frame((f) => f.type === 'subscribed'));
    await expect(
      runInTransaction(t.deps, async ({ events }) => {
        events.emit({ stream: 'board:rollback', type: 'note', payload: { lost: true } });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await serverSequence('board:rollback')).toEqual([]);
    await emitBoard('rollback', 1, 'kept');
    await s.until(() => s.cursor('board:rollback') === 1, 5000, 'event 1');
    expect(s.events.get('board:rollback')!.map((e) => e.payload)).toEqual([{ tag: 'kept', i: 0 }]);
    // Emitting to a stream nobody owns is a programming error, caught before anything is stored.
    await expect(
      runInTransaction(t.deps, async ({ events }) => events.emit({ stream: 'nosuch:x', type: 'x' })),
    ).rejects.toThrow('unknown stream');
    s.close();
  });

  it('allocates ids in commit order: a second writer on the stream waits for the first commit', async () => {
    boardReaders.set('order', new Set([users[0]!.id]));
    const order: string[] = [];
    let allocated!: () => void;
    const allocatedP = new Promise<void>((r) => (allocated = r));
    const first = t.deps.db.transaction().execute(async (tx) => {
      const outbox = new Outbox(t.deps);
      outbox.sink.emit({ stream: 'board:order', type: 'note', payload: { who: 'first' } });
      await outbox.flush(tx);
      order.push('first allocated');
      allocated();
      await sleep(300);
      order.push('first commits');
    });
    await allocatedP;
    const second = emitBoard('order', 1, 'second').then(() => order.push('second committed'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first allocated', 'first commits', 'second committed']);
    const seq = await serverSequence('board:order');
    expect(seq).toEqual([
      { id: 1, payload: { who: 'first' } },
      { id: 2, payload: { tag: 'second', i: 0 } },
    ]);
  });

  it('carries community events to the community stream, members only for a private community', async () => {
    const [member, outsider] = users;
    const community = await insertCommunity(t, { visibility: 'private', members: [{ userId: member!.id }] });
    const stream = `community:${community.id}`;
    const m = await TestSocket.open(port, { cookie: member!.cookie });
    const o = await TestSocket.open(port, { cookie: outsider!.cookie });
    m.subscribe([
      { stream, after: 0 },
      { stream: `user:${member!.id}`, after: 0 },
    ]);
    o.subscribe([{ stream, after: 0 }]);
    await m.until(
      () => m.frames.filter((f) => f.type === 'subscribed').length === 2,
      5000,
      'member subscribed',
    );
    await o.until(() => !!o.frame((f) => f.type === 'denied'), 5000, 'outsider denied');

    const base = {
      communityId: community.id,
      visibility: 'private' as const,
      actorId: member!.id,
      at: nowIso(),
    };
    await runCommand(t.deps, async (_tx, emit) => {
      emit({ ...base, type: 'post.created', postId: 'p-1', kind: 'post', companyWide: false });
      emit({ ...base, type: 'comment.created', postId: 'p-1', commentId: 'c-1', parentId: null });
    });
    await m.until(() => m.cursor(stream) === 2, 5000, 'community events');
    expect(m.events.get(stream)!.map((e) => [e.event, e.payload])).toEqual([
      ['post.created', { communityId: community.id, actorId: member!.id, postId: 'p-1', kind: 'post' }],
      [
        'comment.created',
        { communityId: community.id, actorId: member!.id, postId: 'p-1', commentId: 'c-1', parentId: null },
      ],
    ]);

    // Removed from the community: the subscription is withdrawn, and later posts never arrive.
    await t.deps.db
      .deleteFrom('community_members')
      .where('community_id', '=', community.id)
      .where('user_id', '=', member!.id)
      .execute();
    await runCommand(t.deps, async (_tx, emit) => {
      emit({ ...base, type: 'membership.changed', userIds: [member!.id] });
    });
    await m.until(() => !!m.frame((f) => f.type === 'denied' && f.stream === stream), 5000, 'denied');
    expect(m.events.get(`user:${member!.id}`)!.map((e) => e.event)).toEqual(['membership.changed']);
    await runCommand(t.deps, async (_tx, emit) => {
      emit({ ...base, type: 'post.created', postId: 'p-2', kind: 'post', companyWide: false });
    });
    await addMember(t, community.id, outsider!.id);
    const late = await TestSocket.open(port, { cookie: outsider!.cookie });
    late.subscribe([{ stream, after: 0 }]);
    await late.until(() => !!late.frame((f) => f.type === 'subscribed'), 5000, 'new member subscribed');
    // The new member may read the whole stream; the removed one got nothing after removal.
    expect(late.events.get(stream)!.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(m.events.get(stream)!.map((e) => e.id)).toEqual([1, 2, 3]);
    m.close();
    o.close();
    late.close();
  });
});
