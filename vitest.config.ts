import { defineConfig } from 'vitest/config';

/**
 * One vitest run for unit and API tests of every workspace (real SQLite by default, PostgreSQL
 * when DATABASE_URL is set). Browser journeys live in e2e/ and run under Playwright instead.
 */
export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'apps/**/*.test.tsx'],
    // Tests that need a real Redis (*.redis.test.ts) are collected only when REDIS_URL is set (CI sets it),
    // so they are never reported as skipped.
    exclude: ['**/node_modules/**', 'e2e/**', ...(process.env.REDIS_URL ? [] : ['**/*.redis.test.ts'])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
