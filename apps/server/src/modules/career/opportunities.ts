import {
  translate,
  type FieldIssue,
  type FieldIssueCode,
  type Locale,
  type OpportunityInput,
  type OpportunityPatch,
  type OpportunityPage,
} from '@engawa/shared';
import type { z } from 'zod';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { nowIso } from '../../db/index.ts';
import { newId } from '../../platform/ids.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { careerPolicy } from './policy.ts';
import { careerRepo, type OpportunityCursor, type OpportunityFilters, type OpportunityRow } from './repo.ts';
import { readProfile } from './profile.ts';
import { parseSkills, presentOpportunity, type CallerState } from './presenter.ts';
import { resolveSkills, type StoredSkillRef } from './skills.ts';

/**
 * The opportunities catalog (研修, 社内公募, ジョブシャドウイング, 社内副業, メンタリング): hr runs it,
 * everyone reads the open ones. Rules shared by the API and the CSV import live here.
 */

/** An opportunity's fields after validation, ready to store. */
export interface OpportunityFields {
  code: string | null;
  type: string;
  title: string;
  description: string;
  skillsRequired: StoredSkillRef[];
  skillsGained: StoredSkillRef[];
  departmentId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  applyBy: string | null;
  capacity: number | null;
  timeShare: number | null;
  status: string;
  ownerId: string | null;
}

/** Logical fields that cross-field rules report on; the API and the CSV name them differently. */
export type RuleField = 'timeShare' | 'endsOn' | 'applyBy';

/** Rules between fields: a gig has a share of time, the others do not; dates run forward. */
export function crossFieldIssues(
  f: Pick<OpportunityFields, 'type' | 'timeShare' | 'startsOn' | 'endsOn' | 'applyBy'>,
) {
  const issues: Array<{ field: RuleField; code: FieldIssueCode }> = [];
  if (f.type === 'gig' && f.timeShare === null) issues.push({ field: 'timeShare', code: 'required' });
  if (f.type !== 'gig' && f.timeShare !== null) issues.push({ field: 'timeShare', code: 'invalid_value' });
  if (f.startsOn && f.endsOn && f.endsOn < f.startsOn)
    issues.push({ field: 'endsOn', code: 'invalid_value' });
  if (f.applyBy && f.endsOn && f.applyBy > f.endsOn) issues.push({ field: 'applyBy', code: 'invalid_value' });
  return issues;
}

/** Folded text for substring search: title, description and every name of every skill. */
export function searchText(
  f: Pick<OpportunityFields, 'title' | 'description' | 'skillsRequired' | 'skillsGained'>,
) {
  const names = [...f.skillsRequired, ...f.skillsGained].flatMap((s) =>
    s.id ? [translate('ja', `career.skills.${s.id}`), translate('en', `career.skills.${s.id}`)] : [s.name],
  );
  return [f.title, f.description, ...names].join('\n').normalize('NFKC').toLowerCase();
}

export function foldQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().trim();
}

function rowValues(f: OpportunityFields) {
  return {
    code: f.code,
    type: f.type,
    title: f.title,
    description: f.description,
    skills_required: JSON.stringify(f.skillsRequired),
    skills_gained: JSON.stringify(f.skillsGained),
    department_id: f.departmentId,
    starts_on: f.startsOn,
    ends_on: f.endsOn,
    apply_by: f.applyBy,
    capacity: f.capacity,
    time_share: f.timeShare,
    status: f.status,
    owner_id: f.ownerId,
    norm: searchText(f),
  };
}

export function insertValues(f: OpportunityFields, id: string, actorId: string | null, now: string) {
  return { id, ...rowValues(f), created_by: actorId, created_at: now, updated_at: now };
}

export function updateValues(f: OpportunityFields, now: string) {
  return { ...rowValues(f), updated_at: now };
}

function skillsOrFail(inputs: OpportunityInput['skillsRequired'], field: string, issues: FieldIssue[]) {
  const { skills, invalid } = resolveSkills(inputs);
  for (const i of invalid) issues.push({ field: `${field}.${i}.id`, code: 'invalid_value' });
  return skills;
}

/** Checks references (department, owner, unique code) and cross-field rules; throws naming each field. */
async function validated(
  deps: AppDeps,
  input: OpportunityInput,
  exceptId: string | null,
): Promise<OpportunityFields> {
  const issues: FieldIssue[] = [];
  const fields: OpportunityFields = {
    code: input.code,
    type: input.type,
    title: input.title,
    description: input.description,
    skillsRequired: skillsOrFail(input.skillsRequired, 'skillsRequired', issues),
    skillsGained: skillsOrFail(input.skillsGained, 'skillsGained', issues),
    departmentId: input.departmentId ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    applyBy: input.applyBy ?? null,
    capacity: input.capacity ?? null,
    timeShare: input.timeShare ?? null,
    status: input.status,
    ownerId: input.ownerId ?? null,
  };
  for (const i of crossFieldIssues(fields)) issues.push(i);
  if (fields.departmentId && !(await careerRepo.departmentExists(deps.db, fields.departmentId)))
    issues.push({ field: 'departmentId', code: 'unknown_reference' });
  if (fields.ownerId && !(await careerRepo.activeUserExists(deps.db, fields.ownerId)))
    issues.push({ field: 'ownerId', code: 'unknown_reference' });
  if (fields.code && (await careerRepo.codeTaken(deps.db, fields.code, exceptId)))
    issues.push({ field: 'code', code: 'taken' });
  if (issues.length) throw validationError(issues);
  return fields;
}

