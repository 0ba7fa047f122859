import { DEFAULT_TIME_ZONE } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { companionRepo } from './repo.ts';

/**
 * The one figure about companion use: how many distinct people used it in a month, company-wide.
 * During a month we keep a set of keyed hashes HMAC(secret of the month, user id); the month's
 * secret is a vault system secret (wrapped by the master key), so without it nobody can tell
 * whose hash is whose. When the month is over the set is counted, the count kept, and the hashes
 * and the secret deleted: after that not even the server can say who was in it.
 * Nothing else about use (who, when, how often, which mode, crisis or not) is recorded.
 */
export const MONTHLY_PURPOSE = 'companion.monthly-users';

/** Formats a date as year and month in Japan time; built once, since every message asks. */
const MONTH_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
});

/** Months are calendar months in Japan time (the company's default zone). */
export function monthOf(at: Date): string {
  const parts = MONTH_FORMAT.formatToParts(at);
  const y = parts.find((p) => p.type === 'year')?.value;
  const m = parts.find((p) => p.type === 'month')?.value;
  return `${y}-${m}`;
}

/** `YYYY-MM` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + delta;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * Hashes this process already added for the current month, so a person's later messages cost no
 * write. It holds exactly what the table holds (keyed hashes, no ids), and only for one month.
 */
const added = new WeakMap<AppDeps, { month: string; hashes: Set<string> }>();

/** Adds the actor to this month's set (idempotent: one hash per person per month). */
export async function recordMonthlyUse(deps: AppDeps, actor: Actor, now: Date): Promise<void> {
  const month = monthOf(now);
  const hash = await deps.vault.secrets.keyedHash(MONTHLY_PURPOSE, month, actor.userId);
  let seen = added.get(deps);
  if (seen?.month !== month) added.set(deps, (seen = { month, hashes: new Set() }));
  if (seen.hashes.has(hash)) return;
  await companionRepo.addMonthlyUser(deps.db, month, hash);
  seen.hashes.add(hash);
}

/**
 * Closes every month before the current one: count → keep the count → delete the hashes and the
 * month's secret, in one transaction per month. Idempotent and safe on several instances.
 */
export async function closeFinishedMonths(deps: AppDeps, now: Date): Promise<string[]> {
  const current = monthOf(now);
  const withSecret = (await deps.vault.secrets.names(MONTHLY_PURPOSE)).filter((m) => m < current);
  const withHashes = await companionRepo.openMonthsBefore(deps.db, current);
  const months = [...new Set([...withSecret, ...withHashes])].sort();
  for (const month of months) {
    await deps.db.transaction().execute(async (trx) => {
      const users = await companionRepo.countMonthlyUsers(trx, month);
      await companionRepo.saveMonthlyCount(trx, month, users);
      await companionRepo.deleteMonthlyUsers(trx, month);
      await deps.vault.secrets.delete(MONTHLY_PURPOSE, month, trx);
    });
  }
  return months;
}

export interface MonthlyInsight {
  month: string;
  status: 'closed' | 'open';
  /** Distinct users that month; null when suppressed (below k) or while the month is open. */
  users: number | null;
  suppressed: boolean;
}

/** The k used for this figure: the configured threshold, never below 5. */
export function effectiveK(deps: AppDeps): number {
  return Math.max(5, deps.config.kThreshold);
}

/**
 * The last 12 closed months plus the current one. A running month shows no number (watching
 * a live count move would reveal who just started); a closed month shows its count only when
 * at least k people used it.
 */
export async function monthlyInsights(deps: AppDeps, now: Date): Promise<MonthlyInsight[]> {
  await closeFinishedMonths(deps, now);
  const current = monthOf(now);
  const from = addMonths(current, -12);
  const counts = new Map(
    (await companionRepo.monthlyCounts(deps.db, from)).map((r) => [r.month, Number(r.users)]),
  );
  const k = effectiveK(deps);
  const out: MonthlyInsight[] = [];
  for (let i = -12; i < 0; i++) {
    const month = addMonths(current, i);
    const users = counts.get(month) ?? 0;
    const suppressed = users < k;
    out.push({ month, status: 'closed', users: suppressed ? null : users, suppressed });
  }
  out.push({ month: current, status: 'open', users: null, suppressed: false });
  return out;
}
