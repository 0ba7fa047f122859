import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { nowMs } from './lib.ts';

/**
 * The measuring side of the realtime bench, on its own event loop: opens `clients` WebSockets to
 * GET /api/events/ws, subscribes each to `stream`, and records for every event frame the time from
 * the event's commit stamp (`payload.t`) to its receipt. Reports when every socket has `expect`
 * events.
 */
export interface RealtimeWorkerData {
  url: string;
  origin: string;
  cookies: string[];
  clients: number;
  stream: string;
  expect: number;
}

export type RealtimeWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; latencies: number[]; frames: number; outOfOrder: number }
  | { type: 'error'; message: string };

const data = workerData as RealtimeWorkerData;
const port = parentPort!;
const latencies: number[] = [];
let frames = 0;
let outOfOrder = 0;
let subscribed = 0;
let complete = 0;
const sockets: WebSocket[] = [];

function open(i: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(data.url, {
      headers: { cookie: data.cookies[i % data.cookies.length]! },
      origin: data.origin,
    });
    let last = 0;
    let count = 0;
    ws.on('message', (raw) => {
      const f = JSON.parse(raw.toString()) as { type: string; id?: number; payload?: { t: number } };
      if (f.type === 'subscribed') {
        subscribed += 1;
        if (subscribed === data.clients) port.postMessage({ type: 'ready' } satisfies RealtimeWorkerMessage);
      } else if (f.type === 'event') {
        latencies.push(nowMs() - f.payload!.t);
        frames += 1;
        if (f.id !== last + 1 && last !== 0) outOfOrder += 1;
        last = f.id!;
        count += 1;
        if (count === data.expect) {
          complete += 1;
          if (complete === data.clients) {
            port.postMessage({ type: 'done', latencies, frames, outOfOrder } satisfies RealtimeWorkerMessage);
            for (const s of sockets) s.close();
          }
        }
      }
    });
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', streams: [{ stream: data.stream }] }));
      resolve();
    });
    ws.once('error', reject);
    sockets.push(ws);
  });
}

async function main() {
  for (let i = 0; i < data.clients; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, data.clients - i) }, (_, k) => open(i + k)));
  }
}

main().catch((err: unknown) => {
  port.postMessage({ type: 'error', message: String(err) } satisfies RealtimeWorkerMessage);
});
