import { defineConfig } from 'vitest/config';

/**
 * One vitest run for unit and API tests of every workspace (real SQLite by default, PostgreSQL
 * when DATABASE_URL is set). Browser journeys live in e2e/ and run under Playwright instead.
 */
export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'apps/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
