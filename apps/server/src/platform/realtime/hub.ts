import type { WebSocket } from 'ws';
import type { Actor } from '../actor.ts';
import { ClientMessage, MAX_SUBSCRIPTIONS } from './protocol.ts';
import type { StoredEvent } from './repo.ts';

/**
 * A committed event plus its frame, serialised and UTF-8 encoded once per instance and reused for
 * every socket (with 500 subscribers, encoding per socket was a measurable share of delivery time).
 */
export interface WireEvent extends StoredEvent {
  frame: Buffer;
}

export function toWire(ev: StoredEvent): WireEvent {
  return {
    ...ev,
    frame: Buffer.from(
      JSON.stringify({
        type: 'event',
        stream: ev.stream,
        id: ev.seq,
        event: ev.type,
        payload: ev.payload,
        at: ev.at,
      }),
    ),
  };
}

/** What a connection needs from the service (kept narrow so the hub is easy to reason about). */
export interface HubHost {
  maxReplay: number;
  mayRead(actor: Actor, stream: string): Promise<boolean>;
  head(stream: string): Promise<number>;
  range(stream: string, after: number, upTo: number): Promise<StoredEvent[]>;
  attach(sub: Subscription): void;
  detach(sub: Subscription): void;
  forget(conn: Connection): void;
  logError(err: unknown, msg: string): void;
}

/** Above this many unsent bytes the client is too slow: close it; it reconnects with its cursor. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Client messages allowed per window; a client that sends more is disconnected (1008). */
const MESSAGE_BUDGET = 120;
const MESSAGE_WINDOW_MS = 60_000;

/**
 * One stream on one connection. Everything that sends is serialised through `chain`, so a client
 * sees the replay, then live events, in id order, each id once. Invariant: every id ≤ `lastSent`
 * has been sent (or covered by a `resync`), none above it.
 */
export class Subscription {
  lastSent = 0;
  closed = false;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly conn: Connection,
    readonly stream: string,
    private readonly host: HubHost,
  ) {}

  /** A live event (local or from another instance): send it now if it is the next id, else catch up. */
  offer(ev: WireEvent): void {
    if (this.closed) return;
    if (this.queued === 0) {
      if (ev.seq <= this.lastSent) return;
      if (ev.seq === this.lastSent + 1) {
        this.lastSent = ev.seq;
        this.conn.sendFrame(ev.frame);
        return;
      }
    }
    this.enqueue(() => this.catchUp(ev.seq, ev));
  }

  /** First task of a subscription: replay after the client's cursor up to the current head. */
  start(after: number | null): void {
    this.enqueue(async () => {
      const head = await this.host.head(this.stream);
      if (after === null) this.lastSent = head;
      else if (after > head) this.resync(head);
      else {
        this.lastSent = after;
        await this.catchUp(head);
      }
      if (!this.closed) this.conn.send({ type: 'subscribed', stream: this.stream, head: this.lastSent });
    });
  }

  /** Periodic sweep found a newer head (e.g. a lost bus message): fetch what is missing. */
  nudge(head: number): void {
    if (this.closed || head <= this.lastSent || this.queued > 0) return;
    this.enqueue(() => this.catchUp(head));
  }

  /** Sends every id in (lastSent, target] from the database (or `ev` itself when it is the next one). */
  private async catchUp(target: number, ev?: WireEvent): Promise<void> {
    if (this.closed || target <= this.lastSent) return;
    if (ev && ev.seq === this.lastSent + 1) {
      this.lastSent = ev.seq;
      this.conn.sendFrame(ev.frame);
      return;
    }
    if (target - this.lastSent > this.host.maxReplay) return this.resync(target);
    const rows = await this.host.range(this.stream, this.lastSent, target);
    if (this.closed) return;
    // Ids are dense per stream and every id ≤ target is committed, so a shortfall means pruned.
    if (rows.length !== target - this.lastSent) return this.resync(target);
    for (const row of rows) {
      this.lastSent = row.seq;
      this.conn.sendFrame(toWire(row).frame);
    }
  }

  private resync(head: number) {
    this.lastSent = head;
    this.conn.send({ type: 'resync', stream: this.stream, head });
  }

  private enqueue(task: () => Promise<void>) {
    this.queued += 1;
    this.chain = this.chain
      .then(task)
      .catch((err: unknown) => {
        this.host.logError(err, 'realtime subscription task failed');
        // The client cannot trust its position any more: make it reconnect with its cursor.
        this.conn.close(1011, 'internal error');
      })
      .finally(() => {
        this.queued -= 1;
      });
  }
}

