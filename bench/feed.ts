import os from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { createTestApp, sessionFor } from '../apps/server/src/test/harness.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';
import type { FeedWorkerData, FeedWorkerReport } from './feed-worker.ts';

/**
 * Home feed (GET /api/feed, 20 items) on a generated company: BENCH_FEED_USERS people (10k),
 * BENCH_FEED_POSTS posts (100k; set 1000000 for the 1M option) in 60 communities (10 private),
 * reactions on a tenth of them, a few company-wide announcements. The reader belongs to 12
 * communities. Measured over real HTTP on a loopback port:
 * - latency at a fixed 50 req/s, evenly paced from a worker thread (p50/p95/p99), first pages and
 *   deep pages (cursor) mixed;
 * - saturated throughput (autocannon), next to a bare Fastify route answering the same JSON (the ratio is the
 *   cost of sessions, policy, queries and presenters);
 * - post creation (POST /api/communities/:id/posts through the app, sequential) p50/p99.
 */
const USERS = Number(process.env.BENCH_FEED_USERS ?? 10_000);
const POSTS = Number(process.env.BENCH_FEED_POSTS ?? 100_000);
const COMMUNITIES = 60;
const PRIVATE = 10;
const READER_IN = 12;
const RATE = 50;
const SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 20);
const TARGET_P95 = 50;
const TARGET_P99 = 100;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '研修',
  '評価',
  '転職',
  '面談',
  'プロンプト',
  '生成AI',
  '議事録',
  '要約',
  '振り返り',
  '小さな失敗',
];

type Db = Awaited<ReturnType<typeof createTestApp>>['deps']['db'];

async function insertChunks<T>(db: Db, rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 400) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  void db;
}

export async function generate(db: Db) {
  const random = rng(42);
  const start = Date.parse('2025-11-01T00:00:00Z');
  const span = 365 * 24 * 3600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const users = Array.from({ length: USERS }, (_, i) => ({
    id: newId(),
    email: `bench${i}@example.test`,
    name: `社員 ${i}`,
    name_kana: null,
    name_en: null,
    title: null,
    bio: null,
    password_hash: null,
    department_id: null,
    disabled_at: null,
    locked_until: null,
    oidc_subject: null,
    created_at: iso(start),
    updated_at: iso(start),
  }));
  await db.transaction().execute(async (tx) => {
    await insertChunks(db, users, (c) => tx.insertInto('users').values(c).execute());
  });
  const communities = Array.from({ length: COMMUNITIES }, (_, i) => ({
    id: newId(),
    name: `ベンチ ${i}`,
    name_key: `bench-${i}`,
    purpose: '目的',
    rules: 'ルール',
    visibility: i < PRIVATE ? 'private' : 'open',
    private_reason: i < PRIVATE ? '理由' : null,
    created_by: users[0]!.id,
    last_post_at: null,
    created_at: iso(start),
    updated_at: iso(start),
  }));
  const reader = users[1]!;
  const members: Array<{ community_id: string; user_id: string; role: string; joined_at: string }> = [];
  const seen = new Set<string>();
  const join = (c: string, u: string, role = 'member') => {
    if (seen.has(`${c}:${u}`)) return;
    seen.add(`${c}:${u}`);
    members.push({ community_id: c, user_id: u, role, joined_at: iso(start) });
  };
  communities.forEach((c, i) => {
    join(c.id, users[0]!.id, 'organizer');
    // The reader: 2 private and 10 open communities.
    if (i < 2 || (i >= PRIVATE && i < PRIVATE + READER_IN - 2)) join(c.id, reader.id);
    for (let k = 0; k < 150; k++) join(c.id, users[2 + Math.floor(random() * (USERS - 2))]!.id);
  });
  const times = Array.from({ length: POSTS }, () => start + Math.floor(random() * span)).sort(
    (a, b) => a - b,
  );
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('communities').values(communities).execute();
    await insertChunks(db, members, (c) => tx.insertInto('community_members').values(c).execute());
  });
  const postIds: string[] = [];
  for (let i = 0; i < POSTS; i += 20_000) {
    await db.transaction().execute(async (tx) => {
      const rows = times.slice(i, i + 20_000).map((ms, k) => {
        const n = i + k;
        const id = newId();
        postIds.push(id);
        const word = WORDS[n % WORDS.length]!;
        const body = `${word}について共有します。${word}の進め方で気づいたことを書きます。#${n}`;
        const companyWide = n % 1000 === 999;
        return {
          id,
          community_id: companyWide
            ? communities[PRIVATE]!.id
            : communities[Math.floor(random() * COMMUNITIES)]!.id,
          author_id: users[2 + (n % (USERS - 2))]!.id,
          webhook_id: null,
          kind: companyWide ? 'announcement' : n % 7 === 0 ? 'question' : 'post',
          title: n % 7 === 0 || companyWide ? `${word}の質問 ${n}` : null,
          body_md: body,
          body_html: `<p>${body}</p>\n`,
          fields: null,
          fields_html: null,
          company_wide: companyWide ? 1 : 0,
          created_at: iso(ms),
          updated_at: iso(ms),
          edited_at: null,
          deleted_at: null,
          pinned_at: null,
          accepted_comment_id: null,
        };
      });
      await insertChunks(db, rows, (c) => tx.insertInto('posts').values(c).execute(), 300);
      const reactions = rows
        .filter((_, k) => k % 10 === 0)
        .flatMap((p, k) =>
          ['thumbsup', 'heart', 'tada'].slice(0, 1 + (k % 3)).map((reaction, r) => ({
            subject_type: 'post',
            subject_id: p.id,
            reaction,
            user_id: users[2 + ((k * 7 + r) % (USERS - 2))]!.id,
            created_at: p.created_at,
          })),
        );
      await insertChunks(db, reactions, (c) => tx.insertInto('reactions').values(c).execute());
    });
  }
  return { reader, communities, postIds };
}

