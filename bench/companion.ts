import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createTestApp, createUser, signIn } from '../apps/server/src/test/harness.ts';
import { summary, type BenchResult } from './lib.ts';
import type { ClientJob, ClientReport } from './companion-worker.ts';

/**
 * Time Engawa adds to the companion's first token and to each streamed chunk, against the local
 * OpenAI-protocol server. Three event loops: the stub (a worker), the measuring client (a worker)
 * and the Engawa app (this thread, listening on a real port, with a signed-in session). For each
 * pair of requests the client asks the stub directly and through POST /api/companion/chat
 * (ephemeral), in alternating order; each chunk carries the time the stub wrote it.
 */

const REQUESTS = Number(process.env.BENCH_COMPANION_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_COMPANION_WARMUP ?? 20);
const CHUNKS = 16;
const GAP_MS = 5;
const TARGET_FIRST_TOKEN_P95_MS = 50;
const TARGET_PER_CHUNK_MS = 5;
const CHAT_ROUTE = '/api/companion/chat';

/** The chat request body (ephemeral: nothing kept). */
const CHAT_BODY = { mode: 'free', message: 'ベンチマークです。少し話を聞いてください。' };

/**
 * A worker running companion-worker.ts. Node 20 workers do not inherit tsx's loader from
 * `--import tsx`, so a tiny bootstrap registers it inside the worker first.
 */
