import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { newId } from '../ids.ts';
import type { Bus, BusMessage } from './bus.ts';
import { Connection, toWire, type HubHost, type Subscription } from './hub.ts';
import { parseStream, STREAM_NAME } from './protocol.ts';
import { realtimeRepo, type StoredEvent } from './repo.ts';

/** Decides whether a person may read a stream `<prefix>:<id>`; registered by the module that owns it. */
export type StreamAuthorizer = (actor: Actor, id: string) => Promise<boolean> | boolean;

export interface RealtimeOptions {
  db: Kysely<DB>;
  log: FastifyBaseLogger;
  bus: Bus;
  instanceId: string;
  retentionMs: number;
  /** Cursor further behind than this many events: `resync` instead of a replay. */
  maxReplay?: number;
  /** How often to compare local cursors with the database heads (lost bus messages). */
  sweepIntervalMs?: number;
  heartbeatIntervalMs?: number;
}

/**
 * Live events for every connection of this instance. Commands never call it directly: they emit
 * through `runInTransaction` (outbox.ts), which stores the events inside the transaction and hands
 * them to `deliver` only after commit. Streams are per audience (`community:<id>`, `user:<id>`,
 * `company`), so a post in a 10k-member community is one row and one bus message; each
 * connection subscribes to the streams its user may read, and gets them replayed from its cursor.
 */
export class Realtime implements HubHost {
  readonly instanceId: string;
  readonly maxReplay: number;
  private readonly authorizers = new Map<string, StreamAuthorizer>();
  private readonly hub = new Map<string, Set<Subscription>>();
  private readonly connections = new Set<Connection>();
  private readonly timers: NodeJS.Timeout[] = [];
  private heartbeats = 0;
  /** Re-validates a connection's session (logout, disabled account) every few heartbeats. */
  private sessionCheck: ((actor: Actor) => Promise<Actor | null>) | undefined;

  constructor(private readonly opts: RealtimeOptions) {
    this.instanceId = opts.instanceId;
    this.maxReplay = opts.maxReplay ?? 1000;
    opts.bus.onMessage((m) => this.onBusMessage(m));
    opts.bus.onReconnect(() => void this.sweep());
    const sweep = setInterval(() => void this.sweep(), opts.sweepIntervalMs ?? 10_000);
    const heartbeat = setInterval(() => void this.heartbeat(), opts.heartbeatIntervalMs ?? 30_000);
    sweep.unref();
    heartbeat.unref();
    this.timers.push(sweep, heartbeat);
  }

  /** Registers who may read streams named `<prefix>:…`; each prefix has exactly one owner. */
  defineStream(prefix: string, authorizer: StreamAuthorizer): void {
    if (this.authorizers.has(prefix)) throw new Error(`realtime stream prefix "${prefix}" defined twice`);
    this.authorizers.set(prefix, authorizer);
  }

  /** Deny by default: unknown prefixes and malformed names are unreadable. */
  async mayRead(actor: Actor, stream: string): Promise<boolean> {
    if (!STREAM_NAME.test(stream)) return false;
    const { prefix, id } = parseStream(stream);
    const authorizer = this.authorizers.get(prefix);
    if (!authorizer) return false;
    return !!(await authorizer(actor, id));
  }

  /** True when `stream` is well-formed and has a registered owner (checked when emitting). */
  isKnownStream(stream: string): boolean {
    return STREAM_NAME.test(stream) && this.authorizers.has(parseStream(stream).prefix);
  }

  /** Resolves when events from other instances can arrive (the Redis subscription is active). */
  busReady(): Promise<void> {
    return this.opts.bus.ready();
  }

  setSessionCheck(check: (actor: Actor) => Promise<Actor | null>): void {
    this.sessionCheck = check;
  }

  /** Takes over an upgraded socket of a signed-in person. */
  accept(socket: WebSocket, actor: Actor): void {
    const conn = new Connection(socket, actor, this);
    this.connections.add(conn);
    conn.send({ type: 'hello', userId: actor.userId });
  }

  /** Committed events (called by the outbox after commit): local sockets now, other instances via the bus. */
  deliver(events: StoredEvent[]): void {
    if (!events.length) return;
    this.dispatch(events);
    this.opts.bus.publish({ kind: 'events', origin: this.instanceId, events });
  }

