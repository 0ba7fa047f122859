import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib.ts';

/**
 * `npm run bench [name …]`: runs the benchmark modules (all by default), prints one table per
 * bench with each figure next to its target, and writes bench/results/<name>.json (gitignored).
 * A bench module exports `run(): Promise<BenchResult>`; add new ones to BENCHES. feed, search and
 * realtime share one generated company (bench/company.ts), made once per run.
 */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<BenchResult> }>> = {
  companion: () => import('./companion.ts'),
  career: () => import('./career.ts'),
  feed: () => import('./feed.ts'),
  search: () => import('./search.ts'),
  realtime: () => import('./realtime.ts'),
};

/** Names that stand for several benches: `community` = the three on the shared company, in order. */
const ALIASES: Record<string, string[]> = {
  community: ['feed', 'search', 'realtime'],
};

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, 'results');

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '—';
}

function printTable(result: BenchResult) {
  const rows = result.metrics.map((m) => [
    m.name,
    `${fmt(m.value)} ${m.unit}`,
    m.target === undefined ? '' : `≤ ${m.target} ${m.unit}`,
    m.target === undefined ? '' : m.value <= m.target ? 'ok' : 'OVER',
  ]);
  const head = ['figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n== ${result.name} ==`);
  if (result.skipped) console.log(`(partly skipped: ${result.skipped})`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const n of result.notes) console.log(`  · ${n}`);
}

async function main() {
  const wanted = process.argv.slice(2).flatMap((n) => ALIASES[n] ?? [n]);
  const names = wanted.length ? [...new Set(wanted)] : Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    console.error(
      `Unknown bench: ${unknown.join(', ')}. Known: ${[...Object.keys(BENCHES), ...Object.keys(ALIASES)].join(', ')}`,
    );
    process.exit(2);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  let over = false;
  try {
    for (const name of names) {
      const mod = await BENCHES[name]!();
      const result = await mod.run();
      printTable(result);
      const file = path.join(resultsDir, `${name}.json`);
      fs.writeFileSync(
        file,
        `${JSON.stringify({ ...result, at: new Date().toISOString(), node: process.version }, null, 2)}\n`,
      );
      console.log(`  → ${path.relative(process.cwd(), file)}`);
      over ||= result.metrics.some((m) => m.target !== undefined && !(m.value <= m.target));
    }
  } finally {
    // The shared company (if a bench made one) lives until the last bench is done.
    await (await import('./company.ts')).closeCompany();
  }
  // Figures over target are reported, not fatal: the bench is a measurement, not a gate.
  if (over) console.log('\nSome figures are over their target (see OVER above).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
