import { definePolicy } from '../../platform/policy.ts';

/**
 * Everyone signed in may search; what each person finds is limited by the query itself (open
 * communities and their own private ones, visible posts only: see repo.ts).
 */
export const searchPolicy = definePolicy({
  'search.query': () => true,
});
