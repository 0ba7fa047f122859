/**
 * Shared shapes and helpers for `npm run bench`: each bench module returns a BenchResult, and
 * bench/run.ts prints it as a table and writes bench/results/<name>.json.
 */

/** A figure that has a target: `value <= target` passes. */
export interface BenchMetric {
  name: string;
  unit: string;
  value: number;
  /** Upper bound this figure must stay under; absent for figures shown for context. */
  target?: number;
}

export interface BenchResult {
  name: string;
  metrics: BenchMetric[];
  /** What was measured and how, in a line or two each (printed under the table). */
  notes: string[];
  /** Raw distributions or settings, written to the JSON file only. */
  details?: Record<string, unknown>;
  /** Set when the bench could not run its main measurement (e.g. a route that does not exist yet). */
  skipped?: string;
}

/** Nearest-rank percentile of an unsorted sample (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** p50 / p95 / p99 of a sample, rounded to 0.01. */
export function summary(values: number[]): { p50: number; p95: number; p99: number; n: number } {
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    p50: r(percentile(values, 50)),
    p95: r(percentile(values, 95)),
    p99: r(percentile(values, 99)),
    n: values.length,
  };
}

/** A wall-clock timestamp in ms with sub-ms precision that compares across worker threads. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The process-wide monotonic clock in ms (sub-ms). Unlike `nowMs`, it has no per-thread origin, so a
 * stamp taken on the main thread and one taken minutes later on a new worker thread compare exactly.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same generated data on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
