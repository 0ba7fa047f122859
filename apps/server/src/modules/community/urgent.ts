import type { Kysely, Transaction } from 'kysely';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import type { DB } from '../../db/schema.ts';
import type { Dialect } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { communityRepo } from './repo.ts';
import { postRepo } from './posts.repo.ts';

type Q = Kysely<DB> | Transaction<DB>;

const WINDOW_MS = COMMUNITY_LIMITS.urgentAnnouncementWindowHours * 3600_000;

/**
 * When this community may send its next urgent announcement: null if it may now, else the moment
 * the previous one leaves the window. Urgent announcements skip everyone's working hours, so
 * a community gets one per window; the rule is the same for every organizer, admins and HR included
 * (they reach the most people, so their urgency costs the most).
 */
export async function nextUrgentAt(db: Q, communityId: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const last = await postRepo.lastUrgentSince(db, communityId, since);
  return last ? new Date(new Date(last).getTime() + WINDOW_MS) : null;
}

/**
 * Refuses an urgent announcement within the window after the community's previous one, with the
 * hours left (rounded up) in the message; called inside the publishing transaction, before anything
 * is stored. On PostgreSQL the community row is locked first so two organizers sending at the same
 * moment cannot both get through.
 */
export async function assertUrgentAllowed(
  tx: Transaction<DB>,
  dialect: Dialect,
  communityId: string,
  now: Date,
): Promise<void> {
  if (dialect === 'postgres') await communityRepo.lockRow(tx, communityId);
  const next = await nextUrgentAt(tx, communityId, now);
  if (!next) return;
  const seconds = Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
  throw new AppError('community.urgent_announcement_limit', {
    fields: [{ field: 'urgent', code: 'invalid_value' }],
    vars: {
      windowHours: COMMUNITY_LIMITS.urgentAnnouncementWindowHours,
      hours: Math.ceil(seconds / 3600),
    },
    retryAfterSeconds: seconds,
  });
}
