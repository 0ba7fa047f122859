import {
  SqliteAdapter,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { CommentTable, DB, PostTable } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import type { Cursor } from './repo.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type PostRow = Selectable<PostTable>;
export type CommentRow = Selectable<CommentTable>;

/** Communities per feed query (bound parameters and plan size stay small); chunks are merged. */
const UNION_CHUNK = 200;
const IN_CHUNK = 500;

/** The only place with SQL for posts, revisions, comments and the newest-first lists over them. */
export const postRepo = {
  findById(db: Q, id: string) {
    return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<PostTable>) {
    return db.insertInto('posts').values(row).execute();
  },
  update(db: Q, id: string, set: Updateable<PostTable>) {
    return db.updateTable('posts').set(set).where('id', '=', id).execute();
  },
  insertRevision(
    db: Q,
    row: {
      id: string;
      post_id: string;
      editor_id: string | null;
      title: string | null;
      body_md: string;
      fields: string | null;
    },
  ) {
    return db
      .insertInto('post_revisions')
      .values({ ...row, created_at: nowIso() })
      .execute();
  },
  listRevisions(db: Q, postId: string) {
    return db
      .selectFrom('post_revisions')
      .selectAll()
      .where('post_id', '=', postId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
  deleteRevisions(db: Q, postId: string) {
    return db.deleteFrom('post_revisions').where('post_id', '=', postId).execute();
  },
  /**
   * When the community's newest urgent announcement at or after `since` was posted (deleted ones
   * count: their notifications already went out), or null. Enforces the urgent-announcement limit.
   */
  async lastUrgentSince(db: Q, communityId: string, since: string): Promise<string | null> {
    const row = await db
      .selectFrom('posts')
      .select('created_at')
      .where('community_id', '=', communityId)
      .where('kind', '=', 'announcement')
      .where('urgent', '=', 1)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.created_at ?? null;
  },

  /**
   * Newest-first visible posts of several communities, cost bounded by the number of communities
   * (never the number of posts), using the (community_id, created_at, id) index:
   * - SQLite: one `community_id IN (…) ORDER BY created_at DESC, id DESC LIMIT n`; its planner reads
   *   at most n index entries per IN value (measured ~1–2 ms at 100k posts; a compound SELECT of
   *   per-community subqueries measured 5–16 ms, mostly preparing the large statement);
   * - PostgreSQL: UNION ALL of one LIMIT n index range per community (an `= ANY` there would read
   *   and sort every post of those communities), merged here.
   */
  async pageOfCommunities(db: Q, communityIds: readonly string[], cursor: Cursor | undefined, limit: number) {
    if (!communityIds.length) return [];
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      const out: PostRow[] = [];
      for (let i = 0; i < communityIds.length; i += IN_CHUNK) {
        const chunk = communityIds.slice(i, i + IN_CHUNK);
        out.push(
          ...(await postRepo
            .visibleNewestFirst(db, cursor, limit)
            .where('community_id', 'in', chunk)
            .execute()),
        );
      }
      return newestFirst(out).slice(0, limit);
    }
    const out: PostRow[] = [];
    for (let i = 0; i < communityIds.length; i += UNION_CHUNK) {
      const chunk = communityIds.slice(i, i + UNION_CHUNK);
      const parts = chunk.map((cid, n) =>
        db
          .selectFrom(
            postRepo.visibleNewestFirst(db, cursor, limit).where('community_id', '=', cid).as(`p${n}`),
          )
          .selectAll(),
      );
      let union = parts[0]!;
      for (const p of parts.slice(1)) union = union.unionAll(p);
      out.push(...(await union.execute()));
    }
    return newestFirst(out).slice(0, limit);
  },
  /** Newest-first company-wide announcements (everyone's feed). */
  companyWidePage(db: Q, cursor: Cursor | undefined, limit: number) {
    return postRepo.visibleNewestFirst(db, cursor, limit).where('company_wide', '=', 1).execute();
  },
  /** One community's visible posts, newest first, optionally of one kind. */
  communityPage(db: Q, communityId: string, opts: { cursor?: Cursor; limit: number; kind?: string }) {
    let q = postRepo.visibleNewestFirst(db, opts.cursor, opts.limit).where('community_id', '=', communityId);
    if (opts.kind) q = q.where('kind', '=', opts.kind);
    return q.execute();
  },
  pinned(db: Q, communityId: string) {
    return db
      .selectFrom('posts')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('pinned_at', 'is not', null)
      .where('status', '=', 'visible')
      .orderBy('pinned_at', 'desc')
      .limit(20)
      .execute();
  },
  /** Know-how across the communities the reader may see (open ones and their own). */
  knowhowPage(db: Q, opts: { userId: string; kinds: readonly string[]; cursor?: Cursor; limit: number }) {
    const mine = db.selectFrom('community_members').select('community_id').where('user_id', '=', opts.userId);
    return postRepo
      .visibleNewestFirst(db, opts.cursor, opts.limit)
      .where('kind', 'in', opts.kinds)
      .where((eb) =>
        eb.or([
          eb(
            'community_id',
            'in',
            eb.selectFrom('communities').select('id').where('visibility', '=', 'open'),
          ),
          eb('community_id', 'in', mine),
        ]),
      )
      .execute();
  },
  visibleNewestFirst(db: Q, cursor: Cursor | undefined, limit: number) {
    let q = db.selectFrom('posts').selectAll().where('status', '=', 'visible');
    if (cursor) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(cursor.at, cursor.id)));
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  },

  findComment(db: Q, id: string) {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertComment(db: Q, row: Insertable<CommentTable>) {
    return db.insertInto('comments').values(row).execute();
  },
  updateComment(db: Q, id: string, set: Updateable<CommentTable>) {
    return db.updateTable('comments').set(set).where('id', '=', id).execute();
  },
  listComments(db: Q, postId: string, limit: number) {
    return db
      .selectFrom('comments')
      .selectAll()
      .where('post_id', '=', postId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  async recountComments(db: Q, postId: string) {
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post_id', '=', postId)
      .where('status', '=', 'visible')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('posts')
      .set({ comment_count: Number(row.n) })
      .where('id', '=', postId)
      .execute();
  },
};

function newestFirst(rows: PostRow[]): PostRow[] {
  return rows.sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
  );
}
