import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type SubjectType = 'post' | 'comment';

/** Counts per subject id and per key, plus which of them are the reader's own. */
export interface Tally {
  counts: Map<string, Map<string, number>>;
  mine: Set<string>;
}

const tallyKey = (id: string, key: string) => `${id}\u0000${key}`;

/** The only place with SQL for reactions, know-how signals, announcement confirmations and mentions. */
export const engagementRepo = {
  tallyKey,

  async reactionTally(db: Q, type: SubjectType, ids: readonly string[], userId: string): Promise<Tally> {
    const tally: Tally = { counts: new Map(), mine: new Set() };
    if (!ids.length) return tally;
    // One query: counts per reaction and whether the reader is among them.
    const rows = await db
      .selectFrom('reactions')
      .select((eb) => [
        'subject_id',
        'reaction',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('user_id', '=', userId).then(1).else(0).end()).as('mine'),
      ])
      .where('subject_type', '=', type)
      .where('subject_id', 'in', ids)
      .groupBy(['subject_id', 'reaction'])
      .execute();
    for (const r of rows) {
      const m = tally.counts.get(r.subject_id) ?? new Map<string, number>();
      m.set(r.reaction, Number(r.n));
      tally.counts.set(r.subject_id, m);
      if (Number(r.mine) > 0) tally.mine.add(tallyKey(r.subject_id, r.reaction));
    }
    return tally;
  },
  /** Adds or removes one reaction; returns the new count of that reaction on the subject. */
  async setReaction(db: Q, type: SubjectType, id: string, reaction: string, userId: string, on: boolean) {
    if (on) {
      await db
        .insertInto('reactions')
        .values({ subject_type: type, subject_id: id, reaction, user_id: userId, created_at: nowIso() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await db
        .deleteFrom('reactions')
        .where('subject_type', '=', type)
        .where('subject_id', '=', id)
        .where('reaction', '=', reaction)
        .where('user_id', '=', userId)
        .execute();
    }
    const row = await db
      .selectFrom('reactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .where('reaction', '=', reaction)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  deleteReactions(db: Q, type: SubjectType, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve();
    return db
      .deleteFrom('reactions')
      .where('subject_type', '=', type)
      .where('subject_id', 'in', ids)
      .execute();
  },

  async signalTally(db: Q, postIds: readonly string[], userId: string): Promise<Tally> {
    const tally: Tally = { counts: new Map(), mine: new Set() };
    if (!postIds.length) return tally;
    const rows = await db
      .selectFrom('post_signals')
      .select((eb) => [
        'post_id',
        'signal',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('user_id', '=', userId).then(1).else(0).end()).as('mine'),
      ])
      .where('post_id', 'in', postIds)
      .groupBy(['post_id', 'signal'])
      .execute();
    for (const r of rows) {
      const m = tally.counts.get(r.post_id) ?? new Map<string, number>();
      m.set(r.signal, Number(r.n));
      tally.counts.set(r.post_id, m);
      if (Number(r.mine) > 0) tally.mine.add(tallyKey(r.post_id, r.signal));
    }
    return tally;
  },
  async setSignal(db: Q, postId: string, signal: string, userId: string, on: boolean) {
    if (on) {
      await db
        .insertInto('post_signals')
        .values({ post_id: postId, signal, user_id: userId, created_at: nowIso() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await db
        .deleteFrom('post_signals')
        .where('post_id', '=', postId)
        .where('signal', '=', signal)
        .where('user_id', '=', userId)
        .execute();
    }
  },

  async confirmationTally(db: Q, postIds: readonly string[], userId: string): Promise<Tally> {
    const tally: Tally = { counts: new Map(), mine: new Set() };
    if (!postIds.length) return tally;
    const rows = await db
      .selectFrom('announcement_confirmations')
      .select((eb) => [
        'post_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('user_id', '=', userId).then(1).else(0).end()).as('mine'),
      ])
      .where('post_id', 'in', postIds)
      .groupBy('post_id')
      .execute();
    for (const r of rows) {
      tally.counts.set(r.post_id, new Map([['confirmed', Number(r.n)]]));
      if (Number(r.mine) > 0) tally.mine.add(tallyKey(r.post_id, 'confirmed'));
    }
    return tally;
  },
  confirm(db: Q, postId: string, userId: string) {
    return db
      .insertInto('announcement_confirmations')
      .values({ post_id: postId, user_id: userId, confirmed_at: nowIso() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  /** Who confirmed an announcement (only organizers ever see this list: the readers chose to confirm). */
  confirmations(db: Q, postId: string) {
    return db
      .selectFrom('announcement_confirmations as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['u.id', 'u.name', 'c.confirmed_at'])
      .where('c.post_id', '=', postId)
      .orderBy('c.confirmed_at')
      .execute();
  },

  /** Replaces the mentions of a post or comment; returns the people mentioned for the first time. */
  async setMentions(
    db: Q,
    type: SubjectType,
    sourceId: string,
    userIds: readonly string[],
  ): Promise<string[]> {
    const before = await db
      .selectFrom('mentions')
      .select('user_id')
      .where('source_type', '=', type)
      .where('source_id', '=', sourceId)
      .execute();
    const had = new Set(before.map((r) => r.user_id));
    const want = new Set(userIds);
    const gone = [...had].filter((u) => !want.has(u));
    const added = [...want].filter((u) => !had.has(u));
    if (gone.length) {
      await db
        .deleteFrom('mentions')
        .where('source_type', '=', type)
        .where('source_id', '=', sourceId)
        .where('user_id', 'in', gone)
        .execute();
    }
    if (added.length) {
      const now = nowIso();
      await db
        .insertInto('mentions')
        .values(
          added.map((user_id) => ({ source_type: type, source_id: sourceId, user_id, created_at: now })),
        )
        .execute();
    }
    return added;
  },
};
