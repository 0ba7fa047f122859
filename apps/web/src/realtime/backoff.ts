/**
 * Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with jitter between half and
 * the full delay so that every tab of a company does not reconnect in the same instant after a
 * server restart. `random` is injectable for tests.
 */
export function backoffDelay(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.min(Math.max(0, attempt), 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
