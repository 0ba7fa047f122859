import os from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { sessionFor } from '../apps/server/src/test/harness.ts';
import { company, companyOrigin } from './company.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';
import type { FeedWorkerData, FeedWorkerReport } from './feed-worker.ts';

/**
 * Home feed (GET /api/feed, 20 items) on the shared generated company (bench/company.ts: BENCH_USERS
 * people, BENCH_POSTS posts in 60 communities, reactions, announcements). The reader belongs to 2
 * private and 10 open communities (全社ひろば among them) and gets company-wide announcements from one
 * more. Measured over real HTTP on a loopback port:
 * - latency at a fixed 50 req/s, evenly paced from a worker thread (p50/p95/p99), first pages and
 *   deep pages (cursor) mixed;
 * - saturated throughput (autocannon), next to a bare Fastify route answering the same JSON (the ratio is the
 *   cost of sessions, policy, queries and presenters);
 * - post creation (POST /api/communities/:id/posts through the app, sequential) p50/p99.
 */
const RATE = 50;
const SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 20);
const TARGET_P95 = 50;
const TARGET_P99 = 100;

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
  const c = await company();
  const { t, reader } = c;
  const bare = Fastify();
  const loadBefore = os.loadavg()[0]!;
  try {
    const origin = await companyOrigin(c);
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

    // Post creation through the app (sequential) by the reader, in one of its open communities
    // (not 全社ひろば, which the realtime bench posts to), mentioning a colleague each time.
    const target = c.readerCommunities.find((x) => x.visibility === 'open' && x.id !== c.plaza.id)!;
    const ack = [
      await agent.post('/api/me/code-of-conduct/acknowledge'),
      await agent.post(`/api/communities/${target.id}/acknowledge`),
    ];
    if (ack.some((a) => a.status >= 300))
      throw new Error(`acknowledge: ${ack.map((a) => a.status).join(' ')}`);
    const creates: number[] = [];
    for (let i = 0; i < 220; i++) {
      const mention = c.people[(i * 37 + 10) % c.people.length]!.email.split('@')[0];
      const s = nowMs();
      const res = await agent.post(`/api/communities/${target.id}/posts`, {
        body: `**ベンチ** ${i}: 研修の振り返り @${mention} さん`,
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
        c.summary,
        `Reader in ${c.readerCommunities.length} communities (2 private) holding ${c.readerCommunities
          .reduce((n, x) => n + x.posts, 0)
          .toLocaleString('en')} posts, plus ${c.counts.companyWide} company-wide announcements.`,
        `Fixed rate: ${RATE} req/s evenly paced for ${SECONDS} s from a worker thread (open loop, latency from each request's due time), first pages and cursor pages 2/10/50 mixed; ${fixed.latencies.length} answered, ${fixed.errors} errors.`,
        `Saturated: autocannon, 10 connections for 10 s; feed response ${Buffer.byteLength(firstPage)} bytes; ${os.cpus().length} CPUs shared with the load generator.`,
        `Machine load average during the run: ${loadBefore.toFixed(1)} at the start; ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(
            ' / ',
          )} (1/5/15 min) at the end (other processes share the CPUs; latency under load is only meaningful on a quiet machine).`,
        'Post creation: sequential POSTs (Markdown render, one mention resolved, notification and live-event listeners in the same transaction).',
      ],
      details: {
        fixed: lat,
        control,
        sequential: seq,
        appSat,
        bareSat,
        create,
        loadAverage: os.loadavg(),
        company: { counts: c.counts, steps: c.steps, generatedSeconds: c.generatedSeconds },
      },
    };
  } finally {
    await bare.close();
  }
}
