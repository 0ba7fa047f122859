import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { monoMs } from './lib.ts';

/**
 * The measuring side of the realtime bench, on its own event loop: opens `clients` WebSockets to
 * GET /api/events/ws (one session each), subscribes each to `stream`, and records, for every
 * `post.created` frame, its receipt time on the process-wide monotonic clock (the main thread
 * matches it with the post's commit stamp) and, as a cross-check, the wall-clock time since the
 * event's own `at` (the app's stamp, 1 ms resolution). Reports when every socket has `expect`
 * posts.
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
  | {
      type: 'done';
      /**
       * Per post id: the monotonic receipt time (ms) on each socket, and receipt (Date.now) − the
       * event's `at` on each socket.
       */
      receipts: Array<[postId: string, times: number[], fromAt: number[]]>;
      frames: number;
      outOfOrder: number;
    }
  | { type: 'error'; message: string };

const data = workerData as RealtimeWorkerData;
const port = parentPort!;
const receipts = new Map<string, { times: number[]; fromAt: number[] }>();
let frames = 0;
let outOfOrder = 0;
let subscribed = 0;
let complete = 0;
const sockets: WebSocket[] = [];

interface Frame {
  type: string;
  stream?: string;
  id?: number;
  event?: string;
  at?: string;
  payload?: { postId?: string };
}

function open(i: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(data.url, {
      headers: { cookie: data.cookies[i % data.cookies.length]! },
      origin: data.origin,
    });
    let last = 0;
    let count = 0;
    ws.on('message', (raw) => {
      const received = monoMs();
      const wall = Date.now();
      const f = JSON.parse(raw.toString()) as Frame;
      if (f.type === 'subscribed') {
        subscribed += 1;
        if (subscribed === data.clients) port.postMessage({ type: 'ready' } satisfies RealtimeWorkerMessage);
      } else if (f.type === 'denied' || f.type === 'resync' || f.type === 'error') {
        port.postMessage({
          type: 'error',
          message: `socket ${i}: ${raw.toString()}`,
        } satisfies RealtimeWorkerMessage);
      } else if (f.type === 'event' && f.stream === data.stream) {
        if (f.id !== last + 1 && last !== 0) outOfOrder += 1;
        last = f.id!;
        if (f.event !== 'post.created') return;
        const postId = f.payload!.postId!;
        let entry = receipts.get(postId);
        if (!entry) receipts.set(postId, (entry = { times: [], fromAt: [] }));
        entry.times.push(received);
        entry.fromAt.push(wall - Date.parse(f.at!));
        frames += 1;
        count += 1;
        if (count === data.expect) {
          complete += 1;
          if (complete === data.clients) {
            port.postMessage({
              type: 'done',
              receipts: [...receipts].map(([id, e]) => [id, e.times, e.fromAt]),
              frames,
              outOfOrder,
            } satisfies RealtimeWorkerMessage);
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
