import type { Kysely } from 'kysely';

/*
 * Each person chooses how often the notification e-mail digest reaches them (設定 → メールでのお知らせ):
 * 'daily' (the behaviour so far, and the default for everyone who exists now), 'weekly' or 'off'.
 * Stored beside the other personal settings on `users`. Values are checked by the settings route;
 * the mail job reads anything it does not know as 'daily'.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email_digest', 'text', (c) => c.notNull().defaultTo('daily'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email_digest').execute();
}
