import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

const SETTINGS_KEY = 'companion.settings';

/**
 * The only SQL of the companion. Every query on private rows filters by `owner_tag` (the owner's
 * pseudonym from their vault), and rows past `expires_at` are treated as gone even before the
 * retention job deletes them.
 */
export const companionRepo = {
  findConversation(db: Q, id: string, ownerTag: string, now: string) {
    return db
      .selectFrom('companion_conversations')
      .selectAll()
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
  },
  conversationsOf(db: Q, ownerTag: string, now: string) {
    return db
      .selectFrom('companion_conversations')
      .selectAll()
      .where('owner_tag', '=', ownerTag)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
  },
  conversationMetasOf(db: Q, ownerTag: string, now: string) {
    return db
      .selectFrom('companion_conversations')
      .select(['id', 'meta', 'expires_at'])
      .where('owner_tag', '=', ownerTag)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
  },
  insertConversation(
    db: Q,
    row: { id: string; owner_tag: string; meta: string; messages: string; expires_at: string | null },
  ) {
    return db.insertInto('companion_conversations').values(row).execute();
  },
  /**
   * Compare-and-set on the messages ciphertext (a fresh nonce makes every write unique), so two
   * requests appending to the same conversation never lose a message. Returns whether it applied.
   */
  async updateConversation(
    db: Q,
    id: string,
    ownerTag: string,
    expectedMessages: string,
    set: { meta: string; messages?: string; expires_at: string | null },
  ): Promise<boolean> {
    const res = await db
      .updateTable('companion_conversations')
      .set(set)
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .where('messages', '=', expectedMessages)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  async deleteConversation(db: Q, id: string, ownerTag: string): Promise<boolean> {
    await db
      .deleteFrom('companion_summaries')
      .where('conversation_id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .execute();
    const res = await db
      .deleteFrom('companion_conversations')
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },

  summariesOf(db: Q, conversationId: string, ownerTag: string) {
    return db
      .selectFrom('companion_summaries')
      .select(['id', 'body'])
      .where('conversation_id', '=', conversationId)
      .where('owner_tag', '=', ownerTag)
      .execute();
  },
  insertSummary(db: Q, row: { id: string; owner_tag: string; conversation_id: string; body: string }) {
    return db.insertInto('companion_summaries').values(row).execute();
  },

  notesOf(db: Q, ownerTag: string) {
    return db.selectFrom('companion_notes').selectAll().where('owner_tag', '=', ownerTag).execute();
  },
  findNote(db: Q, id: string, ownerTag: string) {
    return db
      .selectFrom('companion_notes')
      .selectAll()
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
  },
  insertNote(db: Q, row: { id: string; owner_tag: string; body: string }) {
    return db.insertInto('companion_notes').values(row).execute();
  },
  async updateNote(db: Q, id: string, ownerTag: string, body: string): Promise<boolean> {
    const res = await db
      .updateTable('companion_notes')
      .set({ body })
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  async deleteNote(db: Q, id: string, ownerTag: string): Promise<boolean> {
    const res = await db
      .deleteFrom('companion_notes')
      .where('id', '=', id)
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },

  /** Erasure: every private row of one owner. */
  async deleteAllOf(db: Q, ownerTag: string) {
    await db.deleteFrom('companion_summaries').where('owner_tag', '=', ownerTag).execute();
    await db.deleteFrom('companion_conversations').where('owner_tag', '=', ownerTag).execute();
    await db.deleteFrom('companion_notes').where('owner_tag', '=', ownerTag).execute();
  },

  /** Retention: conversations (and their summaries) whose time is up. */
  async deleteExpired(db: Q, now: string): Promise<number> {
    const expired = db
      .selectFrom('companion_conversations')
      .select('id')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now);
    await db.deleteFrom('companion_summaries').where('conversation_id', 'in', expired).execute();
    const res = await db
      .deleteFrom('companion_conversations')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },

  async readSettings(db: Q): Promise<string | undefined> {
    const row = await db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', SETTINGS_KEY)
      .executeTakeFirst();
    return row?.value;
  },
  writeSettings(db: Q, value: string) {
    const now = nowIso();
    return db
      .insertInto('app_settings')
      .values({ key: SETTINGS_KEY, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  },

  addMonthlyUser(db: Q, month: string, userHash: string) {
    return db
      .insertInto('companion_monthly_users')
      .values({ month, user_hash: userHash })
      .onConflict((oc) => oc.columns(['month', 'user_hash']).doNothing())
      .execute();
  },
  /** Months that still hold keyed hashes, before `month`. */
  openMonthsBefore(db: Q, month: string) {
    return db
      .selectFrom('companion_monthly_users')
      .select('month')
      .distinct()
      .where('month', '<', month)
      .execute()
      .then((rows) => rows.map((r) => r.month));
  },
  countMonthlyUsers(db: Q, month: string) {
    return db
      .selectFrom('companion_monthly_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('month', '=', month)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  deleteMonthlyUsers(db: Q, month: string) {
    return db.deleteFrom('companion_monthly_users').where('month', '=', month).execute();
  },
  /** Keeps the larger count if two instances close the same month. */
  async saveMonthlyCount(db: Q, month: string, users: number) {
    const existing = await db
      .selectFrom('companion_monthly_counts')
      .select('users')
      .where('month', '=', month)
      .executeTakeFirst();
    if (!existing) {
      await db
        .insertInto('companion_monthly_counts')
        .values({ month, users })
        .onConflict((oc) => oc.column('month').doNothing())
        .execute();
    } else if (users > existing.users) {
      await db.updateTable('companion_monthly_counts').set({ users }).where('month', '=', month).execute();
    }
  },
  monthlyCounts(db: Q, fromMonth: string) {
    return db
      .selectFrom('companion_monthly_counts')
      .select(['month', 'users'])
      .where('month', '>=', fromMonth)
      .orderBy('month')
      .execute();
  },
};
