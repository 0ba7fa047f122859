/**
 * The live-event protocol of GET /api/events/ws as the browser sees it (the server's definition is
 * apps/server/src/platform/realtime/protocol.ts). Payloads carry ids only: the client refetches or
 * patches what it shows through the REST API, where the usual visibility rules apply.
 */

/** One committed event; `id` is dense and increasing per stream. */
export interface LiveEvent {
  stream: string;
  id: number;
  event: string;
  payload: Record<string, unknown>;
  at: string;
}

export type ServerMessage =
  | ({ type: 'event' } & LiveEvent)
  | { type: 'subscribed'; stream: string; head: number }
  | { type: 'resync'; stream: string; head: number }
  | { type: 'denied'; stream: string }
  | { type: 'error'; code: string; stream?: string }
  | { type: 'pong' };

/** Parses one text frame; anything that is not a known message is null (and ignored). */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'event':
      if (typeof o.stream !== 'string' || typeof o.id !== 'number' || typeof o.event !== 'string')
        return null;
      return {
        type: 'event',
        stream: o.stream,
        id: o.id,
        event: o.event,
        payload: o.payload && typeof o.payload === 'object' ? (o.payload as Record<string, unknown>) : {},
        at: typeof o.at === 'string' ? o.at : '',
      };
    case 'subscribed':
    case 'resync':
      if (typeof o.stream !== 'string' || typeof o.head !== 'number') return null;
      return { type: o.type, stream: o.stream, head: o.head };
    case 'denied':
      return typeof o.stream === 'string' ? { type: 'denied', stream: o.stream } : null;
    case 'error':
      return {
        type: 'error',
        code: typeof o.code === 'string' ? o.code : 'unknown',
        ...(typeof o.stream === 'string' ? { stream: o.stream } : {}),
      };
    case 'pong':
      return { type: 'pong' };
    default:
      return null;
  }
}
