import type { Transaction } from 'kysely';
import type { OpportunityItem, OpportunityStatsPage } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { careerRepo } from './repo.ts';
import { changeProfile, readProfile } from './profile.ts';
import { listOpportunities, loadOpportunity, type CatalogQuery } from './opportunities.ts';
import { presentOpportunity } from './presenter.ts';

/**
 * Interest ("気になる") is private: the list of what someone marked (with an optional note) is
 * sealed in their profile. hr and the people who run an opportunity see only how many people are
 * interested, and only when at least k. Counting without a per-person record:
 *
 * - each interested person leaves one keyed hash per opportunity in `career_interest_marks`:
 *   HMAC-SHA256(system secret `career.interest/marks`, opportunity id ‖ owner tag). The secret is
 *   a vault system secret (wrapped by the master key); the owner tag is itself a keyed pseudonym.
 *   Marks of one person on two opportunities share nothing, so they cannot be linked to each
 *   other, and without the master key they cannot be linked to anyone.
 * - hr never reads marks: a daily snapshot (`career_interest_counts`, Japan-time day) keeps only
 *   the number per opportunity, so watching a live figure move cannot tell who just marked.
 * - a figure below k (config K_THRESHOLD, never below 5) is shown as suppressed.
 */
export const INTEREST_PURPOSE = 'career.interest';
const INTEREST_SECRET = 'marks';

export function interestMark(
  deps: Pick<AppDeps, 'vault'>,
  opportunityId: string,
  ownerTag: string,
  trx?: Transaction<DB>,
): Promise<string> {
  return deps.vault.secrets.keyedHash(
    INTEREST_PURPOSE,
    INTEREST_SECRET,
    `${opportunityId}\u0000${ownerTag}`,
    trx,
  );
}

/** The k for interest counts: the configured threshold, never below 5. */
export function interestK(deps: Pick<AppDeps, 'config'>): number {
  return Math.max(5, deps.config.kThreshold);
}

/** The day (Japan time) a snapshot belongs to. */
export function dayOf(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export async function markInterest(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  opportunityId: string,
  note: string | null,
  now: Date,
): Promise<void> {
  const row = await loadOpportunity(deps, actor, opportunityId);
  if (row.status !== 'open') throw new AppError('career.opportunity_closed');
  const mark = await interestMark(deps, opportunityId, ov.ownerTag);
  await changeProfile(
    deps,
    ov,
    actor.userId,
    now,
    (p) => {
      const kept = p.interests.find((i) => i.opportunityId === opportunityId);
      p.interests = [
        ...p.interests.filter((i) => i.opportunityId !== opportunityId),
        { opportunityId, note, at: kept?.at ?? now.toISOString() },
      ];
      return { next: p, touched: [], result: undefined };
    },
    (trx) => careerRepo.addMark(trx, opportunityId, mark).then(() => undefined),
  );
}

/** Removes a mark (also for an opportunity that closed or disappeared since). 404 when there was none. */
export async function unmarkInterest(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  opportunityId: string,
  now: Date,
): Promise<void> {
  const mark = await interestMark(deps, opportunityId, ov.ownerTag);
  await changeProfile(
    deps,
    ov,
    actor.userId,
    now,
    (p) => {
      const before = p.interests.length;
      p.interests = p.interests.filter((i) => i.opportunityId !== opportunityId);
      if (p.interests.length === before) throw notFound();
      return { next: p, touched: [], result: undefined };
    },
    (trx) => careerRepo.deleteMark(trx, opportunityId, mark).then(() => undefined),
  );
}

/** The owner's own interests, newest first, with their private notes. */
export async function myInterests(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
): Promise<Array<{ opportunity: OpportunityItem; note: string | null; markedAt: string }>> {
  const { profile } = await readProfile(deps, ov);
  const ids = profile.interests.map((i) => i.opportunityId);
  const [rows, applied] = await Promise.all([
    careerRepo.opportunitiesByIds(deps.db, ids),
    careerRepo.appliedAmong(deps.db, actor.userId, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const state = { interested: new Set(ids), applied };
  return [...profile.interests]
    .sort((a, b) => b.at.localeCompare(a.at))
    .flatMap((i) => {
      const row = byId.get(i.opportunityId);
      if (!row) return [];
      return [
        { opportunity: presentOpportunity(row, actor, state, actor.locale), note: i.note, markedAt: i.at },
      ];
    });
}

/**
 * Takes today's snapshot of interest counts unless one exists. Idempotent and safe on several
 * instances (the last writer of the day writes the same numbers, give or take marks added meanwhile).
 */
export async function refreshInterestCounts(deps: Pick<AppDeps, 'db'>, now: Date): Promise<string> {
  const day = dayOf(now);
  const last = await careerRepo.countsDay(deps.db);
  if (last !== undefined && last >= day) return last;
  await deps.db.transaction().execute((trx) => careerRepo.snapshotCounts(trx, day));
  return day;
}

/**
 * The management list: hr sees every opportunity, others only the ones they run; each with its
 * number of applications and its interest figure (k-suppressed, from the daily snapshot).
 */
export async function opportunityStats(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  query: CatalogQuery,
  now: Date,
): Promise<OpportunityStatsPage> {
  await refreshInterestCounts(deps, now);
  const page = await listOpportunities(deps, actor, ov, query, { ownedOnly: !actor.roles.has('hr') });
  const ids = page.items.map((o) => o.id);
  const [applications, counts] = await Promise.all([
    careerRepo.countApplications(deps.db, ids),
    careerRepo.countsFor(deps.db, ids),
  ]);
  const k = interestK(deps);
  return {
    items: page.items.map((opportunity) => {
      const c = counts.get(opportunity.id);
      const n = c?.interested ?? 0;
      return {
        opportunity,
        applications: applications.get(opportunity.id) ?? 0,
        interest: n >= k ? n : null,
        interestSuppressed: n < k,
        interestCountedOn: c?.counted_on ?? null,
      };
    }),
    nextCursor: page.nextCursor,
    total: page.total,
    k,
  };
}

/** Erasure: the person's profile row and every interest mark they left (found through their owner tag). */
export async function eraseCareerOf(deps: Pick<AppDeps, 'vault'>, trx: Transaction<DB>, ownerTag: string) {
  await careerRepo.deleteProfile(trx, ownerTag);
  for (const opportunityId of await careerRepo.markedOpportunityIds(trx)) {
    await careerRepo.deleteMark(trx, opportunityId, await interestMark(deps, opportunityId, ownerTag, trx));
  }
}
