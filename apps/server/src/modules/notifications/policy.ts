import { definePolicy } from '../../platform/policy.ts';

/** Notifications are private to their recipient; anything else is denied (and answered 404). */
export const notificationPolicy = definePolicy({
  'notification.list': () => true,
  'notification.read': (actor, subject: { userId: string }) => actor.userId === subject.userId,
});
