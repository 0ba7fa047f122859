import type { Kysely } from 'kysely';

/*
 * Career (private profile, public projections, opportunities, applications, interest counts) and
 * the 1on1 bridge. Private rows (`career_profiles`, `oneonone_drafts`) hold vault ciphertext and
 * are found by `owner_tag`, never by user id. Everything else is what the person chose to make
 * visible (published parts, applications, shared agenda items) or company data (the catalog).
 * Migrations never import app code.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The owner's whole profile (strengths, values, skills, experiences, goals, interests), sealed.
  await db.schema
    .createTable('career_profiles')
    .addColumn('owner_tag', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  // Plaintext projections of the parts a person published; unpublishing deletes the row.
  await db.schema
    .createTable('career_public_parts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_public_parts_pk', ['user_id', 'part'])
    .execute();

  await db.schema
    .createTable('career_opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON arrays of { id, name } (catalog id or null for a free entry).
    .addColumn('skills_required', 'text', (c) => c.notNull())
    .addColumn('skills_gained', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('apply_by', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('time_share', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // NFKC + lower-cased title, description and skill names, for substring search.
    .addColumn('norm', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('career_opportunities_status_idx')
    .on('career_opportunities')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('career_opportunities_owner_idx')
    .on('career_opportunities')
    .column('owner_id')
    .execute();

  // An application carries exactly the snapshot the applicant confirmed; withdrawing clears it.
  await db.schema
    .createTable('career_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) =>
      c.notNull().references('career_opportunities.id').onDelete('cascade'),
    )
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text')
    .addColumn('message', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addUniqueConstraint('career_applications_one_per_person', ['opportunity_id', 'applicant_id'])
    .execute();
  await db.schema
    .createIndex('career_applications_applicant_idx')
    .on('career_applications')
    .column('applicant_id')
    .execute();

  // Interest without a person: keyed hashes HMAC(system secret, opportunity ‖ owner tag), one per
  // interested person and opportunity, and the daily snapshot of their counts that hr reads.
  await db.schema
    .createTable('career_interest_marks')
    .addColumn('opportunity_id', 'text', (c) =>
      c.notNull().references('career_opportunities.id').onDelete('cascade'),
    )
    .addColumn('mark', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_interest_marks_pk', ['opportunity_id', 'mark'])
    .execute();
  await db.schema
    .createTable('career_interest_counts')
    .addColumn('opportunity_id', 'text', (c) =>
      c.primaryKey().references('career_opportunities.id').onDelete('cascade'),
    )
    .addColumn('interested', 'integer', (c) => c.notNull())
    .addColumn('counted_on', 'text', (c) => c.notNull())
    .execute();

  // 1on1: the employee's own agenda items, sealed (private until shared).
  await db.schema
    .createTable('oneonone_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_tag', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oneonone_drafts_owner_idx')
    .on('oneonone_drafts')
    .column('owner_tag')
    .execute();

  // What both sides of one pair (employee, manager) see: items the employee shared (a copy of
  // exactly what was previewed) and the manager's own items. Revoking deletes the shared copy.
  await db.schema
    .createTable('oneonone_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('employee_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('want', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oneonone_items_pair_idx')
    .on('oneonone_items')
    .columns(['employee_id', 'manager_id'])
    .execute();

  await db.schema
    .createTable('oneonone_next_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('employee_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oneonone_next_steps_pair_idx')
    .on('oneonone_next_steps')
    .columns(['employee_id', 'manager_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'oneonone_next_steps',
    'oneonone_items',
    'oneonone_drafts',
    'career_interest_counts',
    'career_interest_marks',
    'career_applications',
    'career_opportunities',
    'career_public_parts',
    'career_profiles',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
