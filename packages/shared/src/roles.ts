/** Roles a user can hold. `employee` is everyone; `manager` is derived from the department tree, never stored. */
export const STORED_ROLES = ['hr', 'organizer', 'admin'] as const;
export type StoredRole = (typeof STORED_ROLES)[number];
export const ALL_ROLES = ['employee', 'manager', ...STORED_ROLES] as const;
export type Role = (typeof ALL_ROLES)[number];

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';
