import crypto from 'node:crypto';
import {
  sql,
  type Insertable,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { CareerOpportunityTable, DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

const COUNTS_DAY_KEY = 'career.interest-counts-day';
const CATALOG_VERSION_KEY = 'career.catalog-version';

/** Every catalog write changes the version token (in the writer's transaction). */
async function bumpCatalogVersion(db: Q) {
  const value = crypto.randomUUID();
  const now = nowIso();
  await db
    .insertInto('app_settings')
    .values({ key: CATALOG_VERSION_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** Escapes LIKE wildcards; the pattern uses `\` as the escape character on both dialects. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An opportunity row with its department and owner names (what presenters need). */
function opportunityQuery(db: Q) {
  return db
    .selectFrom('career_opportunities as o')
    .leftJoin('departments as d', 'd.id', 'o.department_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .select([
      'o.id',
      'o.code',
      'o.type',
      'o.title',
      'o.description',
      'o.skills_required',
      'o.skills_gained',
      'o.department_id',
      'o.starts_on',
      'o.ends_on',
      'o.apply_by',
      'o.capacity',
      'o.time_share',
      'o.status',
      'o.owner_id',
      'o.created_at',
      'o.updated_at',
      'd.name as department_name',
      'd.name_en as department_name_en',
      'u.name as owner_name',
    ]);
}
export type OpportunityRow = Awaited<
  ReturnType<ReturnType<typeof opportunityQuery>['executeTakeFirstOrThrow']>
>;

export interface OpportunityCursor {
  createdAt: string;
  id: string;
}

/**
 * What a catalog list is narrowed to. `ownerId` keeps only the ones that person runs;
 * `openOrOwnedBy` keeps open ones plus the ones that person runs (what a non-hr caller may see).
 */
export interface OpportunityFilters {
  type?: string | undefined;
  status: 'open' | 'closed' | 'all';
  q?: string | undefined;
  departmentId?: string | undefined;
  ownerId?: string | undefined;
  openOrOwnedBy?: string | undefined;
}

/** Applies the filters to any query over `career_opportunities as o` (the page and its count). */
function filteredOpportunities<
  QB extends SelectQueryBuilder<DB & { o: CareerOpportunityTable }, 'o', object>,
>(query: QB, f: OpportunityFilters): QB {
  let q = query as SelectQueryBuilder<DB & { o: CareerOpportunityTable }, 'o', object>;
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.status !== 'all') q = q.where('o.status', '=', f.status);
  if (f.departmentId) q = q.where('o.department_id', '=', f.departmentId);
  if (f.ownerId) q = q.where('o.owner_id', '=', f.ownerId);
  if (f.openOrOwnedBy) {
    const me = f.openOrOwnedBy;
    q = q.where((eb) => eb.or([eb('o.status', '=', 'open'), eb('o.owner_id', '=', me)]));
  }
  if (f.q) q = q.where(sql<SqlBool>`o.norm like ${`%${likeEscape(f.q)}%`} escape '\\'`);
  return q as QB;
}

/**
 * The only SQL of the career module. The private profile is read and written by owner tag
 * (from the owner's vault) only; everything else here is public or shared data.
 */
export const careerRepo = {
  /* private profile (ciphertext) */
  findProfile(db: Q, ownerTag: string) {
    return db
      .selectFrom('career_profiles')
      .select('body')
      .where('owner_tag', '=', ownerTag)
      .executeTakeFirst();
  },
  async insertProfile(db: Q, ownerTag: string, body: string): Promise<boolean> {
    const res = await db
      .insertInto('career_profiles')
      .values({ owner_tag: ownerTag, body })
      .onConflict((oc) => oc.column('owner_tag').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  /** Compare-and-set on the ciphertext (a fresh nonce makes every write unique). */
  async updateProfile(db: Q, ownerTag: string, expected: string, body: string): Promise<boolean> {
    const res = await db
      .updateTable('career_profiles')
      .set({ body })
      .where('owner_tag', '=', ownerTag)
      .where('body', '=', expected)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  deleteProfile(db: Q, ownerTag: string) {
    return db.deleteFrom('career_profiles').where('owner_tag', '=', ownerTag).execute();
  },

  /* published parts (plaintext projections the owner chose to publish) */
  publicPartsOf(db: Q, userId: string) {
    return db
      .selectFrom('career_public_parts')
      .select(['part', 'body', 'published_at', 'updated_at'])
      .where('user_id', '=', userId)
      .execute();
  },
  async publishedPartNames(db: Q, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('career_public_parts')
      .select('part')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.part);
  },
  async upsertPublicPart(db: Q, userId: string, part: string, body: string) {
    const now = nowIso();
    await db
      .insertInto('career_public_parts')
      .values({ user_id: userId, part, body, published_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'part']).doUpdateSet({ body, updated_at: now }))
      .execute();
  },
  /** Refreshes a published part's copy after an edit; does nothing for a part that is not published. */
  updatePublicPartIfPublished(db: Q, userId: string, part: string, body: string) {
    return db
      .updateTable('career_public_parts')
      .set({ body, updated_at: nowIso() })
      .where('user_id', '=', userId)
      .where('part', '=', part)
      .execute();
  },
  deletePublicPart(db: Q, userId: string, part: string) {
    return db
      .deleteFrom('career_public_parts')
      .where('user_id', '=', userId)
      .where('part', '=', part)
      .execute();
  },

  /* opportunities */
  findOpportunity(db: Q, id: string) {
    return opportunityQuery(db).where('o.id', '=', id).executeTakeFirst();
  },
  opportunitiesByIds(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([] as OpportunityRow[]);
    return opportunityQuery(db).where('o.id', 'in', ids).execute();
  },
  /** One page of the catalog, newest first by (created_at, id): a total order, so cursors never skip. */
  listOpportunities(
    db: Q,
    f: OpportunityFilters & { cursor?: OpportunityCursor | undefined; limit: number },
  ) {
    let query = filteredOpportunities(opportunityQuery(db), f);
    if (f.cursor) {
      const c = f.cursor;
      query = query.where((eb) =>
        eb.or([
          eb('o.created_at', '<', c.createdAt),
          eb.and([eb('o.created_at', '=', c.createdAt), eb('o.id', '<', c.id)]),
        ]),
      );
    }
    return query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
  },
  /** How many opportunities the same filters match across all pages (the list's "N件"). */
  async countOpportunities(db: Q, f: OpportunityFilters): Promise<number> {
    const row = await filteredOpportunities(
      db.selectFrom('career_opportunities as o').select((eb) => eb.fn.countAll<number>().as('n')),
      f,
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** The columns matching needs, for every open opportunity. */
  openForMatching(db: Q) {
    return db
      .selectFrom('career_opportunities')
      .select([
        'id',
        'type',
        'title',
        'norm',
        'skills_required',
        'skills_gained',
        'department_id',
        'owner_id',
        'starts_on',
      ])
      .where('status', '=', 'open')
      .execute();
  },
  /** Department names, for the reasons that name one. */
  departmentNames(db: Q) {
    return db.selectFrom('departments').select(['id', 'name', 'name_en']).execute();
  },
  /** A token that changes with every write to the catalog (keys the in-process matching cache). */
  async catalogVersion(db: Q): Promise<string | undefined> {
    const row = await db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', CATALOG_VERSION_KEY)
      .executeTakeFirst();
    return row?.value;
  },
  async insertOpportunity(db: Q, row: Insertable<CareerOpportunityTable>) {
    await db.insertInto('career_opportunities').values(row).execute();
    await bumpCatalogVersion(db);
  },
  async updateOpportunity(db: Q, id: string, set: Updateable<CareerOpportunityTable>) {
    await db.updateTable('career_opportunities').set(set).where('id', '=', id).execute();
    await bumpCatalogVersion(db);
  },
  async deleteOpportunity(db: Q, id: string) {
    await db.deleteFrom('career_opportunities').where('id', '=', id).execute();
    await bumpCatalogVersion(db);
  },
  /** Existing opportunities by import code (for the CSV upsert). */
  opportunitiesByCodes(db: Q, codes: readonly string[]) {
    if (!codes.length) return Promise.resolve([]);
    return db.selectFrom('career_opportunities').selectAll().where('code', 'in', codes).execute();
  },
  async codeTaken(db: Q, code: string, exceptId: string | null): Promise<boolean> {
    let query = db.selectFrom('career_opportunities').select('id').where('code', '=', code);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return !!(await query.executeTakeFirst());
  },
  async ownsAny(db: Q, userId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('career_opportunities')
      .select('id')
      .where('owner_id', '=', userId)
      .executeTakeFirst());
  },

  /* people and departments the catalog refers to */
  async departmentExists(db: Q, id: string): Promise<boolean> {
    return !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst());
  },
  async activeUserExists(db: Q, id: string): Promise<boolean> {
    return !!(await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst());
  },
  departmentsByCode(db: Q) {
    return db.selectFrom('departments').select(['id', 'code']).execute();
  },
  activeUsersByEmails(db: Q, emails: readonly string[]) {
    if (!emails.length) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'in', emails)
      .where('disabled_at', 'is', null)
      .execute();
  },
  personCard(db: Q, userId: string) {
    return db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'u.name', 'u.title', 'u.department_id', 'd.name as department_name'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
  },
  async userIsVisible(db: Q, userId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst());
  },

  /* applications */
  findApplication(db: Q, opportunityId: string, applicantId: string) {
    return db
      .selectFrom('career_applications')
      .selectAll()
      .where('opportunity_id', '=', opportunityId)
      .where('applicant_id', '=', applicantId)
      .executeTakeFirst();
  },
  async saveApplication(
    db: Q,
    row: {
      id: string;
      opportunity_id: string;
      applicant_id: string;
      parts: string;
      snapshot: string;
      message: string | null;
      submitted_at: string;
      recipient_owner_id: string | null;
    },
  ) {
    await db
      .insertInto('career_applications')
      .values({ ...row, status: 'submitted', withdrawn_at: null })
      .onConflict((oc) =>
        oc.columns(['opportunity_id', 'applicant_id']).doUpdateSet({
          status: 'submitted',
          parts: row.parts,
          snapshot: row.snapshot,
          message: row.message,
          submitted_at: row.submitted_at,
          withdrawn_at: null,
          recipient_owner_id: row.recipient_owner_id,
        }),
      )
      .execute();
  },
  /** Withdrawing deletes what was shared (snapshot and message) and keeps only that it was withdrawn. */
  async withdrawApplication(db: Q, opportunityId: string, applicantId: string, at: string): Promise<boolean> {
    const res = await db
      .updateTable('career_applications')
      .set({ status: 'withdrawn', snapshot: null, message: null, withdrawn_at: at })
      .where('opportunity_id', '=', opportunityId)
      .where('applicant_id', '=', applicantId)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  /**
   * Applications to one opportunity, with the applicant's public card. `recipientOwnerId` limits them
   * to those sent while that person was the owner shown on the consent screen (null: all, for hr).
   */
  applicationsFor(db: Q, opportunityId: string, recipientOwnerId: string | null) {
    return applicationRows(db)
      .where('a.opportunity_id', '=', opportunityId)
      .$if(recipientOwnerId !== null, (qb) => qb.where('a.recipient_owner_id', '=', recipientOwnerId))
      .orderBy('a.status', 'asc')
      .orderBy('a.submitted_at', 'desc')
      .execute();
  },
  /** The applicant's own applications. */
  applicationsOf(db: Q, applicantId: string) {
    return applicationRows(db)
      .where('a.applicant_id', '=', applicantId)
      .orderBy('a.submitted_at', 'desc')
      .execute();
  },
  async appliedAmong(db: Q, applicantId: string, opportunityIds: readonly string[]): Promise<Set<string>> {
    if (!opportunityIds.length) return new Set();
    const rows = await db
      .selectFrom('career_applications')
      .select('opportunity_id')
      .where('applicant_id', '=', applicantId)
      .where('status', '=', 'submitted')
      .where('opportunity_id', 'in', opportunityIds)
      .execute();
    return new Set(rows.map((r) => r.opportunity_id));
  },
  async appliedIds(db: Q, applicantId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('career_applications')
      .select('opportunity_id')
      .where('applicant_id', '=', applicantId)
      .where('status', '=', 'submitted')
      .execute();
    return new Set(rows.map((r) => r.opportunity_id));
  },
  async countApplications(db: Q, opportunityIds: readonly string[]): Promise<Map<string, number>> {
    if (!opportunityIds.length) return new Map();
    const rows = await db
      .selectFrom('career_applications')
      .select(['opportunity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('opportunity_id', 'in', opportunityIds)
      .where('status', '=', 'submitted')
      .groupBy('opportunity_id')
      .execute();
    return new Map(rows.map((r) => [r.opportunity_id, Number(r.n)]));
  },
  async hasApplications(db: Q, opportunityId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('career_applications')
      .select('id')
      .where('opportunity_id', '=', opportunityId)
      .executeTakeFirst());
  },

  /* interest: keyed hashes and their daily counts */
  addMark(db: Q, opportunityId: string, mark: string) {
    return db
      .insertInto('career_interest_marks')
      .values({ opportunity_id: opportunityId, mark })
      .onConflict((oc) => oc.columns(['opportunity_id', 'mark']).doNothing())
      .execute();
  },
  deleteMark(db: Q, opportunityId: string, mark: string) {
    return db
      .deleteFrom('career_interest_marks')
      .where('opportunity_id', '=', opportunityId)
      .where('mark', '=', mark)
      .execute();
  },
  async markedOpportunityIds(db: Q): Promise<string[]> {
    const rows = await db.selectFrom('career_interest_marks').select('opportunity_id').distinct().execute();
    return rows.map((r) => r.opportunity_id);
  },
  async countsDay(db: Q): Promise<string | undefined> {
    const row = await db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', COUNTS_DAY_KEY)
      .executeTakeFirst();
    return row?.value;
  },
  /** Replaces the snapshot: counts of marks per opportunity as of `day`. */
  async snapshotCounts(db: Q, day: string) {
    const rows = await db
      .selectFrom('career_interest_marks')
      .select(['opportunity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('opportunity_id')
      .execute();
    await db.deleteFrom('career_interest_counts').execute();
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('career_interest_counts')
        .values(
          rows
            .slice(i, i + 200)
            .map((r) => ({ opportunity_id: r.opportunity_id, interested: Number(r.n), counted_on: day })),
        )
        .execute();
    }
    const now = nowIso();
    await db
      .insertInto('app_settings')
      .values({ key: COUNTS_DAY_KEY, value: day, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: day, updated_at: now }))
      .execute();
  },
  async countsFor(db: Q, opportunityIds: readonly string[]) {
    if (!opportunityIds.length) return new Map<string, { interested: number; counted_on: string }>();
    const rows = await db
      .selectFrom('career_interest_counts')
      .select(['opportunity_id', 'interested', 'counted_on'])
      .where('opportunity_id', 'in', opportunityIds)
      .execute();
    return new Map(
      rows.map((r) => [r.opportunity_id, { interested: Number(r.interested), counted_on: r.counted_on }]),
    );
  },
};

/** The application row with the applicant's public card (one shape for every list). */
function applicationRows(db: Q) {
  return db
    .selectFrom('career_applications as a')
    .innerJoin('users as u', 'u.id', 'a.applicant_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .innerJoin('career_opportunities as o', 'o.id', 'a.opportunity_id')
    .select([
      'a.id',
      'a.opportunity_id',
      'a.applicant_id',
      'a.status',
      'a.parts',
      'a.snapshot',
      'a.message',
      'a.submitted_at',
      'a.withdrawn_at',
      'u.name as applicant_name',
      'u.title as applicant_title',
      'd.name as department_name',
      'o.title as opportunity_title',
      'o.type as opportunity_type',
    ]);
}
