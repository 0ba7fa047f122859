import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@engawa/shared';
import { identityRepo } from './repo.ts';
import { demoAccountRetired } from './login.ts';
import { newToken, sha256 } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n.ts';
import { nowIso } from '../../db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../app.ts';

export const SESSION_COOKIE = 'engawa_session';
export const CSRF_COOKIE = 'engawa_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_seen_at is written at most this often per session, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

function cookieOptions(deps: AppDeps, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The CSRF token a page must echo in `x-csrf-token`: an HMAC of the httpOnly CSRF cookie. */
export function csrfTokenFor(deps: AppDeps, cookieValue: string): string {
  return crypto
    .createHmac('sha256', deps.secrets.sessionSecret)
    .update(`csrf:${cookieValue}`)
    .digest('base64url');
}

/** Makes sure the browser has a CSRF cookie and returns the matching token. */
export function ensureCsrf(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): string {
  let value = request.cookies[CSRF_COOKIE];
  if (!value || value.length < 32) {
    value = newToken();
    reply.setCookie(CSRF_COOKIE, value, cookieOptions(deps, 365 * 24 * 3600));
    request.cookies[CSRF_COOKIE] = value;
  }
  return csrfTokenFor(deps, value);
}

/** Loads the actor for a session id; null when the session or user is gone, expired or disabled. */
export async function loadActor(deps: AppDeps, sessionId: string): Promise<Actor | null> {
  const session = await identityRepo.findSession(deps.db, sessionId);
  if (!session) return null;
  const now = Date.now();
  if (Date.parse(session.expires_at) <= now) {
    await identityRepo.deleteSession(deps.db, sessionId);
    return null;
  }
  const user = await identityRepo.findUserById(deps.db, session.user_id);
  if (!user || user.disabled_at || (await demoAccountRetired(deps, user))) return null;
  const [stored, managed] = await Promise.all([
    identityRepo.rolesOf(deps.db, user.id),
    identityRepo.managedDepartmentIds(deps.db, user.id),
  ]);
  const roles = new Set<Role>(['employee', ...stored]);
  if (managed.length) roles.add('manager');
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await identityRepo.touchSession(deps.db, sessionId, nowIso());
  }
  return {
    userId: user.id,
    sessionId,
    name: user.name,
    roles,
    departmentId: user.department_id,
    managedDepartmentIds: managed,
    locale: isLocale(user.locale) ? user.locale : 'ja',
  };
}

/**
 * Starts a new session for a user: any session the browser already had is ended first
 * (rotation on login), so a planted cookie can never be promoted to a signed-in one.
 */
export async function startSession(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await identityRepo.deleteSession(deps.db, sha256(previous));
  const token = newToken();
  const ttl = deps.config.sessionTtlMs;
  await identityRepo.createSession(deps.db, {
    id: sha256(token),
    user_id: userId,
    expires_at: new Date(Date.now() + ttl).toISOString(),
    user_agent: (request.headers['user-agent'] ?? '').slice(0, 300) || null,
  });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps, Math.floor(ttl / 1000)));
}

export async function endSession(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await identityRepo.deleteSession(deps.db, sha256(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Everything else answers 401 to anonymous callers. */
    public?: boolean;
    /** Skip the CSRF check (only for machine endpoints authenticated otherwise, e.g. webhooks). */
    csrf?: false;
  }
}

/**
 * Installs, on the root instance: actor loading from the session cookie, deny-by-default
 * authentication for non-public routes, and CSRF checks on every state-changing request.
 */
export function installSessionHooks(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await loadActor(deps, sha256(token)) : null;
  });
  app.addHook('preValidation', async (request) => {
    const cfg = request.routeOptions.config;
    if (!request.routeOptions.url) return; // 404 handler
    if (!SAFE_METHODS.has(request.method) && cfg.csrf !== false) {
      const cookie = request.cookies[CSRF_COOKIE];
      const header = request.headers[CSRF_HEADER];
      const expected = cookie ? csrfTokenFor(deps, cookie) : '';
      if (
        typeof header !== 'string' ||
        !expected ||
        header.length !== expected.length ||
        !crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected))
      ) {
        throw new AppError('common.csrf');
      }
    }
    if (!cfg.public && !request.actor) throw new AppError('common.unauthenticated');
  });
}
