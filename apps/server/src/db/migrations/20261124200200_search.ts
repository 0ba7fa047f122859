import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* Migrations never import app code: they describe tables with Kysely's schema builder only. */

/**
 * The search index: one row per post, comment and community, holding the normalised text, plus
 * an inverted index of its CJK bigrams and words — an FTS5 table on SQLite, a GIN-indexed tsvector
 * column on PostgreSQL (lexemes are written literally, no text-search parser or extension involved).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_docs')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) =>
      isPg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('post_kind', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('norm', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_docs_doc_uq', ['doc_type', 'doc_id'])
    .execute();
  await db.schema
    .createIndex('search_docs_created_idx')
    .on('search_docs')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('search_docs_community_idx')
    .on('search_docs')
    .columns(['community_id', 'created_at'])
    .execute();
  await db.schema.createIndex('search_docs_post_idx').on('search_docs').column('post_id').execute();
  await db.schema.createIndex('search_docs_author_idx').on('search_docs').column('author_id').execute();
  if (isPg) {
    await sql`ALTER TABLE search_docs ADD COLUMN tokens tsvector NOT NULL DEFAULT ''::tsvector`.execute(db);
    await sql`CREATE INDEX search_docs_tokens_gin ON search_docs USING GIN (tokens)`.execute(db);
  } else {
    // Contentless: the table keeps only the inverted index; rowid = search_docs.id.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii')`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!isPg) await sql`DROP TABLE search_fts`.execute(db);
  await db.schema.dropTable('search_docs').execute();
}
