import type { Kysely } from 'kysely';

/* Migrations never import app code: they describe tables with Kysely's schema builder only. */

/**
 * Live events. `realtime_streams` holds one counter row per stream; a writing transaction bumps it
 * (row lock until commit), so per stream the event ids are dense and commit order equals id order.
 * `realtime_events` keeps the events for a bounded time so reconnecting clients can replay them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('realtime_streams')
    .addColumn('stream', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('realtime_events')
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('realtime_events_pk', ['stream', 'seq'])
    .execute();
  await db.schema
    .createIndex('realtime_events_created_idx')
    .on('realtime_events')
    .column('created_at')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('realtime_events').execute();
  await db.schema.dropTable('realtime_streams').execute();
}
