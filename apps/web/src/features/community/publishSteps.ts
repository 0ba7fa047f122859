import { ApiError } from '../../api/errors.ts';

/** The dialogs that can stand between a writer and their first post. */
export type Step = 'conduct' | 'rules' | 'join';

/** Which dialog answers a refusal from the server, or null when it is another kind of error. */
export function stepFor(error: unknown, canJoin: boolean): Step | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'community.code_of_conduct_ack_required') return 'conduct';
  if (error.code === 'community.rules_ack_required') return 'rules';
  if (error.code === 'community.membership_required' && canJoin) return 'join';
  return null;
}
