import type { Kysely } from 'kysely';

/*
 * Binds each application to the opportunity owner the applicant saw on the consent screen, so a later
 * change of owner never hands earlier applications to someone the applicant did not agree to.
 * Existing rows get the opportunity's current owner (the only one they can have seen so far).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('career_applications').addColumn('recipient_owner_id', 'text').execute();
  await db
    .updateTable('career_applications')
    .set((eb) => ({
      recipient_owner_id: eb
        .selectFrom('career_opportunities')
        .select('owner_id')
        .whereRef('career_opportunities.id', '=', 'career_applications.opportunity_id'),
    }))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('career_applications').dropColumn('recipient_owner_id').execute();
}