function spawnWorker(data: object): Worker {
  const url = new URL('./companion-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

function startWorker<T>(data: object): Promise<{ worker: Worker; first: T }> {
  const worker = spawnWorker(data);
  return once(worker, 'message').then(([first]) => ({ worker, first: first as T }));
}

/** A client that runs one job at a time on the client worker. */
function makeClient(worker: Worker) {
  let seq = 0;
  const waiting = new Map<number, (r: ClientReport) => void>();
  worker.on('message', (r: ClientReport) => waiting.get(r.id)?.(r));
  return (job: Omit<ClientJob, 'id'>) =>
    new Promise<ClientReport>((resolve) => {
      seq += 1;
      waiting.set(seq, resolve);
      worker.postMessage({ ...job, id: seq });
    });
}

function firstTokenMs(r: ClientReport): number | undefined {
  const first = r.chunks.find((c) => c.k === 0);
  return first ? first.recv - r.start : undefined;
}

function describeFailure(label: string, r: ClientReport): string {
  return `${label} request failed: status ${r.status}${r.error ? `, ${r.error}` : ''}${
    r.unexpected !== undefined ? `, body began ${JSON.stringify(r.unexpected)}` : ''
  }`;
}

export async function run(): Promise<BenchResult> {
  const stub = await startWorker<{ baseUrl: string }>({ role: 'stub', chunks: CHUNKS, gapMs: GAP_MS });
  const clientWorker = spawnWorker({ role: 'client' });
  const client = makeClient(clientWorker);
  const stubUrl = stub.first.baseUrl;
  const t = await createTestApp({
    LLM_BASE_URL: stubUrl,
    LLM_MODEL: 'bench-model',
    LLM_API_KEY: 'bench-key',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });

  try {
    const direct: Omit<ClientJob, 'id'> = {
      url: `${stubUrl}/chat/completions`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' },
      body: {
        model: 'bench-model',
        stream: true,
        messages: [{ role: 'user', content: CHAT_BODY.message }],
      },
      expectChunks: CHUNKS,
    };

    const hasRoute = t.routes.some((r) => r.method === 'POST' && r.url === CHAT_ROUTE);
    let viaEngawa: Omit<ClientJob, 'id'> | undefined;
    if (hasRoute) {
      const user = await createUser(t);
      const agent = await signIn(t, user.email);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      viaEngawa = {
        url: `http://127.0.0.1:${port}${CHAT_ROUTE}`,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'x-csrf-token': agent.csrf,
          cookie: Object.entries(agent.cookies)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        },
        body: CHAT_BODY,
        expectChunks: CHUNKS,
      };
    }

    const firstDirect: number[] = [];
    const firstEngawa: number[] = [];
    const firstAdded: number[] = [];
    const chunkDirect: number[] = [];
    const chunkEngawa: number[] = [];
    const chunkAdded: number[] = [];

    const loadBefore = os.loadavg()[0]!;
    for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
      const measured = i >= WARMUP;
      // Alternate which path goes first so drift (GC, JIT, other load) hits both alike.
      const order = i % 2 === 0 ? (['direct', 'engawa'] as const) : (['engawa', 'direct'] as const);
      const reports: Partial<Record<'direct' | 'engawa', ClientReport>> = {};
      for (const which of order) {
        if (which === 'engawa' && !viaEngawa) continue;
        reports[which] = await client(which === 'direct' ? direct : viaEngawa!);
      }
      const d = reports.direct!;
      const dFirst = firstTokenMs(d);
      if (dFirst === undefined || d.chunks.length !== CHUNKS) throw new Error(describeFailure('direct', d));
      const e = reports.engawa;
      const eFirst = e ? firstTokenMs(e) : undefined;
      if (e && (eFirst === undefined || e.chunks.length !== CHUNKS)) {
        throw new Error(
          `${describeFailure('Engawa', e)} (is the LLM engine chosen when LLM_BASE_URL is set?)`,
        );
      }
      if (!measured) continue;
      firstDirect.push(dFirst);
      const dLat = d.chunks.map((c) => c.recv - c.sent);
      chunkDirect.push(...dLat.slice(1));
      if (e && eFirst !== undefined) {
        firstEngawa.push(eFirst);
        firstAdded.push(eFirst - dFirst);
        const eLat = e.chunks.map((c) => c.recv - c.sent);
        chunkEngawa.push(...eLat.slice(1));
        // Pair chunk k of one request with chunk k of the other (k ≥ 1: the first is counted above).
        for (let k = 1; k < CHUNKS; k += 1) chunkAdded.push(eLat[k]! - dLat[k]!);
      }
    }

    const fa = summary(firstAdded);
    const ca = summary(chunkAdded);
    const fd = summary(firstDirect);
    const fe = summary(firstEngawa);
    const cd = summary(chunkDirect);
    const ce = summary(chunkEngawa);
    const metrics: BenchResult['metrics'] = viaEngawa
      ? [
          { name: 'first token, added by Engawa, p50', unit: 'ms', value: fa.p50 },
          {
            name: 'first token, added by Engawa, p95',
            unit: 'ms',
            value: fa.p95,
            target: TARGET_FIRST_TOKEN_P95_MS,
          },
          { name: 'first token, added by Engawa, p99', unit: 'ms', value: fa.p99 },
          { name: 'per chunk, added by Engawa, p50', unit: 'ms', value: ca.p50 },
          { name: 'per chunk, added by Engawa, p95', unit: 'ms', value: ca.p95, target: TARGET_PER_CHUNK_MS },
          { name: 'per chunk, added by Engawa, p99', unit: 'ms', value: ca.p99 },
          { name: 'first token direct, p50 (context)', unit: 'ms', value: fd.p50 },
          { name: 'first token via Engawa, p50 (context)', unit: 'ms', value: fe.p50 },
        ]
      : [
          { name: 'first token direct, p50', unit: 'ms', value: fd.p50 },
          { name: 'first token direct, p95', unit: 'ms', value: fd.p95 },
          { name: 'chunk latency direct, p95', unit: 'ms', value: cd.p95 },
        ];
    return {
      name: 'companion',
      metrics,
      ...(viaEngawa
        ? {}
        : { skipped: `POST ${CHAT_ROUTE} is not registered yet; only the direct path was measured` }),
      notes: [
        `${REQUESTS} request pairs after ${WARMUP} warm-up pairs, one at a time; ${CHUNKS} chunks per answer, ${GAP_MS} ms apart.`,
        'first token added = (client → Engawa → stub first chunk) − (client → stub first chunk), per pair.',
        'per chunk added = (stub write → client receipt via Engawa) − (same, direct) for chunk k of each pair, k ≥ 1.',
        'Stub, client and Engawa run on separate event loops (two worker threads and the main thread) of one process.',
        `Machine: ${os.cpus().length} CPUs, 1-minute load average ${loadBefore.toFixed(1)} before and ${os
          .loadavg()[0]!
          .toFixed(1)} after (tails grow with load from other processes).`,
      ],
      details: {
        requests: REQUESTS,
        warmup: WARMUP,
        chunks: CHUNKS,
        gapMs: GAP_MS,
        firstTokenAddedMs: fa,
        perChunkAddedMs: ca,
        firstTokenDirectMs: fd,
        firstTokenViaEngawaMs: fe,
        chunkLatencyDirectMs: cd,
        chunkLatencyViaEngawaMs: ce,
      },
    };
  } finally {
    await t.close();
    await clientWorker.terminate();
    await stub.worker.terminate();
  }
}
