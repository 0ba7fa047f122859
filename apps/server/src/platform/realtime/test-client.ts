import { WebSocket } from 'ws';
import type { ZodApp } from '../../app.ts';

/** A frame the server sent. */
export interface Frame {
  type: string;
  stream?: string;
  id?: number;
  event?: string;
  payload?: unknown;
  head?: number;
  code?: string;
}

/** The port a test app listens on (starts listening on a random loopback port the first time). */
export async function listen(app: ZodApp): Promise<number> {
  const existing = app.server.address();
  if (existing && typeof existing === 'object') return existing.port;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr !== 'object') throw new Error('not listening');
  return addr.port;
}

/**
 * A test client for GET /api/events/ws, built on the `ws` package like a real non-browser client:
 * it keeps every frame, and a per-stream list of received event ids so tests can compare them
 * with the server's sequence.
 */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly events = new Map<string, Array<{ id: number; event: string; payload: unknown }>>();
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      if (frame.type === 'event' && frame.stream) {
        let list = this.events.get(frame.stream);
        if (!list) this.events.set(frame.stream, (list = []));
        list.push({ id: frame.id!, event: frame.event!, payload: frame.payload });
      }
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Opens a socket; rejects with `status <code>` when the server refuses the upgrade. */
  static open(port: number, opts: { cookie?: string; origin?: string | null } = {}): Promise<TestSocket> {
    const headers: Record<string, string> = {};
    if (opts.cookie) headers.cookie = opts.cookie;
    const origin = opts.origin === undefined ? `http://127.0.0.1:${port}` : opts.origin;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events/ws`, {
      headers,
      ...(origin ? { origin } : {}),
    });
    return new Promise((resolve, reject) => {
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`status ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(streams: Array<{ stream: string; after?: number | null }>): void {
    this.send({ type: 'subscribe', streams });
  }

  /** The last id received on a stream (what a client resumes from), or the resync head if later. */
  cursor(stream: string): number {
    let c = 0;
    for (const f of this.frames) {
      if (f.stream !== stream) continue;
      if (f.type === 'event' && f.id! > c) c = f.id!;
      if ((f.type === 'resync' || f.type === 'subscribed') && f.head! > c) c = f.head!;
    }
    return c;
  }

  /** Resolves when `predicate` holds (checked on every frame); rejects after `timeoutMs`. */
  async until(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  frame(predicate: (f: Frame) => boolean): Frame | undefined {
    return this.frames.find(predicate);
  }

  /** Drops the connection without a close handshake (a network drop or a laptop going to sleep). */
  drop(): void {
    this.ws.terminate();
    this.closed = true;
  }

  close(): void {
    this.ws.close();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
