import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isSafeToken, type QueryTerm } from './query.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type SearchDocType = 'post' | 'comment' | 'community';

export interface SearchDocRow {
  doc_type: SearchDocType;
  doc_id: string;
  community_id: string;
  post_id: string | null;
  author_id: string | null;
  post_kind: string | null;
  title: string;
  body: string;
  norm: string;
  created_at: string;
  tokens: string[];
}

/** Results come newest-indexed first (`search_docs.id`, given when a document is first indexed). */
export interface SearchCursor {
  id: number;
}

export interface SearchFilter {
  userId: string;
  terms: QueryTerm[];
  communityId?: string;
  types?: SearchDocType[];
  postKind?: string;
  authorId?: string;
  cursor?: SearchCursor;
  limit: number;
  /** Without an index term, only the newest this-many documents are scanned. */
  scanMax: number;
  /** PostgreSQL looks at the newest this-many documents first (see `search`). */
  recentWindow?: number;
}

function isPostgres(db: Q): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** tsvector / tsquery literal of one lexeme (tokens are letters, digits and marks only; quoted anyway). */
function pgLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function safeTokens(tokens: readonly string[]): string[] {
  return tokens.filter(isSafeToken);
}

/**
 * The only place with SQL for the search index. Visibility is decided here at query time from the
 * community module's own tables (read-only): a document shows only if its community is open or the
 * reader is a member, and its post / comment is visible and not deleted — so a missed index update
 * can never reveal hidden or private content.
 */
