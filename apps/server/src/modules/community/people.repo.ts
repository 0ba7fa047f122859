import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only place with SQL for looking people up from the community module (mentions, members, audiences). */
export const peopleRepo = {
  /** Active people by id (for mentions and member management). */
  usersByIds(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', 'in', ids)
      .where('disabled_at', 'is', null)
      .execute();
  },
  /** Names of people by id, disabled ones included (they keep their name on what they wrote). */
  namesByIds(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  },
  /** Active people whose (lower-case) e-mail address starts with `<localpart>@`; collation-proof. */
  usersByLocalpart(db: Q, localpart: string) {
    const prefix = `${localpart}@`;
    return db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where(sql<string>`substr(email, 1, ${prefix.length})`, '=', prefix)
      .where('disabled_at', 'is', null)
      .limit(2)
      .execute();
  },
  async activeUserIds(db: Q): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('disabled_at', 'is', null).execute();
    return rows.map((r) => r.id);
  },
};
