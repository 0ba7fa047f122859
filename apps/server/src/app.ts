import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { Database } from './db/index.ts';
import type { Secrets } from './platform/secrets.ts';
import { createMetrics, type Metrics } from './platform/metrics.ts';
import { vaultFor, type Vault } from './platform/vault/index.ts';
import { installErrorHandling } from './platform/http-errors.ts';
import { installSessionHooks } from './modules/identity/sessions.ts';
import { authRoutes } from './modules/identity/auth.routes.ts';
import { meRoutes } from './modules/identity/me.routes.ts';
import { adminUserRoutes } from './modules/identity/admin.routes.ts';
import { peopleRoutes } from './modules/identity/people.routes.ts';
import { departmentRoutes } from './modules/identity/departments.routes.ts';
import { orgImportRoutes } from './modules/identity/import/import.routes.ts';
import { oidcRoutes } from './modules/identity/oidc.routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { companionRoutes } from './modules/companion/routes.ts';
import { communityModule } from './modules/community/routes.ts';
import { demoInfo, type DemoInfo } from './modules/demo/info.ts';
import websocket from '@fastify/websocket';
import { createRealtime, type Realtime } from './platform/realtime/index.ts';
import { createJobs, type Jobs } from './platform/jobs.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import { realtimeRoutes } from './modules/realtime/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { careerModule } from './modules/career/routes.ts';
import { oneononeModule } from './modules/oneonone/routes.ts';

/** Everything a route or command needs, passed explicitly (no globals). */
export interface AppDeps {
  config: Config;
  secrets: Secrets;
  database: Database;
  db: Kysely<DB>;
  metrics: Metrics;
  /** Private data: per-user keys; opens only the request actor's own records (platform/vault). */
  vault: Vault;
  demoInfo: () => Promise<DemoInfo>;
  /** Live events; commands emit through `runInTransaction` (platform/realtime/outbox.ts), after commit. */
  realtime: Realtime;
  /** Periodic background work, started when the app is ready (unless BACKGROUND_JOBS=false). */
  jobs: Jobs;
  /** Outgoing e-mail (disabled without SMTP_URL). */
  mail: Mailer;
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Each module registers its routes here; the authorization matrix test walks all of them. */
const MODULES: Array<(app: ZodApp, deps: AppDeps) => void> = [
  systemRoutes,
  authRoutes,
  oidcRoutes,
  meRoutes,
  adminUserRoutes,
  peopleRoutes,
  departmentRoutes,
  orgImportRoutes,
  companionRoutes,
  communityModule,
  // Realtime before notifications: their community-event listeners lock streams in that order.
  realtimeRoutes,
  notificationRoutes,
  searchRoutes,
  careerModule,
  oneononeModule,
];

export interface BuildOptions {
  config: Config;
  secrets: Secrets;
  database: Database;
  /** A pino destination for tests that read the log lines. */
  logStream?: NodeJS.WritableStream;
}

/** Pino options: JSON lines, no request bodies, and credentials/cookies redacted. */
function loggerOptions(config: Config, stream?: NodeJS.WritableStream) {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
    ...(stream ? { stream } : {}),
  };
}

export async function buildApp(
  opts: BuildOptions,
): Promise<{ app: ZodApp; deps: AppDeps; routes: Array<{ method: string; url: string; public: boolean }> }> {
  const { config } = opts;
  const app = Fastify({
    logger: loggerOptions(config, opts.logStream),
    // Fastify accepts a hop count at runtime (lib/request.js) though its types omit numbers.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const metrics = createMetrics();
  const deps: AppDeps = {
    config,
    secrets: opts.secrets,
    database: opts.database,
    db: opts.database.db,
    metrics,
    vault: vaultFor({ db: opts.database.db, config, secrets: opts.secrets }),
    demoInfo: () => demoInfo(deps),
    realtime: createRealtime({ config, db: opts.database.db, log: app.log }),
    jobs: createJobs(app.log),
    mail: createMailer(config),
  };

  const routes: Array<{ method: string; url: string; public: boolean }> = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      routes.push({ method: m, url: r.url, public: !!r.config?.public });
    }
  });

  await app.register(swagger, {
    openapi: { info: { title: 'Engawa API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie, { secret: opts.secrets.sessionSecret.toString('base64') });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The web bundle (scripts, styles, index.html) is not rate-limited: a few reloads must never
    // leave someone with a blank page. The API and everything else is.
    allowList: (request) => request.method === 'GET' && !isRateLimitedPath(request.url),
  });
  // File uploads (multipart/form-data). Routes read one file with request.file() and apply their
  // own, smaller limits; this is the ceiling for any upload.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10, parts: 11 } });

  installErrorHandling(app);
  metrics.install(app);
  installSessionHooks(app, deps);
  deps.vault.installRequestHook(app);

  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.addHook('onReady', async () => {
    if (config.backgroundJobs) deps.jobs.start();
  });
  app.addHook('onClose', async () => {
    await deps.jobs.stop();
    await deps.realtime.close();
    deps.mail.close();
  });
  for (const register of MODULES) register(app, deps);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  serveWeb(app, config);
  return { app, deps, routes };
}

/**
 * Serves the built web app: each file under dist gets its own route (wildcard: false), every other
 * path gets index.html (SPA fallback); /api paths keep their JSON 404.
 */
function isRateLimitedPath(url: string): boolean {
  return /^\/(api|healthz|readyz|metrics)(\/|\?|$)/.test(url);
}

function serveWeb(app: ZodApp, config: Config) {
  const index = path.join(config.webDist, 'index.html');
  if (!fs.existsSync(index)) return;
  // The bundle must load before anyone signs in, so every file route @fastify/static adds is public
  // (the plugin takes no route config; an onRoute hook in its own scope marks them).
  void app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await scope.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      // Vite puts content hashes in asset names, so they can be cached for good; the rest is revalidated.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    scope.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/')) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  });
}
