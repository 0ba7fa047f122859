import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { afterNameAndId } from './repo.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** What the people directory matches (already normalised by the caller, see userSearch.ts). */
export interface PeopleFilter {
  /** Search words: each inner list holds LIKE patterns (lower-case, escaped) of which one must match. */
  terms: string[][];
  /** An exact address or local part, matched instead of (or besides) the names. */
  email: { email: string } | { localpart: string } | null;
}

/**
 * Every search word matches the person's folded names (`users.name_search`, see userSearch.ts), one
 * of its LIKE patterns at least. Shared with other pickers over people (a community's members) so a
 * name is found the same way everywhere. `alias` is the users table's alias in the query.
 */
export function nameTermsMatch(alias: string, terms: string[][]): Expression<SqlBool> {
  if (!terms.length) return sql<SqlBool>`1 = 1`;
  // Rows written outside the identity repository have no folded names: lower(name) then.
  const folded = sql`coalesce(${sql.ref(`${alias}.name_search`)}, lower(${sql.ref(`${alias}.name`)}))`;
  const words = terms.map(
    (patterns) =>
      sql<SqlBool>`(${sql.join(
        patterns.map((p) => sql`${folded} like ${p} escape '\\'`),
        sql` or `,
      )})`,
  );
  return sql<SqlBool>`(${sql.join(words, sql` and `)})`;
}

/** The only SQL of the company people directory: active people, name and department only. */
export const peopleDirectoryRepo = {
  /** One page of active people by (name, id), after a cursor; `limit` rows at most. */
  page(db: Q, f: PeopleFilter, after: { name: string; id: string } | null, limit: number) {
    return db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'u.name', 'd.id as department_id', 'd.name as department_name'])
      .where('u.disabled_at', 'is', null)
      .where((eb) => {
        const byName = nameTermsMatch('u', f.terms);
        if (!f.email) return byName;
        // Compared with substr/=, not LIKE: an address may contain `_`, and this is collation-proof.
        const prefix = 'localpart' in f.email ? `${f.email.localpart}@` : null;
        const byEmail = prefix
          ? eb(sql<string>`substr(u.email, 1, ${prefix.length})`, '=', prefix)
          : eb('u.email', '=', 'email' in f.email ? f.email.email : '');
        return eb.or([byName, byEmail]);
      })
      .$if(!!after, (qb) => qb.where((eb) => afterNameAndId(eb, after!)))
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(limit)
      .execute();
  },
};
