import { createTestApp, sessionFor } from './test/harness.ts';
import { generate } from '../../../bench/feed.ts';

const t = await createTestApp({ BACKGROUND_JOBS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' });
const { reader } = await generate(t.deps.db);
const agent = await sessionFor(t, reader.id);
const time = async (label: string, fn: () => Promise<unknown>, n = 100) => {
  for (let i = 0; i < 10; i++) await fn();
  const s = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(label, ((performance.now() - s) / n).toFixed(2), 'ms');
};
await time('healthz', () => t.app.inject({ method: 'GET', url: '/healthz' }));
await time('GET /api/me', () => agent.get('/api/me'));
await time('GET /api/me/code-of-conduct', () => agent.get('/api/me/code-of-conduct'));
await time('GET /api/feed', () => agent.get('/api/feed?limit=20'));
await time('GET /api/communities?limit=1', () => agent.get('/api/communities?limit=1'));
await t.close();
