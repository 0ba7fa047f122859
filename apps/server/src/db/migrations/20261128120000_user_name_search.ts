import type { Kysely } from 'kysely';

/*
 * The people directory (GET /api/people) finds colleagues by name whatever width or case was typed
 * or stored: half-width katakana readings from HR systems (ﾀﾅｶ), full-width Latin (ＳＭＩＴＨ), and
 * non-ASCII case (SQLite's lower() folds ASCII only). Neither database can NFKC-fold a column in a
 * portable way, so each user row keeps its names folded once: `name_search` holds name, kana
 * reading and English name, each NFKC + lower case, with and without spaces ("田中 太郎" and
 * "田中太郎"), one per line. The identity repository keeps it up to date on every write; rows
 * written elsewhere (old factories, bench generators) have NULL and are matched on lower(name).
 *
 * `fold` must stay identical to nameSearchText in modules/identity/userSearch.ts (a test checks it);
 * it is repeated here because migrations never import app code.
 */

function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function nameSearchText(names: Array<string | null>): string {
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = fold(name);
    if (!folded) continue;
    out.add(folded);
    out.add(folded.replace(/ /g, ''));
  }
  return [...out].join('\n');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('name_search', 'text').execute();
  // Directory pages are ordered by (name, id).
  await db.schema.createIndex('users_name_idx').on('users').columns(['name', 'id']).execute();
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('users')
      .select(['id', 'name', 'name_kana', 'name_en'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()) as Array<{ id: string; name: string; name_kana: string | null; name_en: string | null }>;
    if (!rows.length) break;
    for (const r of rows) {
      await db
        .updateTable('users')
        .set({ name_search: nameSearchText([r.name, r.name_kana, r.name_en]) })
        .where('id', '=', r.id)
        .execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_name_idx').execute();
  await db.schema.alterTable('users').dropColumn('name_search').execute();
}
