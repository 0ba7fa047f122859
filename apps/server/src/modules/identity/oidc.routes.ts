import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { startSession } from './sessions.ts';
import { ssoSignIn } from './sso-signin.ts';
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_PATH,
  OIDC_FLOW_TTL_SECONDS,
  beginOidcFlow,
  completeOidcFlow,
  createOidcClient,
  decodeFlow,
  describeOidcFailure,
  encodeFlow,
} from './oidc.ts';

/**
 * Single sign-on (OIDC authorization code + PKCE). Both routes are browser navigations, so every
 * failure ends as a redirect to the login page with an error code the web turns into text.
 * Only the global rate limit applies: a whole office behind one NAT address signs in at 9:00.
 */
export function oidcRoutes(app: ZodApp, deps: AppDeps) {
  const oidc = deps.config.oidc;
  const getClient = oidc ? createOidcClient(oidc) : undefined;

  const fail = (request: FastifyRequest, reply: FastifyReply, code: ErrorCode, reason: unknown) => {
    request.log.warn({ sso: { code, reason: describeOidcFailure(reason) } }, 'single sign-on failed');
    return reply.redirect(`/login?error=${encodeURIComponent(code)}`, 303);
  };

  const flowCookie = (maxAge: number) => ({
    path: OIDC_FLOW_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    signed: true,
    maxAge,
  });

  app.get(
    '/api/auth/oidc/start',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Start single sign-on (redirects to the identity provider)' },
    },
    async (request, reply) => {
      if (!oidc || !getClient) throw new AppError('auth.sso_not_configured');
      const origin = deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
      try {
        const configuration = await getClient();
        const { url, flow } = await beginOidcFlow(configuration, oidc, `${origin}/api/auth/oidc/callback`);
        reply.setCookie(OIDC_FLOW_COOKIE, encodeFlow(flow), flowCookie(OIDC_FLOW_TTL_SECONDS));
        return reply.redirect(url.href, 303);
      } catch (err) {
        return fail(request, reply, 'auth.sso_failed', err);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Single sign-on callback from the identity provider' },
    },
    async (request, reply) => {
      if (!oidc || !getClient) throw new AppError('auth.sso_not_configured');
      // One flow, one use: the cookie goes whatever happens next.
      const raw = request.cookies[OIDC_FLOW_COOKIE];
      reply.clearCookie(OIDC_FLOW_COOKIE, { path: OIDC_FLOW_PATH });
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      const flow = unsigned?.valid && unsigned.value ? decodeFlow(unsigned.value) : undefined;
      if (!flow) return fail(request, reply, 'auth.sso_failed', new Error('missing, forged or expired flow'));
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      let userId: string;
      try {
        const identity = await completeOidcFlow(await getClient(), flow, query);
        ({ userId } = await ssoSignIn(deps, identity));
      } catch (err) {
        return fail(request, reply, err instanceof AppError ? err.code : 'auth.sso_failed', err);
      }
      await startSession(deps, request, reply, userId);
      return reply.redirect('/', 303);
    },
  );
}
