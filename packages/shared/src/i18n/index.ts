import { jaCommon } from './ja/common.ts';
import { jaErrors } from './ja/errors.ts';
import { jaAuth } from './ja/auth.ts';
import { jaShell } from './ja/shell.ts';
import { jaSettings } from './ja/settings.ts';
import { jaAdmin } from './ja/admin.ts';
import { jaCommunity } from './ja/community.ts';
import { jaCompanion } from './ja/companion.ts';
import { jaNotifications } from './ja/notifications.ts';
import { jaCareer } from './ja/career.ts';
import { jaSearch } from './ja/search.ts';
import { enCommon } from './en/common.ts';
import { enErrors } from './en/errors.ts';
import { enAuth } from './en/auth.ts';
import { enShell } from './en/shell.ts';
import { enSettings } from './en/settings.ts';
import { enAdmin } from './en/admin.ts';
import { enCommunity } from './en/community.ts';
import { enCompanion } from './en/companion.ts';
import { enNotifications } from './en/notifications.ts';
import { enCareer } from './en/career.ts';
import { enSearch } from './en/search.ts';
import type { Locale } from '../roles.ts';

/**
 * Catalogs: `ja` is the source; `en` must have exactly the same keys (the type below and a test
 * enforce it). Each domain keeps its own file so parallel work does not collide.
 */
export const ja = {
  common: jaCommon,
  errors: jaErrors,
  auth: jaAuth,
  shell: jaShell,
  settings: jaSettings,
  admin: jaAdmin,
  community: jaCommunity,
  companion: jaCompanion,
  notifications: jaNotifications,
  search: jaSearch,
  career: jaCareer,
};

/** Same shape as `ja`, every leaf a string. */
export type CatalogShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
export type Catalog = CatalogShape<typeof ja>;

export const en: Catalog = {
  common: enCommon,
  errors: enErrors,
  auth: enAuth,
  shell: enShell,
  settings: enSettings,
  admin: enAdmin,
  community: enCommunity,
  companion: enCompanion,
  notifications: enNotifications,
  search: enSearch,
  career: enCareer,
};

export const catalogs: Record<Locale, Catalog> = { ja, en };

/** Looks up a dot path like `errors.common.not_found`; returns the key itself when missing. */
export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return key;
  }
  if (typeof node !== 'string') return key;
  if (!vars) return node;
  return node.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** All leaf keys of a catalog as dot paths (used by the completeness test). */
export function catalogKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => catalogKeys(v, prefix ? `${prefix}.${k}` : k));
}
