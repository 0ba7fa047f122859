import { parentPort, workerData } from 'node:worker_threads';

/**
 * The paced load generator of the feed bench, in its own thread so it never shares an event loop
 * with the server it measures. Open loop: request i is due at start + i/rate and is sent then
 * whether or not earlier ones have answered; its latency counts from when it was DUE (so a stalled
 * server cannot hide its queue: no coordinated omission).
 */
export interface FeedWorkerData {
  origin: string;
  headers: Record<string, string>;
  paths: string[];
  rate: number;
  seconds: number;
}

export interface FeedWorkerReport {
  latencies: number[];
  errors: number;
}

async function main(d: FeedWorkerData): Promise<FeedWorkerReport> {
  const total = Math.round(d.rate * d.seconds);
  const interval = 1000 / d.rate;
  const latencies: number[] = [];
  let errors = 0;
  // Warm the HTTP client (connection pool, parser) outside the measured window.
  for (let i = 0; i < 10; i++)
    await (await fetch(`${d.origin}${d.paths[0]!}`, { headers: d.headers })).arrayBuffer();
  const start = performance.now() + 50;
  const inflight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const path = d.paths[i % d.paths.length]!;
    inflight.push(
      fetch(`${d.origin}${path}`, { headers: d.headers })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) errors += 1;
          latencies.push(performance.now() - due);
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(inflight);
  return { latencies, errors };
}

void main(workerData as FeedWorkerData).then((report) => parentPort!.postMessage(report));
