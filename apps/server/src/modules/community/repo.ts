import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { CommunityTable, DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';
import { nameTermsMatch } from '../identity/people.repo.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type MemberRole = 'member' | 'organizer';

/** Keyset position for newest-first lists. */
export interface Cursor {
  at: string;
  id: string;
}

/** The only place with SQL for communities, memberships, acknowledgements and read positions. */
export const communityRepo = {
  findById(db: Q, id: string) {
    return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByNameKey(db: Q, nameKey: string) {
    return db.selectFrom('communities').select('id').where('name_key', '=', nameKey).executeTakeFirst();
  },
  insert(db: Q, row: Insertable<CommunityTable>) {
    return db.insertInto('communities').values(row).execute();
  },
  update(
    db: Q,
    id: string,
    set: Partial<
      Pick<CommunityTable, 'name' | 'name_key' | 'purpose' | 'rules' | 'visibility' | 'private_reason'>
    > & { rules_version?: number },
  ) {
    return db
      .updateTable('communities')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  },
  /**
   * Locks the community's row until the transaction ends (PostgreSQL; SQLite runs one write
   * transaction at a time anyway), so two concurrent checks of a per-community limit cannot both pass.
   */
  async lockRow(db: Q, id: string): Promise<void> {
    await db.selectFrom('communities').select('id').where('id', '=', id).forUpdate().execute();
  },
  touchLastPost(db: Q, id: string, at: string) {
    return db.updateTable('communities').set({ last_post_at: at }).where('id', '=', id).execute();
  },

  /**
   * Newest-first page of communities the actor may see: open ones (scope all) plus private ones
   * they belong to; `joined` limits to their memberships.
   */
  listVisible(
    db: Q,
    opts: {
      userId: string;
      scope: 'all' | 'joined';
      topic?: string;
      /** Name search words, each a list of LIKE patterns over the folded `name_key` (one must match). */
      terms?: string[][];
      cursor?: Cursor;
      limit: number;
    },
  ) {
    let q = db.selectFrom('communities as c').selectAll('c');
    for (const patterns of opts.terms ?? []) {
      q = q.where((eb) =>
        eb.or(patterns.map((p) => sql<SqlBool>`${sql.ref('c.name_key')} like ${p} escape '\\'`)),
      );
    }
    const mine = db.selectFrom('community_members').select('community_id').where('user_id', '=', opts.userId);
    q =
      opts.scope === 'joined'
        ? q.where('c.id', 'in', mine)
        : q.where((eb) => eb.or([eb('c.visibility', '=', 'open'), eb('c.id', 'in', mine)]));
    if (opts.topic) {
      const withTopic = db
        .selectFrom('community_topics')
        .select('community_id')
        .where('topic', '=', opts.topic);
      q = q.where('c.id', 'in', withTopic);
    }
    if (opts.cursor) {
      const { at, id } = opts.cursor;
      q = q.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(at, id)));
    }
    return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(opts.limit).execute();
  },
  listPrivate(db: Q) {
    return db
      .selectFrom('communities')
      .select(['id', 'name', 'private_reason', 'created_at'])
      .where('visibility', '=', 'private')
      .orderBy('name')
      .execute();
  },

  async topicsOf(db: Q, ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('community_topics')
      .select(['community_id', 'topic'])
      .where('community_id', 'in', ids)
      .orderBy('topic')
      .execute();
    for (const r of rows) out.set(r.community_id, [...(out.get(r.community_id) ?? []), r.topic]);
    return out;
  },
  async setTopics(db: Q, communityId: string, topics: readonly string[]) {
    await db.deleteFrom('community_topics').where('community_id', '=', communityId).execute();
    if (topics.length) {
      await db
        .insertInto('community_topics')
        .values(topics.map((topic) => ({ community_id: communityId, topic })))
        .execute();
    }
  },

  async memberCounts(db: Q, ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('community_members')
      .select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', 'in', ids)
      .groupBy('community_id')
      .execute();
    for (const r of rows) out.set(r.community_id, Number(r.n));
    return out;
  },
  async membershipsOf(db: Q, userId: string, ids: readonly string[]): Promise<Map<string, MemberRole>> {
    const out = new Map<string, MemberRole>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('community_members')
      .select(['community_id', 'role'])
      .where('user_id', '=', userId)
      .where('community_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.community_id, r.role as MemberRole);
    return out;
  },
  /** Which of the given people belong to one community. */
  async membershipsOfCommunity(db: Q, communityId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await db
      .selectFrom('community_members')
      .select('user_id')
      .where('community_id', '=', communityId)
      .where('user_id', 'in', userIds)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  },
  async membership(db: Q, communityId: string, userId: string): Promise<MemberRole | null> {
    const row = await db
      .selectFrom('community_members')
      .select('role')
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return (row?.role as MemberRole | undefined) ?? null;
  },
  /** Ids of the communities a person belongs to (the home feed reads these). */
  async communityIdsOf(db: Q, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('community_members')
      .select('community_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.community_id);
  },
  /** Ids of the communities a person organizes (their moderation queue). */
  async organizedBy(db: Q, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('community_members')
      .select('community_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'organizer')
      .execute();
    return rows.map((r) => r.community_id);
  },
  addMember(db: Q, communityId: string, userId: string, role: MemberRole) {
    return db
      .insertInto('community_members')
      .values({ community_id: communityId, user_id: userId, role, joined_at: nowIso() })
      .onConflict((oc) => oc.columns(['community_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  },
  removeMember(db: Q, communityId: string, userId: string) {
    return db
      .deleteFrom('community_members')
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .execute();
  },
  countOrganizers(db: Q, communityId: string) {
    return db
      .selectFrom('community_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .where('role', '=', 'organizer')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  /** Organizers of the given communities, with their names (ordered by join time). */
  async organizersOf(db: Q, ids: readonly string[]) {
    const out = new Map<string, Array<{ id: string; name: string }>>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('community_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.community_id', 'u.id', 'u.name'])
      .where('m.community_id', 'in', ids)
      .where('m.role', '=', 'organizer')
      .orderBy('m.joined_at')
      .execute();
    for (const r of rows) {
      out.set(r.community_id, [...(out.get(r.community_id) ?? []), { id: r.id, name: r.name }]);
    }
    return out;
  },
  /**
   * Active members ordered by account id, after `after`; `terms` (see identity's `searchTerms`)
   * narrows them by name exactly as the company directory does (the private-community mention picker).
   */
  listMembers(db: Q, communityId: string, opts: { after?: string; limit: number; terms?: string[][] }) {
    let q = db
      .selectFrom('community_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'm.role', 'm.joined_at'])
      .where('m.community_id', '=', communityId)
      .where('u.disabled_at', 'is', null);
    if (opts.terms?.length) q = q.where(nameTermsMatch('u', opts.terms));
    if (opts.after) q = q.where('u.id', '>', opts.after);
    return q.orderBy('u.id').limit(opts.limit).execute();
  },
  async memberIds(db: Q, communityId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('community_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.community_id', '=', communityId)
      .where('u.disabled_at', 'is', null)
      .execute();
    return rows.map((r) => r.user_id);
  },

  rulesAck(db: Q, communityId: string, userId: string) {
    return db
      .selectFrom('community_rules_acks')
      .select(['rules_version', 'acknowledged_at'])
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },
  async rulesAcksOf(db: Q, userId: string, ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('community_rules_acks')
      .select(['community_id', 'rules_version'])
      .where('user_id', '=', userId)
      .where('community_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.community_id, Number(r.rules_version));
    return out;
  },
  acknowledgeRules(db: Q, communityId: string, userId: string, version: number) {
    const now = nowIso();
    return db
      .insertInto('community_rules_acks')
      .values({ community_id: communityId, user_id: userId, rules_version: version, acknowledged_at: now })
      .onConflict((oc) =>
        oc.columns(['community_id', 'user_id']).doUpdateSet({ rules_version: version, acknowledged_at: now }),
      )
      .execute();
  },
  conductAck(db: Q, userId: string) {
    return db
      .selectFrom('conduct_acks')
      .select(['version', 'acknowledged_at'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },
  acknowledgeConduct(db: Q, userId: string, version: number) {
    const now = nowIso();
    return db
      .insertInto('conduct_acks')
      .values({ user_id: userId, version, acknowledged_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ version, acknowledged_at: now }))
      .execute();
  },

  /**
   * Communities with the reader's membership and read position, in one query (the feed and post
   * lists present posts of several communities at once).
   */
  async forReader(db: Q, userId: string, ids: readonly string[]) {
    const out = new Map<
      string,
      { community: Selectable<CommunityTable>; membership: MemberRole | null; read: Cursor | null }
    >();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('communities as c')
      .leftJoin('community_members as m', (j) =>
        j.onRef('m.community_id', '=', 'c.id').on('m.user_id', '=', userId),
      )
      .leftJoin('community_reads as r', (j) =>
        j.onRef('r.community_id', '=', 'c.id').on('r.user_id', '=', userId),
      )
      .selectAll('c')
      .select(['m.role as member_role', 'r.last_read_at', 'r.last_read_post_id'])
      .where('c.id', 'in', ids)
      .execute();
    for (const { member_role, last_read_at, last_read_post_id, ...community } of rows) {
      out.set(community.id, {
        community,
        membership: (member_role as MemberRole | null) ?? null,
        read: last_read_at && last_read_post_id ? { at: last_read_at, id: last_read_post_id } : null,
      });
    }
    return out;
  },
  /** Marks a community read up to a post (never moves the position backwards). */
  async markRead(db: Q, userId: string, communityId: string, at: string, postId: string) {
    const current = await db
      .selectFrom('community_reads')
      .select(['last_read_at', 'last_read_post_id'])
      .where('user_id', '=', userId)
      .where('community_id', '=', communityId)
      .executeTakeFirst();
    if (
      current &&
      (current.last_read_at > at || (current.last_read_at === at && current.last_read_post_id >= postId))
    )
      return;
    await db
      .insertInto('community_reads')
      .values({ user_id: userId, community_id: communityId, last_read_at: at, last_read_post_id: postId })
      .onConflict((oc) =>
        oc.columns(['user_id', 'community_id']).doUpdateSet({ last_read_at: at, last_read_post_id: postId }),
      )
      .execute();
  },
};
