import { definePolicy } from '../../platform/policy.ts';

/** The (employee, manager) pair a shared object belongs to, and who manages the employee now. */
export interface PairSubject {
  employeeId: string;
  managerId: string;
  /** The employee's manager today (the org tree may have changed since). */
  currentManagerId: string | null;
}

const inCurrentPair = (s: PairSubject) => s.currentManagerId === s.managerId;

/**
 * Who may do what in the 1on1 bridge. Deny by default; every denial of a read is a 404.
 *
 * The employee's private items have no rule: they are sealed in the employee's vault and only the
 * employee's own request can open them. What a manager sees is what the employee shared with
 * them, item by item, while they are that employee's manager. hr and admin have no access to
 * anyone's 1on1 at all.
 */
export const oneononePolicy = definePolicy({
  /** Anyone signed in keeps their own agenda. */
  'agenda.own': () => true,
  /** A manager views one member's shared items, adds items and next steps. */
  'member.manage': (actor, s: { currentManagerId: string | null }) =>
    s.currentManagerId !== null && s.currentManagerId === actor.userId,
  /** Both sides of the current pair see its next steps and tick them done. */
  'pair.participate': (actor, s: PairSubject) =>
    inCurrentPair(s) && (actor.userId === s.employeeId || actor.userId === s.managerId),
  /** The manager's own item: only that manager, while they manage the employee. */
  'managerItem.edit': (actor, s: PairSubject) => inCurrentPair(s) && actor.userId === s.managerId,
  /** A next step is reworded (text, due date) only by whoever wrote it, within the current pair. */
  'nextStep.edit': (actor, s: PairSubject & { createdBy: string }) =>
    inCurrentPair(s) && actor.userId === s.createdBy,
  /** A next step is deleted by whoever wrote it, within the current pair. */
  'nextStep.delete': (actor, s: PairSubject & { createdBy: string }) =>
    inCurrentPair(s) && actor.userId === s.createdBy,
});
