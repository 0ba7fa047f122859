import type { CatalogShape } from '../index.ts';
import type { jaNotifications } from '../ja/notifications.ts';

export const enNotifications: CatalogShape<typeof jaNotifications> = {
  title: 'Notifications',
  empty: 'No new notifications.',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  unreadCount: '{{count}} unread',
  urgent: 'Urgent',
  someone: 'Someone',
  waitingNote:
    'Notifications that arrive outside your working hours are shown at the start of your next working day.',
  kind: {
    comment: {
      one: '{{actor}} commented on your post “{{subject}}”',
      many: '{{count}} new comments on your post “{{subject}}”',
    },
    reply: {
      one: '{{actor}} replied to your comment on “{{subject}}”',
      many: '{{count}} new replies to your comment on “{{subject}}”',
    },
    mention: {
      one: '{{actor}} mentioned you in “{{subject}}”',
      many: '{{count}} mentions of you in “{{subject}}”',
    },
    reaction: {
      one: '{{actor}} reacted to “{{subject}}”',
      many: '{{count}} new reactions to “{{subject}}”',
    },
    announcement: {
      one: 'Announcement in {{context}}: “{{subject}}”',
      many: 'Announcement in {{context}}: “{{subject}}” and {{count}} more',
    },
    application: {
      one: 'A new application to “{{subject}}”, which you run',
      many: '{{count}} new applications to “{{subject}}”, which you run',
    },
  },
  digest: {
    subject: '[Engawa] You have {{count}} unread notifications',
    greeting: 'Hello {{name}},',
    intro: 'Here are your unread notifications since the last summary.',
    more: '{{count}} more notifications are waiting.',
    open: 'Open in Engawa',
    footer:
      'This summary is sent at the start of your working hours. You can choose how often it comes (daily, weekly or never) and change your working hours and time zone in Engawa’s settings.',
    settings: 'Change how you get e-mail',
  },
  urgentMail: {
    subject: '[Engawa · urgent] {{title}}',
    intro: 'An organizer sent this as an urgent announcement.',
  },
  bellUnread: 'Notifications ({{count}} unread)',
  unreadItem: 'Unread: {{title}}',
  grouped: '{{count}} grouped',
  viewAll: 'See all notifications',
};