  /** Access to a stream changed (left, removed, made private): re-authorize its subscribers everywhere. */
  recheck(stream: string, userIds: string[] | null): void {
    void this.recheckLocal(stream, userIds);
    this.opts.bus.publish({ kind: 'recheck', origin: this.instanceId, stream, userIds });
  }

  /** Compares every local cursor with its stream's head and fetches what a lost message left out. */
  async sweep(): Promise<void> {
    const streams = [...this.hub.keys()];
    if (!streams.length) return;
    try {
      const heads = await realtimeRepo.heads(this.opts.db, streams);
      for (const [stream, head] of heads) for (const sub of this.hub.get(stream) ?? []) sub.nudge(head);
    } catch (err) {
      this.logError(err, 'realtime sweep failed');
    }
  }

  /** Deletes events older than the retention; returns how many. */
  prune(now: Date): Promise<number> {
    return realtimeRepo.prune(this.opts.db, new Date(now.getTime() - this.opts.retentionMs).toISOString());
  }

  stats(): { connections: number; subscriptions: number; streams: number } {
    let subscriptions = 0;
    for (const c of this.connections) subscriptions += c.subs.size;
    return { connections: this.connections.size, subscriptions, streams: this.hub.size };
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const c of [...this.connections]) c.close(1001, 'server shutting down');
    await this.opts.bus.close();
  }

  /* HubHost: what connections and subscriptions call back into. */

  async head(stream: string): Promise<number> {
    return (await realtimeRepo.heads(this.opts.db, [stream])).get(stream) ?? 0;
  }

  range(stream: string, after: number, upTo: number): Promise<StoredEvent[]> {
    return realtimeRepo.range(this.opts.db, stream, after, upTo);
  }

  attach(sub: Subscription): void {
    let set = this.hub.get(sub.stream);
    if (!set) this.hub.set(sub.stream, (set = new Set()));
    set.add(sub);
  }

  detach(sub: Subscription): void {
    const set = this.hub.get(sub.stream);
    if (!set) return;
    set.delete(sub);
    if (!set.size) this.hub.delete(sub.stream);
  }

  forget(conn: Connection): void {
    this.connections.delete(conn);
  }

  logError(err: unknown, msg: string): void {
    const e = err as Error | undefined;
    this.opts.log.error({ err: { message: e?.message, stack: e?.stack } }, msg);
  }

  /* internals */

  private dispatch(events: StoredEvent[]) {
    for (const ev of events) {
      const subs = this.hub.get(ev.stream);
      if (!subs?.size) continue;
      const wire = toWire(ev);
      for (const sub of subs) sub.offer(wire);
    }
  }

  private onBusMessage(m: BusMessage) {
    if (m.kind === 'events') this.dispatch(m.events);
    else void this.recheckLocal(m.stream, m.userIds);
  }

  private async recheckLocal(stream: string, userIds: string[] | null) {
    const subs = [...(this.hub.get(stream) ?? [])].filter(
      (s) => !userIds || userIds.includes(s.conn.actor.userId),
    );
    for (const sub of subs) {
      try {
        if (!(await this.mayRead(sub.conn.actor, stream))) sub.conn.drop(stream, 'denied');
      } catch (err) {
        this.logError(err, 'realtime recheck failed');
        sub.conn.drop(stream, 'denied');
      }
    }
  }

  private async heartbeat() {
    this.heartbeats += 1;
    const checkSessions = this.sessionCheck && this.heartbeats % 10 === 0;
    for (const conn of [...this.connections]) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
      if (checkSessions) {
        try {
          const actor = await this.sessionCheck!(conn.actor);
          if (!actor) conn.close(4401, 'session ended');
          else {
            conn.actor = actor;
            for (const stream of [...conn.subs.keys()]) {
              if (!(await this.mayRead(actor, stream))) conn.drop(stream, 'denied');
            }
          }
        } catch (err) {
          this.logError(err, 'realtime session check failed');
        }
      }
    }
  }
}

/** A fresh id for this process's instance (tags bus messages so an instance skips its own). */
export function newInstanceId(): string {
  return newId();
}
