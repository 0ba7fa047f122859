import type { Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { realtimeRepo, type StoredEvent } from './repo.ts';

/** Largest payload an event may carry; events say *what changed*, clients fetch details over REST. */
export const MAX_EVENT_PAYLOAD_BYTES = 16 * 1024;

export interface EventInput {
  /** Who receives it: `community:<id>`, `user:<id>`, `company`, … (a registered prefix). */
  stream: string;
  /** Event name, e.g. `post.created`. */
  type: string;
  /** Small JSON; readable by everyone who may read the stream. */
  payload?: unknown;
}

/**
 * Collects live events during a transaction. Nothing here sends anything: events are written in
 * the same transaction and delivered only after it commits, so a rolled-back command emits nothing.
 */
export interface EventSink {
  emit(event: EventInput): void;
  /** After commit, re-authorize the subscribers of `stream` (all, or only `userIds`): membership changed. */
  accessChanged(stream: string, userIds?: readonly string[]): void;
}

/** What a command body gets: the transaction, the event sink and an after-commit hook. */
export interface TxContext {
  deps: AppDeps;
  tx: Transaction<DB>;
  events: EventSink;
  /** Runs after a successful commit (errors are logged, never thrown to the caller). */
  afterCommit(fn: () => void | Promise<void>): void;
}

/**
 * The pieces of `runInTransaction`, for code that already owns a transaction (e.g. an event listener
 * called inside another module's command): `sink` collects, `flush(tx)` stores inside the
 * transaction, `deliver()` hands the stored events to the realtime service after commit.
 */
export class Outbox {
  private pending: EventInput[] = [];
  private rechecks: Array<{ stream: string; userIds: string[] | null }> = [];
  private stored: StoredEvent[] = [];
  private state: 'open' | 'flushed' | 'delivered' = 'open';
  readonly sink: EventSink;

  constructor(private readonly deps: AppDeps) {
    this.sink = {
      emit: (event) => {
        if (this.state !== 'open') throw new Error('realtime: emit() after the events were stored');
        if (!deps.realtime.isKnownStream(event.stream)) {
          throw new Error(`realtime: unknown stream "${event.stream}"`);
        }
        const size = Buffer.byteLength(JSON.stringify(event.payload ?? null));
        if (size > MAX_EVENT_PAYLOAD_BYTES)
          throw new Error(`realtime: payload of ${size} bytes is too large`);
        this.pending.push({ stream: event.stream, type: event.type, payload: event.payload ?? null });
      },
      accessChanged: (stream, userIds) => {
        if (this.state !== 'open') throw new Error('realtime: accessChanged() after the events were stored');
        this.rechecks.push({ stream, userIds: userIds ? [...userIds] : null });
      },
    };
  }

  /** Stores the collected events in `tx` (call last, just before commit). */
  async flush(tx: Transaction<DB>): Promise<void> {
    if (this.state !== 'open') throw new Error('realtime: outbox flushed twice');
    this.state = 'flushed';
    this.stored = await appendEvents(tx, this.pending);
  }

  /** After commit only: delivers the stored events and access re-checks. */
  deliver(): void {
    if (this.state !== 'flushed') throw new Error('realtime: deliver() before flush()');
    this.state = 'delivered';
    this.deps.realtime.deliver(this.stored);
    for (const r of this.rechecks) this.deps.realtime.recheck(r.stream, r.userIds);
  }
}

/**
 * Runs a command in one transaction and delivers its events after commit. The only way to emit a
 * live event, so no event can be delivered for data that is not committed. Do not nest calls.
 *
 * ```ts
 * await runInTransaction(deps, async ({ tx, events }) => {
 *   const post = await communityRepo.insertPost(tx, …);
 *   events.emit({ stream: `community:${post.communityId}`, type: 'post.created', payload: { postId: post.id } });
 * });
 * ```
 */
export async function runInTransaction<T>(deps: AppDeps, fn: (ctx: TxContext) => Promise<T>): Promise<T> {
  const outbox = new Outbox(deps);
  const after: Array<() => void | Promise<void>> = [];
  const result = await deps.db.transaction().execute(async (tx) => {
    const value = await fn({ deps, tx, events: outbox.sink, afterCommit: (f) => void after.push(f) });
    await outbox.flush(tx);
    return value;
  });
  try {
    outbox.deliver();
  } catch (err) {
    // Committed already: the sweep delivers the events from the table; never fail the command now.
    deps.realtime.logError(err, 'realtime delivery failed');
  }
  for (const f of after) {
    try {
      await f();
    } catch (err) {
      deps.realtime.logError(err, 'after-commit hook failed');
    }
  }
  return result;
}

/**
 * Stores events at the end of the transaction. Streams are locked in name order (no deadlock
 * between two commands touching the same streams) and as late as possible (short lock time).
 */
async function appendEvents(tx: Transaction<DB>, pending: EventInput[]): Promise<StoredEvent[]> {
  if (!pending.length) return [];
  const byStream = new Map<string, EventInput[]>();
  for (const e of pending) {
    const list = byStream.get(e.stream);
    if (list) list.push(e);
    else byStream.set(e.stream, [e]);
  }
  const at = nowIso();
  const stored: StoredEvent[] = [];
  for (const stream of [...byStream.keys()].sort()) {
    const list = byStream.get(stream)!;
    const last = await realtimeRepo.allocate(tx, stream, list.length, at);
    list.forEach((e, i) =>
      stored.push({ stream, seq: last - list.length + 1 + i, type: e.type, payload: e.payload, at }),
    );
  }
  await realtimeRepo.insertEvents(tx, stored);
  return stored;
}
