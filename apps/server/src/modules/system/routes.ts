import { sql } from 'kysely';
import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';

/** Liveness, readiness (database reachable) and Prometheus metrics. */
export function systemRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['system'], hide: true } }, async () => ({
    ok: true,
  }));

  app.get('/readyz', { config: { public: true }, schema: { tags: ['system'], hide: true } }, async () => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw new AppError('common.not_ready');
    }
    return { ok: true };
  });

  app.get(
    '/metrics',
    { config: { public: true }, schema: { tags: ['system'], hide: true } },
    async (_request, reply) => {
      reply.header('content-type', deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
