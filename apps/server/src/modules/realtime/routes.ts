import type { FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { loadActor } from '../identity/sessions.ts';
import { defineCoreStreams } from './streams.ts';
import { listenToCommunityEvents } from './community-events.ts';

const PRUNE_INTERVAL_MS = 60 * 60_000;

/**
 * A browser always sends `Origin` on a WebSocket handshake and cannot forge it, but it *does* send
 * the session cookie cross-site: without this check any page could open the socket as the signed-in
 * person (cross-site WebSocket hijacking). Clients that are not browsers send no Origin.
 */
export function originAllowed(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const allowed = new Set<string>([`${request.protocol}://${request.host}`]);
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin);
  return allowed.has(parsed.origin);
}

/** GET /api/events/ws: the live event stream (protocol in platform/realtime/protocol.ts). */
export function realtimeRoutes(app: ZodApp, deps: AppDeps) {
  defineCoreStreams(deps);
  listenToCommunityEvents(deps);
  deps.realtime.setSessionCheck((actor) => loadActor(deps, actor.sessionId));
  // Counts only (no per-person figures).
  new client.Gauge({
    name: 'engawa_realtime_connections',
    help: 'Open live-event WebSockets on this instance',
    registers: [deps.metrics.registry],
    collect() {
      this.set(deps.realtime.stats().connections);
    },
  });
  new client.Gauge({
    name: 'engawa_realtime_subscriptions',
    help: 'Stream subscriptions of the open WebSockets on this instance',
    registers: [deps.metrics.registry],
    collect() {
      this.set(deps.realtime.stats().subscriptions);
    },
  });
  deps.jobs.every('realtime.prune', PRUNE_INTERVAL_MS, async (now) => {
    const n = await deps.realtime.prune(now);
    if (n) app.log.info({ pruned: n }, 'pruned old live events');
  });

  app.route({
    method: 'GET',
    url: '/api/events/ws',
    schema: { tags: ['realtime'] },
    preValidation: async (request) => {
      if (!originAllowed(request, deps.config)) throw new AppError('realtime.origin_forbidden');
    },
    handler: async () => {
      throw new AppError('realtime.upgrade_required');
    },
    wsHandler: (socket, request) => {
      deps.realtime.accept(socket, request.actor!);
    },
  });
}
