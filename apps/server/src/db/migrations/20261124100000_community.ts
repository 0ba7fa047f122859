import type { Kysely } from 'kysely';

/*
 * Communities, posts (all kinds, including know-how), comments, reactions, signals, announcement
 * confirmations, mentions, attachments, reports and incoming webhooks. Migrations never import app
 * code. Timestamps are ISO text, booleans 0/1 integers; no dialect-specific SQL.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // NFKC + lower-case + trimmed name: one community per name, whatever the width or case.
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('private_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('last_post_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('communities_created_idx')
    .on('communities')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('communities_visibility_idx')
    .on('communities')
    .columns(['visibility', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('community_topics')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_topics_pk', ['community_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('community_topics_topic_idx')
    .on('community_topics')
    .columns(['topic', 'community_id'])
    .execute();

  await db.schema
    .createTable('community_members')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('community_members_user_idx')
    .on('community_members')
    .columns(['user_id', 'community_id'])
    .execute();

  await db.schema
    .createTable('community_rules_acks')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_rules_acks_pk', ['community_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('conduct_acks')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('community_reads')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('last_read_at', 'text', (c) => c.notNull())
    .addColumn('last_read_post_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_reads_pk', ['user_id', 'community_id'])
    .execute();

  await db.schema
    .createTable('community_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('community_webhooks_community_idx')
    .on('community_webhooks')
    .column('community_id')
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('webhook_id', 'text', (c) => c.references('community_webhooks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('fields', 'text')
    .addColumn('fields_html', 'text')
    .addColumn('company_wide', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requires_confirmation', 'integer', (c) => c.notNull().defaultTo(0))
    // An organizer's rare "urgent" announcement: notified even outside working hours.
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned_at', 'text')
    .addColumn('accepted_comment_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('visible'))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  // The feed and community pages read newest-first per community: keyset over this index.
  await db.schema
    .createIndex('posts_community_created_idx')
    .on('posts')
    .columns(['community_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('posts_company_wide_idx')
    .on('posts')
    .columns(['company_wide', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('posts_kind_created_idx')
    .on('posts')
    .columns(['kind', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('posts_author_idx').on('posts').column('author_id').execute();

  await db.schema
    .createTable('post_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('editor_id', 'text', (c) => c.references('users.id'))
    .addColumn('title', 'text')
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('fields', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('post_revisions_post_idx')
    .on('post_revisions')
    .columns(['post_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('visible'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('comments_post_idx')
    .on('comments')
    .columns(['post_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('reactions')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['subject_type', 'subject_id', 'reaction', 'user_id'])
    .execute();

  await db.schema
    .createTable('post_signals')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('signal', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_signals_pk', ['post_id', 'signal', 'user_id'])
    .execute();

  await db.schema
    .createTable('announcement_confirmations')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_confirmations_pk', ['post_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentions_pk', ['source_type', 'source_id', 'user_id'])
    .execute();
  await db.schema.createIndex('mentions_user_idx').on('mentions').column('user_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uploader_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_post_idx').on('attachments').column('post_id').execute();
  await db.schema.createIndex('attachments_uploader_idx').on('attachments').column('uploader_id').execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_queue_idx')
    .on('reports')
    .columns(['status', 'community_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('reports_subject_idx')
    .on('reports')
    .columns(['subject_type', 'subject_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'reports',
    'attachments',
    'mentions',
    'announcement_confirmations',
    'post_signals',
    'reactions',
    'comments',
    'post_revisions',
    'posts',
    'community_webhooks',
    'community_reads',
    'conduct_acks',
    'community_rules_acks',
    'community_members',
    'community_topics',
    'communities',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