/** The caller's own interest (from their vault, in this request) and applications. */
export async function callerState(deps: AppDeps, actor: Actor, ov: OwnerVault): Promise<CallerState> {
  const [{ profile }, applied] = await Promise.all([
    readProfile(deps, ov),
    careerRepo.appliedIds(deps.db, actor.userId),
  ]);
  return { interested: new Set(profile.interests.map((i) => i.opportunityId)), applied };
}

/** Loads an opportunity the actor may see (404 otherwise). */
export async function loadOpportunity(deps: AppDeps, actor: Actor, id: string): Promise<OpportunityRow> {
  const row = await careerRepo.findOpportunity(deps.db, id);
  if (!row) throw notFound();
  careerPolicy.authorize(
    actor,
    'opportunity.view',
    { status: row.status, ownerId: row.owner_id },
    { hidden: true },
  );
  return row;
}

function encodeCursor(c: OpportunityCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id]), 'utf8').toString('base64url');
}

/** Reads a cursor of `encodeCursor`; anything else is a validation error on `cursor`. */
function decodeCursor(text: string, locale: Locale): OpportunityCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { createdAt: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw validationError([
    { field: 'cursor', code: 'invalid_value', message: translate(locale, 'career.list.invalidCursor') },
  ]);
}

/** A catalog query: filters, the page size, and where the previous page ended. */
export interface CatalogQuery {
  type?: string | undefined;
  status: 'open' | 'closed' | 'all';
  q?: string | undefined;
  departmentId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * The catalog, newest first, page by page. Everyone sees open ones; hr may ask for closed ones too;
 * others asking for closed ones get only the closed ones they run. The filters go into the query
 * itself (not a filter after it), so every page is full and `total` counts what the pages hold.
 * The cursor is opaque to clients (base64url of the last row's sort key); the client sends the same
 * filters with it.
 */
export async function listOpportunities(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  query: CatalogQuery,
  opts: { ownedOnly?: boolean } = {},
): Promise<OpportunityPage> {
  const manager = careerPolicy.can(actor, 'opportunity.manage', undefined);
  const cursor = query.cursor ? decodeCursor(query.cursor, actor.locale) : undefined;
  const filters: OpportunityFilters = {
    type: query.type,
    status: query.status,
    q: query.q ? foldQuery(query.q) : undefined,
    departmentId: query.departmentId,
    ...(opts.ownedOnly
      ? { ownerId: actor.userId }
      : manager || query.status === 'open'
        ? {}
        : { openOrOwnedBy: actor.userId }),
  };
  const [rows, total, state] = await Promise.all([
    careerRepo.listOpportunities(deps.db, { ...filters, cursor, limit: query.limit + 1 }),
    careerRepo.countOpportunities(deps.db, filters),
    callerState(deps, actor, ov),
  ]);
  const window = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  const last = window.at(-1);
  return {
    items: window
      // The query already keeps to what the actor may see; the policy still has the last word.
      .filter((r) => careerPolicy.can(actor, 'opportunity.view', { status: r.status, ownerId: r.owner_id }))
      .map((r) => presentOpportunity(r, actor, state, actor.locale)),
    nextCursor: more && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    total,
  };
}

export async function createOpportunity(
  deps: AppDeps,
  actor: Actor,
  input: OpportunityInput,
): Promise<string> {
  const fields = await validated(deps, input, null);
  const id = newId();
  await careerRepo.insertOpportunity(deps.db, insertValues(fields, id, actor.userId, nowIso()));
  return id;
}

export async function updateOpportunity(
  deps: AppDeps,
  id: string,
  patch: z.infer<typeof OpportunityPatch>,
): Promise<void> {
  const row = await careerRepo.findOpportunity(deps.db, id);
  if (!row) throw notFound();
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const merged: OpportunityInput = {
    code: row.code,
    type: row.type as OpportunityInput['type'],
    title: row.title,
    description: row.description,
    skillsRequired: parseSkills(row.skills_required),
    skillsGained: parseSkills(row.skills_gained),
    departmentId: row.department_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    applyBy: row.apply_by,
    capacity: row.capacity === null ? null : Number(row.capacity),
    timeShare: row.time_share === null ? null : Number(row.time_share),
    status: row.status as OpportunityInput['status'],
    ownerId: row.owner_id,
    ...defined,
  };
  const fields = await validated(deps, merged, id);
  await careerRepo.updateOpportunity(deps.db, id, updateValues(fields, nowIso()));
}

/** Deleting is for mistakes: an opportunity people applied to is closed instead. */
export async function deleteOpportunity(deps: AppDeps, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await careerRepo.findOpportunity(trx, id))) throw notFound();
    if (await careerRepo.hasApplications(trx, id)) throw new AppError('career.opportunity_has_applications');
    await careerRepo.deleteOpportunity(trx, id);
  });
}
