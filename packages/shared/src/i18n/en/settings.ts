import type { CatalogShape } from '../index.ts';
import type { jaSettings } from '../ja/settings.ts';

export const enSettings: CatalogShape<typeof jaSettings> = {
  title: 'Settings',
  language: 'Display language',
  timeZone: 'Time zone',
  workStart: 'Work starts',
  workEnd: 'Work ends',
  workingHoursHelp:
    'Notifications reach you only within these hours; anything outside waits until your morning.',
};