/** One WebSocket of one signed-in person. */
export class Connection {
  readonly subs = new Map<string, Subscription>();
  alive = true;
  private closed = false;
  /** Client messages are handled one at a time, in arrival order. */
  private inbox: Promise<void> = Promise.resolve();
  private budget = MESSAGE_BUDGET;
  private budgetSince = Date.now();

  constructor(
    readonly socket: WebSocket,
    public actor: Actor,
    private readonly host: HubHost,
  ) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.send({ type: 'error', code: 'realtime.bad_message' });
      if (Date.now() - this.budgetSince > MESSAGE_WINDOW_MS) {
        this.budget = MESSAGE_BUDGET;
        this.budgetSince = Date.now();
      }
      if (--this.budget < 0) return this.close(1008, 'too many messages');
      const raw = data.toString();
      this.inbox = this.inbox
        .then(() => this.handle(raw))
        .catch((err: unknown) => {
          this.host.logError(err, 'realtime message failed');
        });
    });
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  send(message: Record<string, unknown>): void {
    this.sendFrame(JSON.stringify(message));
  }

  /** Sends a text frame (a Buffer is sent as text too: it is UTF-8 JSON). */
  sendFrame(frame: string | Buffer): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(1013, 'too slow');
      return;
    }
    this.socket.send(frame, { binary: false });
  }

  close(code: number, reason: string): void {
    if (!this.closed) this.socket.close(code, reason);
    this.dispose();
  }

  /** Stops one subscription (unsubscribe, or access withdrawn). */
  drop(stream: string, notify?: 'denied'): void {
    const sub = this.subs.get(stream);
    if (!sub) return;
    sub.closed = true;
    this.subs.delete(stream);
    this.host.detach(sub);
    if (notify) this.send({ type: notify, stream });
  }

  private async handle(raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.send({ type: 'error', code: 'realtime.bad_message' });
    }
    const msg = ClientMessage.safeParse(parsed);
    if (!msg.success) return this.send({ type: 'error', code: 'realtime.bad_message' });
    const m = msg.data;
    if (m.type === 'ping') return this.send({ type: 'pong' });
    if (m.type === 'unsubscribe') {
      for (const s of m.streams) this.drop(s);
      return;
    }
    for (const { stream, after } of m.streams) {
      if (this.closed) return;
      if (this.subs.has(stream)) continue;
      if (this.subs.size >= MAX_SUBSCRIPTIONS) {
        this.send({ type: 'error', code: 'realtime.too_many_streams', stream });
        continue;
      }
      // Authorize before anything about the stream (even its head) is revealed.
      const ok = await this.host.mayRead(this.actor, stream);
      if (this.closed) return;
      if (!ok) {
        this.send({ type: 'denied', stream });
        continue;
      }
      if (this.subs.has(stream)) continue;
      const sub = new Subscription(this, stream, this.host);
      this.subs.set(stream, sub);
      // Attach before reading the head: a live event committed after the head read is then queued
      // behind the replay; one at or below the head is dropped as already sent.
      this.host.attach(sub);
      sub.start(after ?? null);
    }
  }

  private dispose() {
    if (this.closed) return;
    this.closed = true;
    for (const sub of this.subs.values()) {
      sub.closed = true;
      this.host.detach(sub);
    }
    this.subs.clear();
    this.host.forget(this);
  }
}
