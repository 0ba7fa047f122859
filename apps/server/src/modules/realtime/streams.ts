import type { AppDeps } from '../../app.ts';
import { communityRepo } from '../community/repo.ts';

/**
 * Who may read which stream (checked at subscribe time and again when access changes):
 * - `user:<id>`: that person only (notifications, their own membership changes);
 * - `company`: everyone signed in (company-wide announcements);
 * - `community:<id>`: everyone for an open community, members only for a private one (admins
 *   included: they see that a private community exists, never its content).
 */
export function defineCoreStreams(deps: AppDeps): void {
  deps.realtime.defineStream('user', (actor, id) => actor.userId === id);
  deps.realtime.defineStream('company', (_actor, id) => id === '');
  deps.realtime.defineStream('community', async (actor, id) => {
    const community = await communityRepo.findById(deps.db, id);
    if (!community) return false;
    if (community.visibility === 'open') return true;
    return (await communityRepo.membership(deps.db, id, actor.userId)) !== null;
  });
}
