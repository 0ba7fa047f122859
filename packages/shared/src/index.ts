export * from './roles.ts';
export * from './limits.ts';
export * from './errors.ts';
export * from './i18n/index.ts';
export * from './time.ts';
export * from './org.ts';
export * from './companion.ts';
export * from './community.ts';
