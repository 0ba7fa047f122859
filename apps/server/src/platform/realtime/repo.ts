import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** An event as stored and as sent: `seq` is its id within `stream` (dense, 1, 2, 3, …). */
export interface StoredEvent {
  stream: string;
  seq: number;
  type: string;
  payload: unknown;
  at: string;
}

/** The only place with SQL for live events. */
export const realtimeRepo = {
  /**
   * Reserves `count` ids on a stream inside the caller's transaction and returns the last one.
   * The upsert takes the stream's counter row lock until commit, so a second writer on the same
   * stream waits: ids become visible in the order they were allocated (no id 11 before 10).
   */
  async allocate(tx: Transaction<DB>, stream: string, count: number, now: string): Promise<number> {
    const row = await tx
      .insertInto('realtime_streams')
      .values({ stream, last_seq: count, updated_at: now })
      .onConflict((oc) =>
        oc.column('stream').doUpdateSet({
          last_seq: sql<number>`realtime_streams.last_seq + ${count}`,
          updated_at: now,
        }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return Number(row.last_seq);
  },

  async insertEvents(tx: Transaction<DB>, rows: StoredEvent[]): Promise<void> {
    if (!rows.length) return;
    await tx
      .insertInto('realtime_events')
      .values(
        rows.map((e) => ({
          stream: e.stream,
          seq: e.seq,
          type: e.type,
          payload: JSON.stringify(e.payload),
          created_at: e.at,
        })),
      )
      .execute();
  },

  /** The last committed id of each stream (0 for a stream that never had an event). */
  async heads(db: Q, streams: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < streams.length; i += 500) {
      const chunk = streams.slice(i, i + 500);
      const rows = await db
        .selectFrom('realtime_streams')
        .select(['stream', 'last_seq'])
        .where('stream', 'in', chunk)
        .execute();
      for (const r of rows) out.set(r.stream, Number(r.last_seq));
    }
    for (const s of streams) if (!out.has(s)) out.set(s, 0);
    return out;
  },

  /** Events with after < seq <= upTo, in id order. */
  async range(db: Q, stream: string, after: number, upTo: number): Promise<StoredEvent[]> {
    const rows = await db
      .selectFrom('realtime_events')
      .select(['stream', 'seq', 'type', 'payload', 'created_at'])
      .where('stream', '=', stream)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      stream: r.stream,
      seq: Number(r.seq),
      type: r.type,
      payload: JSON.parse(r.payload) as unknown,
      at: r.created_at,
    }));
  },

  /** Deletes events created before `before`; stream counters stay, so ids never restart. */
  async prune(db: Q, before: string): Promise<number> {
    const res = await db.deleteFrom('realtime_events').where('created_at', '<', before).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
