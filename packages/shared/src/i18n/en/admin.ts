import type { CatalogShape } from '../index.ts';
import type { jaAdmin } from '../ja/admin.ts';

export const enAdmin: CatalogShape<typeof jaAdmin> = {
  title: 'Admin',
};
