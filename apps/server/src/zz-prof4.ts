import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import { createTestApp, sessionFor } from './test/harness.ts';
import { generate } from '../../../bench/feed.ts';

const t = await createTestApp({ BACKGROUND_JOBS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' });
const { reader } = await generate(t.deps.db);
const agent = await sessionFor(t, reader.id);
for (let i = 0; i < 20; i++) await agent.get('/api/feed?limit=20');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let i = 0; i < 100; i++) await agent.get('/api/feed?limit=20');
const { profile } = await session.post('Profiler.stop');
// self time by function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas!; const samples = profile.samples!;
for (let i = 0; i < samples.length; i++) {
  const n = byId.get(samples[i]!)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(1).padStart(8), k);
fs.writeFileSync('/tmp/cm/feed.cpuprofile', JSON.stringify(profile));
await t.close();
