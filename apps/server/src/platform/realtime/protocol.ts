import { z } from 'zod';

/**
 * The WebSocket protocol of GET /api/events/ws (JSON text frames).
 *
 * Client → server
 * - `{ "type": "subscribe", "streams": [{ "stream": "community:<id>", "after": 41 }] }` — replay every
 *   event with id > after, then live events; without `after`, only events from now on.
 * - `{ "type": "unsubscribe", "streams": ["community:<id>"] }`
 * - `{ "type": "ping" }`
 *
 * Server → client
 * - `{ "type": "event", "stream", "id", "event", "payload", "at" }` — ids are dense per stream.
 * - `{ "type": "subscribed", "stream", "head" }` — replay done; live from here (head = last id).
 * - `{ "type": "resync", "stream", "head" }` — the cursor is too old (or unknown): reload the data
 *   through the REST API; live events continue after `head`.
 * - `{ "type": "denied", "stream" }` — not allowed (or no longer allowed: membership changed).
 * - `{ "type": "error", "code" }`, `{ "type": "pong" }`
 */
export const STREAM_NAME = /^[a-z][a-z0-9_]{0,30}(?::[A-Za-z0-9_-]{1,64})?$/;

export const MAX_SUBSCRIPTIONS = 500;

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    streams: z
      .array(
        z.object({
          stream: z.string().regex(STREAM_NAME),
          after: z.number().int().min(0).nullable().optional(),
        }),
      )
      .min(1)
      .max(MAX_SUBSCRIPTIONS),
  }),
  z.object({
    type: z.literal('unsubscribe'),
    streams: z.array(z.string().regex(STREAM_NAME)).min(1).max(MAX_SUBSCRIPTIONS),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Splits `community:abc` into its prefix (which picks the authorizer) and id. */
export function parseStream(stream: string): { prefix: string; id: string } {
  const i = stream.indexOf(':');
  return i < 0 ? { prefix: stream, id: '' } : { prefix: stream.slice(0, i), id: stream.slice(i + 1) };
}