export const searchRepo = {
  async upsert(tx: Q, doc: SearchDocRow, now: string): Promise<void> {
    const tokens = safeTokens(doc.tokens);
    const values = {
      doc_type: doc.doc_type,
      doc_id: doc.doc_id,
      community_id: doc.community_id,
      post_id: doc.post_id,
      author_id: doc.author_id,
      post_kind: doc.post_kind,
      title: doc.title,
      body: doc.body,
      norm: doc.norm,
      created_at: doc.created_at,
      updated_at: now,
    };
    const row = await tx
      .insertInto('search_docs')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['doc_type', 'doc_id']).doUpdateSet({
          community_id: values.community_id,
          post_id: values.post_id,
          author_id: values.author_id,
          post_kind: values.post_kind,
          title: values.title,
          body: values.body,
          norm: values.norm,
          updated_at: now,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (isPostgres(tx)) {
      const literal = tokens.map(pgLexeme).join(' ');
      await sql`UPDATE search_docs SET tokens = CAST(${literal} AS tsvector) WHERE id = ${id}`.execute(tx);
    } else {
      await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(tx);
      await sql`INSERT INTO search_fts (rowid, tokens) VALUES (${id}, ${tokens.join(' ')})`.execute(tx);
    }
  },

  async remove(tx: Q, docType: SearchDocType, docId: string): Promise<void> {
    const rows = await tx
      .deleteFrom('search_docs')
      .where('doc_type', '=', docType)
      .where('doc_id', '=', docId)
      .returning('id')
      .execute();
    await dropFts(
      tx,
      rows.map((r) => Number(r.id)),
    );
  },

  /** Removes a post and every comment indexed under it. */
  async removePost(tx: Q, postId: string): Promise<void> {
    const rows = await tx
      .deleteFrom('search_docs')
      .where('post_id', '=', postId)
      .where('doc_type', 'in', ['post', 'comment'])
      .returning('id')
      .execute();
    await dropFts(
      tx,
      rows.map((r) => Number(r.id)),
    );
  },

  async exists(db: Q, docType: SearchDocType, docId: string): Promise<boolean> {
    const row = await db
      .selectFrom('search_docs')
      .select('id')
      .where('doc_type', '=', docType)
      .where('doc_id', '=', docId)
      .executeTakeFirst();
    return !!row;
  },

  async search(db: Q, f: SearchFilter) {
    const pg = isPostgres(db);
    if (!pg || !f.terms.some((t) => t.tokens.length)) return searchQuery(db, f, 'all');
    // PostgreSQL: a term whose bigrams are all common makes the planner fetch every match from the
    // GIN index and sort it (0.5 s at 100k posts). The newest documents usually fill a page, so look
    // there first; the index is only asked about older ones when they do not.
    const recent = await searchQuery(db, f, 'recent');
    if (recent.length >= f.limit) return recent;
    const older = await searchQuery(db, { ...f, limit: f.limit - recent.length }, 'older');
    return [...recent, ...older];
  },

  /* Reads of community tables, for indexing what the community module's events point at. */

  post(db: Q, id: string) {
    return db
      .selectFrom('posts')
      .select(['id', 'community_id', 'author_id', 'kind', 'title', 'body_md', 'fields', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  comment(db: Q, id: string) {
    return db
      .selectFrom('comments as cm')
      .innerJoin('posts as p', 'p.id', 'cm.post_id')
      .select(['cm.id', 'cm.post_id', 'cm.author_id', 'cm.body_md', 'cm.created_at', 'p.community_id'])
      .where('cm.id', '=', id)
      .executeTakeFirst();
  },

  community(db: Q, id: string) {
    return db
      .selectFrom('communities')
      .select(['id', 'name', 'purpose', 'rules', 'created_by', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async topics(db: Q, communityId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('community_topics')
      .select('topic')
      .where('community_id', '=', communityId)
      .execute();
    return rows.map((r) => r.topic);
  },
};

/** Documents indexed last, looked at first by the PostgreSQL two-step search. */
export const RECENT_WINDOW = 5000;

/** The search query; `part` limits it to the newest RECENT_WINDOW documents or to the older ones. */
function searchQuery(db: Q, f: SearchFilter, part: 'all' | 'recent' | 'older') {
  const pg = isPostgres(db);
  const tokens = f.terms.flatMap((t) => t.tokens).filter((t) => isSafeToken(t.token));
  const fts = !pg && tokens.length > 0;
  let from = db.selectFrom('search_docs as d');
  if (fts) {
    // SQLite: the FTS table drives the join, newest rowid first, so a common term stops after one
    // page (measured: 0.03 ms instead of 60 ms for a term in 60% of 100k documents).
    const match = tokens.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`).join(' AND ');
    from = from
      .innerJoin(sql<{ rowid: number }>`search_fts`.as('f'), (j) => j.on(sql`f.rowid`, '=', sql.ref('d.id')))
      .where(sql<boolean>`f.search_fts MATCH ${match}`) as unknown as typeof from;
  }
  let q = from
    .innerJoin('communities as c', 'c.id', 'd.community_id')
    .leftJoin('posts as p', 'p.id', 'd.post_id')
    .leftJoin('comments as cm', (j) => j.onRef('cm.id', '=', 'd.doc_id').on('d.doc_type', '=', 'comment'))
    .leftJoin('users as u', 'u.id', 'd.author_id')
    .select([
      'd.id',
      'd.doc_type',
      'd.doc_id',
      'd.community_id',
      'd.post_id',
      'd.author_id',
      'd.post_kind',
      'd.title',
      'd.body',
      'd.created_at',
      'c.name as community_name',
      'p.title as post_title',
      'u.name as author_name',
    ])
    // Private communities: members only (admins too: they never see private content).
    .where((eb) =>
      eb.or([
        eb('c.visibility', '=', 'open'),
        eb.exists(
          eb
            .selectFrom('community_members as m')
            .select('m.user_id')
            .whereRef('m.community_id', '=', 'd.community_id')
            .where('m.user_id', '=', f.userId),
        ),
      ]),
    )
    // Posts (and the posts comments belong to) must be visible and not deleted.
    .where((eb) =>
      eb.or([
        eb('d.doc_type', '=', 'community'),
        eb.and([eb('p.status', '=', 'visible'), eb('p.deleted_at', 'is', null)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('d.doc_type', '!=', 'comment'),
        eb.and([eb('cm.status', '=', 'visible'), eb('cm.deleted_at', 'is', null)]),
      ]),
    );

  if (pg && tokens.length) {
    const tsq = tokens.map((t) => `${pgLexeme(t.token)}${t.prefix ? ':*' : ''}`).join(' & ');
    q = q.where(sql<boolean>`d.tokens @@ CAST(${tsq} AS tsquery)`);
  } else if (!tokens.length) {
    // Nothing indexable (e.g. one kanji): a bounded substring scan of the newest documents.
    q = q.where('d.id', '>', sql<number>`(SELECT COALESCE(MAX(id), 0) - ${f.scanMax} FROM search_docs)`);
  }
  for (const term of f.terms) {
    q = q.where(
      pg ? sql<boolean>`strpos(d.norm, ${term.text}) > 0` : sql<boolean>`instr(d.norm, ${term.text}) > 0`,
    );
  }

  if (f.communityId) q = q.where('d.community_id', '=', f.communityId);
  if (f.types?.length) q = q.where('d.doc_type', 'in', f.types);
  if (f.postKind) q = q.where('d.post_kind', '=', f.postKind);
  if (f.authorId) q = q.where('d.author_id', '=', f.authorId);
  if (f.cursor) q = q.where('d.id', '<', f.cursor.id);
  if (part !== 'all') {
    const window = f.recentWindow ?? RECENT_WINDOW;
    const floor = sql<number>`(SELECT COALESCE(MAX(id), 0) - ${window} FROM search_docs)`;
    q = q.where('d.id', part === 'recent' ? '>' : '<=', floor);
  }
  return (fts ? q.orderBy(sql`f.rowid`, 'desc') : q.orderBy('d.id', 'desc')).limit(f.limit).execute();
}

async function dropFts(tx: Q, ids: number[]) {
  if (!ids.length || isPostgres(tx)) return;
  for (const id of ids) await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(tx);
}
