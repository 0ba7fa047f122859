import { definePolicy } from '../../platform/policy.ts';
import { hasRole } from '../../platform/actor.ts';

/**
 * Who may do what in キャリア相談. Deny by default.
 *
 * Private records (conversations, summaries, notes) have no rule here on purpose: ownership is
 * not a decision anyone can be granted. Every query on them filters by the owner tag of the vault
 * opened for the request's own actor (`vault.forOwner(request.actor)`), so a record that is not
 * yours does not exist for you (404), whatever your roles. No role — manager, hr, admin — has
 * any path to another person's records. The only thing hr sees about use is the company-wide
 * monthly count, suppressed below k.
 */
export const companionPolicy = definePolicy({
  /** Anyone signed in may talk to the companion and keep private notes. */
  'companion.use': () => true,
  /** The company's AI policy text and support contacts. */
  'settings.manage': (actor) => hasRole(actor, 'hr'),
  /** Company-wide monthly user counts, k-suppressed. */
  'insights.read': (actor) => hasRole(actor, 'hr'),
});