/** Latencies at a fixed, evenly paced rate, from a load generator in its own thread (feed-worker.ts). */
async function fixedRate(
  origin: string,
  headers: Record<string, string>,
  paths: string[],
  rate: number,
  seconds: number,
) {
  const url = new URL('./feed-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  const data: FeedWorkerData = { origin, headers, paths, rate, seconds };
  const worker = new Worker(bootstrap, { eval: true, workerData: data });
  const [report] = (await once(worker, 'message')) as [FeedWorkerReport];
  await worker.terminate();
  return report;
}

async function saturated(url: string, headers: Record<string, string>, path: string, seconds: number) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', path }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

export async function run(): Promise<BenchResult> {
  const t = await createTestApp({
    BACKGROUND_JOBS: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  });
  const bare = Fastify();
  try {
    const t0 = nowMs();
    const { reader, communities } = await generate(t.deps.db);
    const generatedMs = nowMs() - t0;
    const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = await sessionFor(t, reader.id);
    const cookie = Object.entries(agent.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const headers = { cookie };

    // Cursors for deep pages (page 2, 10, 50), read once.
    const deep: string[] = ['/api/feed?limit=20'];
    let cursor: string | null = null;
    for (let page = 1; page <= 50; page++) {
      const res = await fetch(`${origin}/api/feed?limit=20${cursor ? `&cursor=${cursor}` : ''}`, { headers });
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      if (page === 1 && body.items.length !== 20) throw new Error(`feed returned ${body.items.length} items`);
      cursor = body.nextCursor;
      if (!cursor) break;
      if ([1, 9, 49].includes(page)) deep.push(`/api/feed?limit=20&cursor=${cursor}`);
    }
    const firstPage = await (await fetch(`${origin}/api/feed?limit=20`, { headers })).text();

    // Warm up, then the fixed-rate run (first pages three times as often as deep ones).
    await fixedRate(origin, headers, deep, RATE, 3);
    const paths = ['/api/feed?limit=20', '/api/feed?limit=20', ...deep];
    const fixed = await fixedRate(origin, headers, paths, RATE, SECONDS);
    const lat = summary(fixed.latencies);

    // Service time alone: sequential requests through the app in this process (no network, no queue).
    const sequential: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = nowMs();
      const res = await agent.get(paths[i % paths.length]!);
      if (res.status !== 200) throw new Error(`feed: ${res.status}`);
      sequential.push(nowMs() - s);
    }
    const seq = summary(sequential);

    bare.get('/bare', async (_req, reply) => reply.type('application/json').send(firstPage));
    const bareOrigin = await bare.listen({ port: 0, host: '127.0.0.1' });
    // Control: the same paced load on the bare route shows the noise floor of this machine.
    const control = summary((await fixedRate(bareOrigin, {}, ['/bare'], RATE, SECONDS)).latencies);
    const appSat = await saturated(origin, headers, '/api/feed?limit=20', 10);
    const bareSat = await saturated(bareOrigin, {}, '/bare', 10);

    // Post creation through the app (sequential, the reader is ready to post in an open community).
    const target = communities[PRIVATE + 1]!;
    await t.deps.db
      .insertInto('community_members')
      .values({
        community_id: target.id,
        user_id: reader.id,
        role: 'member',
        joined_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await agent.post('/api/me/code-of-conduct/acknowledge');
    await agent.post(`/api/communities/${target.id}/acknowledge`);
    const creates: number[] = [];
    for (let i = 0; i < 220; i++) {
      const s = nowMs();
      const res = await agent.post(`/api/communities/${target.id}/posts`, {
        body: `**ベンチ** ${i}: 研修の振り返り @bench${i + 10} さん`,
      });
      if (res.status !== 201) throw new Error(`post creation: ${res.status} ${res.body}`);
      if (i >= 20) creates.push(nowMs() - s);
    }
    const create = summary(creates);

    return {
      name: 'feed',
      metrics: [
        { name: `feed p50 at ${RATE} req/s`, unit: 'ms', value: lat.p50 },
        { name: `feed p95 at ${RATE} req/s`, unit: 'ms', value: lat.p95, target: TARGET_P95 },
        { name: `feed p99 at ${RATE} req/s`, unit: 'ms', value: lat.p99, target: TARGET_P99 },
        { name: `bare route p95 at ${RATE} req/s (control)`, unit: 'ms', value: control.p95 },
        { name: `bare route p99 at ${RATE} req/s (control)`, unit: 'ms', value: control.p99 },
        { name: 'feed service time p50 (sequential)', unit: 'ms', value: seq.p50 },
        { name: 'feed service time p95 (sequential)', unit: 'ms', value: seq.p95 },
        { name: 'feed saturated throughput', unit: 'req/s', value: appSat.rps },
        { name: 'bare Fastify, same JSON', unit: 'req/s', value: bareSat.rps },
        {
          name: 'bare / feed throughput ratio',
          unit: '×',
          value: Math.round((bareSat.rps / appSat.rps) * 10) / 10,
        },
        { name: 'post creation p50', unit: 'ms', value: create.p50 },
        { name: 'post creation p99', unit: 'ms', value: create.p99 },
      ],
      notes: [
        `${POSTS.toLocaleString('en')} posts, ${USERS.toLocaleString('en')} people, ${COMMUNITIES} communities (${PRIVATE} private); reader in ${READER_IN}; ${t.deps.database.dialect}; generated in ${Math.round(generatedMs / 1000)} s.`,
        `Fixed rate: ${RATE} req/s evenly paced for ${SECONDS} s from a worker thread (open loop, latency from each request's due time), first pages and cursor pages 2/10/50 mixed; ${fixed.latencies.length} answered, ${fixed.errors} errors.`,
        `Saturated: autocannon, 10 connections for 10 s; feed response ${Buffer.byteLength(firstPage)} bytes; ${os.cpus().length} CPUs shared with the load generator.`,
        `Machine load average during the run: ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(
            ' / ',
          )} (other processes share the CPUs; latency under load is only meaningful on a quiet machine).`,
        'Post creation: sequential POSTs (Markdown render, one mention resolved, notification and live-event listeners in the same transaction).',
      ],
      details: { fixed: lat, control, sequential: seq, appSat, bareSat, create, loadAverage: os.loadavg() },
    };
  } finally {
    await bare.close();
    await t.close();
  }
}
