import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { AppDeps } from '../../app.ts';
import { LIMITS } from '@engawa/shared';
import { passwordLogin } from './login.ts';
import { endSession, ensureCsrf, startSession } from './sessions.ts';
import { identityRepo } from './repo.ts';
import { presentMe } from './presenter.ts';
import { AppError } from '../../platform/errors.ts';

/** Sign-in, sign-out and the session probe the web app starts with. */
export function authRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Current session, CSRF token and sign-in options' },
    },
    async (request, reply) => {
      const csrfToken = ensureCsrf(deps, request, reply);
      const actor = request.actor;
      const user = actor ? await identityRepo.findUserById(deps.db, actor.userId) : undefined;
      const demo = await deps.demoInfo();
      return {
        csrfToken,
        user: user && actor ? presentMe(user, actor) : null,
        sso: deps.config.oidc
          ? { enabled: true, label: deps.config.oidc.buttonLabel ?? null }
          : { enabled: false, label: null },
        demo,
      };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({
          email: z.string().trim().min(1).max(LIMITS.emailMax),
          password: z.string().min(1).max(LIMITS.passwordMax),
        }),
      },
    },
    async (request, reply) => {
      const { userId } = await passwordLogin(deps, request.body.email, request.body.password);
      await startSession(deps, request, reply, userId);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      await endSession(deps, request, reply);
      return { ok: true };
    },
  );

  app.post('/api/auth/logout-all', { schema: { tags: ['auth'] } }, async (request, reply) => {
    if (!request.actor) throw new AppError('common.unauthenticated');
    await identityRepo.deleteSessionsOfUser(deps.db, request.actor.userId);
    await endSession(deps, request, reply);
    return { ok: true };
  });
}
