import type { CatalogShape } from '../index.ts';
import type { jaCommon } from '../ja/common.ts';

export const enCommon: CatalogShape<typeof jaCommon> = {
  appName: 'Engawa',
  save: 'Save',
  saved: 'Saved',
  cancel: 'Cancel',
  delete: 'Delete',
  edit: 'Edit',
  create: 'Create',
  close: 'Close',
  loading: 'Loading…',
  retry: 'Retry',
  search: 'Search',
  next: 'Next',
  previous: 'Previous',
  none: 'None',
  empty: 'Nothing here yet',
  loadFailed: 'Could not load.',
  yes: 'Yes',
  no: 'No',
};
