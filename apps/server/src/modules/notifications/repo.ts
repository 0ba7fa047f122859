import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** A notification row about to be written (grouped with an unread one of the same thread, if any). */
export interface NotificationWrite {
  id: string;
  user_id: string;
  kind: string;
  thread_key: string;
  last_actor_id: string | null;
  subject: string;
  context: string | null;
  link: string;
  urgent: number;
  deliver_at: string;
}

export interface ListCursor {
  updatedAt: string;
  id: string;
}

/** The only place with SQL for notifications (and the few reads of posts it needs for their texts). */
export const notificationRepo = {
  /** Working hours of the recipients who are still active. */
  recipients(db: Q, userIds: readonly string[]) {
    if (!userIds.length) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'time_zone', 'work_start', 'work_end'])
      .where('id', 'in', userIds)
      .where('disabled_at', 'is', null)
      .execute();
  },

  /**
   * Inserts, or folds into the person's unread notification of the same kind and thread (count + 1,
   * latest actor and subject). A folded notification that was already pushed is pushed again when due.
   */
  async upsert(tx: Transaction<DB>, rows: NotificationWrite[], now: string) {
    if (!rows.length) return [];
    return tx
      .insertInto('notifications')
      .values(
        rows.map((r) => ({
          ...r,
          count: 1,
          created_at: now,
          updated_at: now,
          pushed_at: null,
          emailed_at: null,
          read_at: null,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'kind', 'thread_key'])
          .where('read_at', 'is', null)
          .doUpdateSet({
            count: sql<number>`notifications.count + 1`,
            last_actor_id: sql<string | null>`excluded.last_actor_id`,
            subject: sql<string>`excluded.subject`,
            context: sql<string | null>`excluded.context`,
            link: sql<string>`excluded.link`,
            urgent: sql<number>`CASE WHEN excluded.urgent > notifications.urgent THEN excluded.urgent ELSE notifications.urgent END`,
            updated_at: sql<string>`excluded.updated_at`,
            // Not pushed yet and already due earlier: keep that; otherwise the new event's time.
            deliver_at: sql<string>`CASE WHEN notifications.pushed_at IS NULL AND notifications.deliver_at < excluded.deliver_at THEN notifications.deliver_at ELSE excluded.deliver_at END`,
            pushed_at: null,
            emailed_at: null,
          }),
      )
      .returning(['id', 'user_id', 'kind', 'deliver_at'])
      .execute();
  },

  /** Claims due, unpushed notifications (a second instance claiming the same rows gets none). */
  claimForPush(tx: Transaction<DB>, ids: readonly string[], now: string) {
    if (!ids.length) return Promise.resolve([]);
    return tx
      .updateTable('notifications')
      .set({ pushed_at: now })
      .where('id', 'in', ids)
      .where('pushed_at', 'is', null)
      .returning(['id', 'user_id', 'kind'])
      .execute();
  },

  duePushIds(db: Q, now: string, limit: number) {
    return db
      .selectFrom('notifications')
      .select('id')
      .where('pushed_at', 'is', null)
      .where('deliver_at', '<=', now)
      .where('read_at', 'is', null)
      .orderBy('deliver_at')
      .limit(limit)
      .execute();
  },

  /** Removes every notification of a thread (its post was deleted or hidden). */
  retract(tx: Q, threadKey: string) {
    return tx.deleteFrom('notifications').where('thread_key', '=', threadKey).execute();
  },

  list(db: Q, userId: string, opts: { cursor?: ListCursor; limit: number; unreadOnly: boolean }) {
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('users as a', 'a.id', 'n.last_actor_id')
      .select([
        'n.id',
        'n.kind',
        'n.count',
        'n.subject',
        'n.context',
        'n.link',
        'n.urgent',
        'n.created_at',
        'n.updated_at',
        'n.read_at',
        'n.last_actor_id',
        'a.name as actor_name',
      ])
      .where('n.user_id', '=', userId);
    if (opts.unreadOnly) q = q.where('n.read_at', 'is', null);
    if (opts.cursor) {
      const c = opts.cursor;
      q = q.where((eb) =>
        eb.or([
          eb('n.updated_at', '<', c.updatedAt),
          eb.and([eb('n.updated_at', '=', c.updatedAt), eb('n.id', '<', c.id)]),
        ]),
      );
    }
    return q.orderBy('n.updated_at', 'desc').orderBy('n.id', 'desc').limit(opts.limit).execute();
  },

  async unreadCount(db: Q, userId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  find(db: Q, id: string) {
    return db
      .selectFrom('notifications')
      .select(['id', 'user_id', 'read_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  markRead(db: Q, id: string, now: string) {
    return db
      .updateTable('notifications')
      .set({ read_at: now })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  },

  markAllRead(db: Q, userId: string, now: string) {
    return db
      .updateTable('notifications')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
  },

  /* Long recipient lists (expanded by a job) */

  insertBatch(tx: Q, row: { id: string; input: string; user_ids: string; created_at: string }) {
    return tx.insertInto('notification_batches').values(row).execute();
  },

  oldestBatch(db: Q) {
    return db
      .selectFrom('notification_batches')
      .selectAll()
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  },

  /** Optimistic claim: succeeds only if nobody changed the batch since it was read. */
  async advanceBatch(
    tx: Transaction<DB>,
    id: string,
    expected: string,
    rest: string | null,
  ): Promise<boolean> {
    const res = rest
      ? await tx
          .updateTable('notification_batches')
          .set({ user_ids: rest })
          .where('id', '=', id)
          .where('user_ids', '=', expected)
          .executeTakeFirst()
      : await tx
          .deleteFrom('notification_batches')
          .where('id', '=', id)
          .where('user_ids', '=', expected)
          .executeTakeFirst();
    return Number('numUpdatedRows' in res ? res.numUpdatedRows : res.numDeletedRows) === 1;
  },

  /* E-mail */

  /**
   * People with unread, unmailed, due notifications (digest candidates), with their settings. Those who
   * turned notification e-mail off are never candidates.
   */
  digestCandidates(db: Q, now: string, afterId: string, limit: number) {
    return db
      .selectFrom('users as u')
      .select([
        'u.id',
        'u.email',
        'u.name',
        'u.locale',
        'u.time_zone',
        'u.work_start',
        'u.work_end',
        'u.email_digest',
      ])
      .where('u.disabled_at', 'is', null)
      .where('u.email_digest', '<>', 'off')
      .where('u.id', '>', afterId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('notifications as n')
            .select('n.id')
            .whereRef('n.user_id', '=', 'u.id')
            .where('n.emailed_at', 'is', null)
            .where('n.read_at', 'is', null)
            .where('n.deliver_at', '<=', now),
        ),
      )
      .orderBy('u.id')
      .limit(limit)
      .execute();
  },

  /** Records the digest of this working window; false if one was already sent in it (or by another instance). */
  async claimDigest(tx: Transaction<DB>, userId: string, windowStart: string, now: string): Promise<boolean> {
    const rows = await tx
      .insertInto('notification_digests')
      .values({ user_id: userId, last_window_start: windowStart, last_sent_at: now })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ last_window_start: windowStart, last_sent_at: now })
          .where('notification_digests.last_window_start', '<>', windowStart),
      )
      .returning('user_id')
      .execute();
    return rows.length === 1;
  },

  /** Undoes a digest claim after the mail could not be sent, so the next run tries again. */
  releaseDigest(db: Q, userId: string, windowStart: string) {
    return db
      .updateTable('notification_digests')
      .set({ last_window_start: '' })
      .where('user_id', '=', userId)
      .where('last_window_start', '=', windowStart)
      .execute();
  },

  /** Marks (claims) every unread, unmailed, due notification of a person as mailed; returns them. */
  claimForDigest(tx: Transaction<DB>, userId: string, now: string) {
    return tx
      .updateTable('notifications')
      .set({ emailed_at: now })
      .where('user_id', '=', userId)
      .where('emailed_at', 'is', null)
      .where('read_at', 'is', null)
      .where('deliver_at', '<=', now)
      .returning(['id'])
      .execute();
  },

  /** Urgent notifications not mailed yet (mailed at once, working hours or not). */
  urgentUnmailed(db: Q, limit: number) {
    return db
      .selectFrom('notifications')
      .select(['id', 'user_id'])
      .where('urgent', '=', 1)
      .where('emailed_at', 'is', null)
      .where('read_at', 'is', null)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
  },

  claimUrgent(tx: Transaction<DB>, ids: readonly string[], now: string) {
    if (!ids.length) return Promise.resolve([]);
    return tx
      .updateTable('notifications')
      .set({ emailed_at: now })
      .where('id', 'in', ids)
      .where('emailed_at', 'is', null)
      .returning(['id', 'user_id'])
      .execute();
  },

  unclaimMail(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve();
    return db.updateTable('notifications').set({ emailed_at: null }).where('id', 'in', ids).execute();
  },

  /** Notifications with their actor's name, for an e-mail. */
  forMail(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('notifications as n')
      .leftJoin('users as a', 'a.id', 'n.last_actor_id')
      .select([
        'n.id',
        'n.kind',
        'n.count',
        'n.subject',
        'n.context',
        'n.link',
        'n.urgent',
        'n.updated_at',
        'a.name as actor_name',
      ])
      .where('n.id', 'in', ids)
      .orderBy('n.updated_at', 'desc')
      .execute();
  },

  userForMail(db: Q, userId: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'email_digest'])
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
  },

  /* Reads of community tables, for the texts of notifications the community module asks for. */

  postSummary(db: Q, postId: string) {
    return db
      .selectFrom('posts as p')
      .innerJoin('communities as c', 'c.id', 'p.community_id')
      .select(['p.id', 'p.title', 'p.body_md', 'p.author_id', 'p.community_id', 'c.name as community_name'])
      .where('p.id', '=', postId)
      .executeTakeFirst();
  },

  commentAuthor(db: Q, commentId: string) {
    return db
      .selectFrom('comments')
      .select(['id', 'author_id'])
      .where('id', '=', commentId)
      .executeTakeFirst();
  },

  async memberIds(db: Q, communityId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await db
      .selectFrom('community_members')
      .select('user_id')
      .where('community_id', '=', communityId)
      .where('user_id', 'in', userIds)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  },
};
