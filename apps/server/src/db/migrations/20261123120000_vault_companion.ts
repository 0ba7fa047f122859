import type { Kysely } from 'kysely';

/*
 * The vault (wrapped per-user data keys, wrapped system secrets) and the companion's encrypted
 * tables. Every content column holds vault ciphertext; rows are found by `owner_tag`, a keyed
 * pseudonym only the owner's key produces, never by user id; the only plaintext about use is
 * `expires_at` (rounded up to a whole day), which the retention job needs.
 * Migrations never import app code.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vault_keys')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vault_keys_master_key_idx').on('vault_keys').column('master_key_id').execute();

  await db.schema
    .createTable('vault_secrets')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_secret', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vault_secrets_pk', ['purpose', 'name'])
    .execute();

  await db.schema
    .createTable('companion_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_tag', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('messages', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema
    .createIndex('companion_conversations_owner_idx')
    .on('companion_conversations')
    .column('owner_tag')
    .execute();
  await db.schema
    .createIndex('companion_conversations_expires_idx')
    .on('companion_conversations')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('companion_summaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_tag', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('companion_conversations.id').onDelete('cascade'),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('companion_summaries_conversation_idx')
    .on('companion_summaries')
    .columns(['conversation_id', 'owner_tag'])
    .execute();
  await db.schema
    .createIndex('companion_summaries_owner_idx')
    .on('companion_summaries')
    .column('owner_tag')
    .execute();

  await db.schema
    .createTable('companion_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_tag', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('companion_notes_owner_idx')
    .on('companion_notes')
    .column('owner_tag')
    .execute();

  // Distinct users per month without a per-person record: keyed hashes under the month's secret
  // (a vault system secret, deleted when the month is closed), then only the final count.
  await db.schema
    .createTable('companion_monthly_users')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('user_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('companion_monthly_users_pk', ['month', 'user_hash'])
    .execute();
  await db.schema
    .createTable('companion_monthly_counts')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('users', 'integer', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'companion_monthly_counts',
    'companion_monthly_users',
    'companion_notes',
    'companion_summaries',
    'companion_conversations',
    'vault_secrets',
    'vault_keys',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
