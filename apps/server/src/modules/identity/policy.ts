import { definePolicy } from '../../platform/policy.ts';
import { hasRole } from '../../platform/actor.ts';

/** Who may do what with people and the organisation. Deny by default. */
export const identityPolicy = definePolicy({
  /** Anyone signed in sees the directory (public profile fields only). */
  'user.directory': () => true,
  'user.admin': (actor) => hasRole(actor, 'admin'),
  'department.read': () => true,
  'department.admin': (actor) => hasRole(actor, 'admin'),
  'org.import': (actor) => hasRole(actor, 'admin'),
  'self.update': (actor, subject: { userId: string }) => actor.userId === subject.userId,
});
