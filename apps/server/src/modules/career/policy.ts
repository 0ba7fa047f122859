import { definePolicy } from '../../platform/policy.ts';
import { hasRole } from '../../platform/actor.ts';

/** What a rule about one opportunity needs to know. */
export interface OpportunitySubject {
  status: string;
  ownerId: string | null;
}

/**
 * Who may do what in キャリア. Deny by default.
 *
 * The private profile (strengths, values, skills, experiences, goals, interests) has no rule
 * granting anyone access: like the companion's records it is read only through the vault opened
 * for the request's own actor (`vault.forOwner(request.actor)`), so there is nobody else's
 * profile to ask for. What others may see is what the owner published (the public parts) or
 * chose to send (an application's snapshot), and interest only as k-suppressed daily counts.
 * hr runs the catalog; admin (情シス) has no special rights here.
 */
export const careerPolicy = definePolicy({
  /** Anyone signed in keeps their own profile, marks interest, gets recommendations. */
  'profile.own': () => true,
  /** Published parts are for every signed-in colleague. */
  'profile.readPublic': () => true,
  /** Open opportunities are for everyone; closed ones for hr and the person who runs them. */
  'opportunity.view': (actor, s: OpportunitySubject) =>
    s.status === 'open' || hasRole(actor, 'hr') || s.ownerId === actor.userId,
  /** Create, edit, close, delete, import. */
  'opportunity.manage': (actor) => hasRole(actor, 'hr'),
  /** Applications to an opportunity: hr and its owner (who receives them). */
  'opportunity.applications': (actor, s: OpportunitySubject) =>
    hasRole(actor, 'hr') || (s.ownerId !== null && s.ownerId === actor.userId),
  /** The management list with application and interest counts: hr (all) or people who run an opportunity (theirs). */
  'opportunity.stats': (actor, s: { ownsAny: boolean }) => hasRole(actor, 'hr') || s.ownsAny,
});
