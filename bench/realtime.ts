import crypto from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createTestApp, createUser, sessionFor, type TestApp } from '../apps/server/src/test/harness.ts';
import { buildApp, type AppDeps, type ZodApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/index.ts';
import { loadSecrets } from '../apps/server/src/platform/secrets.ts';
import { runInTransaction } from '../apps/server/src/platform/realtime/index.ts';
import { insertCommunity } from '../apps/server/src/test/community-rows.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';
import type { RealtimeWorkerData, RealtimeWorkerMessage } from './realtime-worker.ts';

/**
 * Live delivery latency: `CLIENTS` WebSockets (on a worker thread, its own event loop) all
 * subscribed to one community stream — the worst fan-out: every event goes to every socket — while
 * the app commits `EVENTS` events at `RATE` per second. Latency = receipt time − the time stamped
 * in the event just before its transaction commits. With REDIS_URL set, the same again with the
 * sockets on a second app instance and the commits on the first (delivery through Redis).
 */
const CLIENTS = Number(process.env.BENCH_RT_CLIENTS ?? 500);
const EVENTS = Number(process.env.BENCH_RT_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RT_RATE ?? 50);
const TARGET_P99_MS = 150;

function spawn(data: RealtimeWorkerData): Worker {
  const url = new URL('./realtime-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

async function portOf(app: ZodApp): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr !== 'object') throw new Error('not listening');
  return addr.port;
}

async function measure(writer: AppDeps, port: number, cookies: string[], stream: string) {
  const worker = spawn({
    url: `ws://127.0.0.1:${port}/api/events/ws`,
    origin: `http://127.0.0.1:${port}`,
    cookies,
    clients: CLIENTS,
    stream,
    expect: EVENTS,
  });
  const done = new Promise<Extract<RealtimeWorkerMessage, { type: 'done' }>>((resolve, reject) => {
    worker.on('message', (m: RealtimeWorkerMessage) => {
      if (m.type === 'done') resolve(m);
      if (m.type === 'error') reject(new Error(m.message));
    });
    worker.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: RealtimeWorkerMessage) => m.type === 'ready' && resolve());
    worker.on('error', reject);
  });
  const started = nowMs();
  for (let n = 0; n < EVENTS; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - nowMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await runInTransaction(writer, async ({ events }) => {
      events.emit({ stream, type: 'post.created', payload: { n, postId: crypto.randomUUID(), t: nowMs() } });
    });
  }
  const emitSeconds = (nowMs() - started) / 1000;
  const result = await done;
  await worker.terminate();
  return { ...result, achievedRate: EVENTS / emitSeconds };
}

export async function run(): Promise<BenchResult> {
  const t: TestApp = await createTestApp({ BACKGROUND_JOBS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' });
  const extra: Array<{ app: ZodApp; close: () => Promise<void> }> = [];
  try {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser(t)));
    const cookies = await Promise.all(
      users.map(async (u) => `engawa_session=${(await sessionFor(t, u.id)).cookies.engawa_session}`),
    );
    const community = await insertCommunity(t, { visibility: 'open' });
    const stream = `community:${community.id}`;
    const loadBefore = os.loadavg()[0]!;
    const local = await measure(t.deps, await portOf(t.app), cookies, stream);
    const l = summary(local.latencies);
    const metrics: BenchResult['metrics'] = [
      { name: `delivery ${CLIENTS} sockets, p50`, unit: 'ms', value: l.p50 },
      { name: `delivery ${CLIENTS} sockets, p95`, unit: 'ms', value: l.p95 },
      { name: `delivery ${CLIENTS} sockets, p99`, unit: 'ms', value: l.p99, target: TARGET_P99_MS },
    ];
    const details: Record<string, unknown> = {
      local: { ...l, frames: local.frames, outOfOrder: local.outOfOrder, achievedRate: local.achievedRate },
    };
    let viaRedis = 'REDIS_URL not set: cross-instance delivery not measured';
    if (process.env.REDIS_URL) {
      // Two instances on one database: commits on A, sockets on B.
      const prefix = `engawa-bench-${crypto.randomBytes(4).toString('hex')}`;
      const config = { ...t.config, redis: { url: process.env.REDIS_URL, prefix } };
      const mk = async () => {
        const database = openDatabase(config);
        const built = await buildApp({ config, secrets: loadSecrets(config), database });
        await built.app.ready();
        const entry = {
          app: built.app,
          close: async () => (await built.app.close(), await database.close()),
        };
        extra.push(entry);
        return built;
      };
      const a = await mk();
      const b = await mk();
      await Promise.all([a.deps.realtime.busReady(), b.deps.realtime.busReady()]);
      const remote = await measure(a.deps, await portOf(b.app), cookies, stream);
      const r = summary(remote.latencies);
      metrics.push(
        { name: `delivery via Redis (other instance), p50`, unit: 'ms', value: r.p50 },
        { name: `delivery via Redis (other instance), p99`, unit: 'ms', value: r.p99, target: TARGET_P99_MS },
      );
      details.redis = {
        ...r,
        frames: remote.frames,
        outOfOrder: remote.outOfOrder,
        achievedRate: remote.achievedRate,
      };
      viaRedis =
        `With REDIS_URL: commits on instance A, sockets on instance B (same database, same thread), through Redis ` +
        `pub/sub; A committed at ${remote.achievedRate.toFixed(0)}/s, not slowed by B's sends, so a B that cannot ` +
        `keep up shows as growing latency.`;
    }
    return {
      name: 'realtime',
      metrics,
      notes: [
        `${CLIENTS} WebSockets (20 people, several tabs each) on one community stream; ${EVENTS} events at ${RATE}/s, one per transaction (${t.deps.database.dialect}).`,
        'Latency = receipt on the client thread − timestamp written into the event just before commit (includes the commit).',
        `Frames received: ${local.frames} (${CLIENTS} × ${EVENTS} expected), out of order: ${local.outOfOrder}; ` +
          `achieved commit rate ${local.achievedRate.toFixed(0)}/s (local delivery runs inside the committing call, ` +
          `so an overloaded instance commits slower rather than queueing).`,
        viaRedis,
        `Machine: ${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after.`,
      ],
      details,
    };
  } finally {
    for (const e of extra) await e.close();
    await t.close();
  }
}
