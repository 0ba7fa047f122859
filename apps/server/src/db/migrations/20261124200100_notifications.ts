import { sql, type Kysely } from 'kysely';

/* Migrations never import app code: they describe tables with Kysely's schema builder only. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread_key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_actor_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('context', 'text')
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deliver_at', 'text', (c) => c.notNull())
    .addColumn('pushed_at', 'text')
    .addColumn('emailed_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  // One unread notification per person, kind and thread: later events of the thread fold into it.
  await db.schema
    .createIndex('notifications_unread_group_uq')
    .on('notifications')
    .columns(['user_id', 'kind', 'thread_key'])
    .unique()
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  // The in-app list, newest activity first.
  await db.schema
    .createIndex('notifications_user_updated_idx')
    .on('notifications')
    .columns(['user_id', 'updated_at', 'id'])
    .execute();
  // The deferred-push job: due and not yet pushed.
  await db.schema
    .createIndex('notifications_push_due_idx')
    .on('notifications')
    .column('deliver_at')
    .where(sql.ref('pushed_at'), 'is', null)
    .execute();
  // The digest job: not yet mailed.
  await db.schema
    .createIndex('notifications_mail_due_idx')
    .on('notifications')
    .columns(['user_id', 'deliver_at'])
    .where(sql.ref('emailed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('notifications_thread_idx').on('notifications').column('thread_key').execute();

  await db.schema
    .createTable('notification_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('user_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_digests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('last_window_start', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_digests').execute();
  await db.schema.dropTable('notification_batches').execute();
  await db.schema.dropTable('notifications').execute();
}
