import type { CatalogShape } from '../index.ts';
import type { jaSettings } from '../ja/settings.ts';

export const enSettings: CatalogShape<typeof jaSettings> = {
  title: 'Settings',
  account: 'Account',
  name: 'Name',
  preferences: 'Display and notifications',
  language: 'Display language',
  timeZone: 'Time zone',
  timeZoneHelp:
    'Used to show dates and times and to decide when notifications reach you. Search by city (e.g. Tokyo).',
  timeZoneNothingFound: 'No matching time zone',
  workingHours: 'Working hours',
  workStart: 'Work starts',
  workEnd: 'Work ends',
  workingHoursHelp:
    'Notifications reach you only within these hours; anything outside waits until your morning.',
  emailDigest: 'Notification e-mail',
  emailDigestHelp:
    'How often your unread notifications are summarised by e-mail. It arrives at the start of your working hours, never outside them.',
  emailDigestOptions: {
    daily: {
      label: 'Daily summary',
      help: 'On working days at the start of your working hours: what is unread since the last one.',
    },
    weekly: {
      label: 'Weekly summary',
      help: 'Every Monday at the start of your working hours: the week’s unread notifications.',
    },
    off: {
      label: 'Never',
      help: 'No notification e-mail at all, urgent announcements included. In-app notifications stay as they are.',
    },
  },
  saved: 'Your settings have been saved.',
  saveFailed: 'Could not save your settings.',
  sessionsTitle: 'Signed-in devices',
  sessionsHelp:
    'Logs you out on every device, this one included: computers, phones and so on. Use it if you forgot to log out on a shared device.',
};
