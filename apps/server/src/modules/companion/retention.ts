import type { AppDeps } from '../../app.ts';
import { companionRepo } from './repo.ts';
import { closeFinishedMonths } from './usage.ts';

/** The job's name in the scheduler (platform/jobs.ts). */
export const RETENTION_JOB = 'companion.retention';
/** How often the companion retention job runs. */
export const RETENTION_INTERVAL_MS = 15 * 60_000;

/**
 * The companion's retention job: deletes kept conversations (and their summaries) whose
 * `expires_at` has passed, and closes finished months of the usage count (keeps the count,
 * deletes the keyed hashes and the month's secret). Needs no key: it never decrypts anything.
 * `now` is a parameter so tests run it with a fixed clock.
 */
export async function runCompanionRetention(
  deps: AppDeps,
  now: Date,
): Promise<{ deletedConversations: number; closedMonths: string[] }> {
  const deletedConversations = await deps.db
    .transaction()
    .execute((trx) => companionRepo.deleteExpired(trx, now.toISOString()));
  const closedMonths = await closeFinishedMonths(deps, now);
  return { deletedConversations, closedMonths };
}
