import client from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { isPrivateRoute } from './private-routes.ts';

/**
 * Prometheus metrics: process figures and HTTP request counts/latency by route pattern and status.
 * Labels are route patterns, never ids or user data: no per-person figure can exist here, and the
 * private areas (companion, career profile, 1on1) are not counted at all.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'engawa_' });
  const duration = new client.Histogram({
    name: 'engawa_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    install(app: FastifyInstance) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        // Private areas leave no figure at all: a live counter would show when someone uses them.
        if (isPrivateRoute(route)) return;
        duration.observe(
          { method: request.method, route, status: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
