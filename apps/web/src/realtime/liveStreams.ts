import { useEffect, useSyncExternalStore } from 'react';

/**
 * Streams a screen wants on top of the standing ones (my communities, my notifications): e.g. an
 * open community I am reading without being a member. Counted, so two components may want the same
 * stream; the realtime bridge follows this set.
 */
const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let snapshot: readonly string[] = [];

function changed() {
  snapshot = [...counts.keys()].sort();
  for (const l of listeners) l();
}

function add(stream: string): () => void {
  counts.set(stream, (counts.get(stream) ?? 0) + 1);
  if (counts.get(stream) === 1) changed();
  return () => {
    const n = (counts.get(stream) ?? 1) - 1;
    if (n > 0) counts.set(stream, n);
    else {
      counts.delete(stream);
      changed();
    }
  };
}

/** Follows a stream while the calling component is mounted (null: none). */
export function useLiveStream(stream: string | null): void {
  useEffect(() => (stream ? add(stream) : undefined), [stream]);
}

/** The extra streams wanted right now (a stable array between changes). */
export function useExtraStreams(): readonly string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
