import os from 'node:os';
import { sessionFor } from '../apps/server/src/test/harness.ts';
import { company } from './company.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';

/**
 * Search latency through the HTTP layer (app.inject, first page of 20) on the shared generated
 * company (bench/company.ts: BENCH_POSTS posts of varied Japanese text in 60 communities, 10 private,
 * every one indexed through searchIndex.upsert), as the reader — a member of 2 private and 10 open
 * communities, so visibility is decided for every candidate — for 1-character queries (bounded
 * substring scan), 2-character queries (bigram index) and longer ones.
 */
const REPS = Number(process.env.BENCH_SEARCH_REPS ?? 20);

const QUERIES: Record<string, string[]> = {
  '1 char': ['研', 'の', 'ア', '修', '鰻'],
  '2 chars': ['転職', '研修', '評価', '面談', 'ーダ'],
  '3+ chars': ['プロンプト', '新人研修', '評価面談', 'フィードバック', 'キャリア相談'],
};
const TARGETS: Record<string, number> = { '1 char': 300, '2 chars': 300, '3+ chars': 100 };

export async function run(): Promise<BenchResult> {
  const c = await company();
  const { t, reader } = c;
  const agent = await sessionFor(t, reader.id);
  const cookie = `engawa_session=${agent.cookies.engawa_session}`;
  const metrics: BenchResult['metrics'] = [];
  const details: Record<string, unknown> = {
    company: { counts: c.counts, steps: c.steps, generatedSeconds: c.generatedSeconds },
    perQuery: {} as Record<string, unknown>,
  };
  const loadBefore = os.loadavg()[0]!;
  for (const [cls, queries] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (const q of queries) {
      const own: number[] = [];
      let hits = 0;
      for (let rep = 0; rep < REPS + 2; rep++) {
        const start = nowMs();
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/search?q=${encodeURIComponent(q)}&limit=20`,
          headers: { cookie },
        });
        const ms = nowMs() - start;
        if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
        if (rep >= 2) own.push(ms); // the first two warm caches
        hits = (res.json() as { items: unknown[] }).items.length;
      }
      times.push(...own);
      (details.perQuery as Record<string, unknown>)[q] = { ...summary(own), firstPageHits: hits };
    }
    const s = summary(times);
    metrics.push(
      { name: `search ${cls}, p50`, unit: 'ms', value: s.p50 },
      { name: `search ${cls}, p95`, unit: 'ms', value: s.p95, target: TARGETS[cls] },
    );
  }
  return {
    name: 'search',
    metrics,
    notes: [
      c.summary,
      `Searching as the reader (member of ${c.readerCommunities.length} communities, 2 of them private); the company's search index was written in ${c.steps['search index']!.toFixed(0)} s through searchIndex.upsert.`,
      `Each query ${REPS} times after 2 warm-ups, first page of 20, through app.inject with a signed-in reader; queries: ${Object.values(QUERIES).flat().join(' ')}.`,
      `鰻 occurs in 1 of 10,000 posts (${c.counts.umami} here): the 1-character worst case (fewer matches than a page, so the whole bounded scan runs).`,
      `Machine: ${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after.`,
    ],
    details,
  };
}
