import { z } from 'zod';
import path from 'node:path';

/**
 * One typed config object from the environment. Every variable has a documented default
 * (README "Configuration"), so `npm start` needs none of them. Secrets that are not given are
 * generated into the data dir on first start (see platform/secrets.ts), never logged.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public URL users reach Engawa at; used for SSO redirects and links in e-mail. */
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  MASTER_KEY_FILE: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  COOKIE_SECURE: bool.optional(),
  /**
   * Which proxies to trust for the client address (rate limits key on it): unset/false = none, a hop
   * count, or addresses/CIDRs (`127.0.0.1,10.0.0.0/8`). Never `true` unless every request comes
   * through a proxy that overwrites X-Forwarded-For.
   */
  TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_PASSWORD: z.string().min(8).default('engawa-demo'),
  /** `false` to skip creating the demo company on an empty database. */
  DEMO_SEED: bool.default(true),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Engawa <engawa@localhost>'),
  /** Redis for sharing live events between several app instances; unset = one instance, in-process bus. */
  REDIS_URL: z.string().optional(),
  /** Prefix of Engawa's Redis channel names, so several installations (or test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,60}$/)
    .default('engawa'),
  /** Days a live event stays replayable for a reconnecting client; an older cursor gets `resync`. */
  REALTIME_RETENTION_DAYS: z.coerce.number().positive().max(90).default(7),
  /** `false` to run no background jobs (digests, deferred pushes, pruning) in this process. */
  BACKGROUND_JOBS: bool.default(true),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_AUTO_PROVISION: bool.default(true),
  OIDC_BUTTON_LABEL: z.string().optional(),
  /** Allow plain-HTTP OIDC issuers (only for local testing). */
  OIDC_ALLOW_INSECURE: bool.default(false),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  /** How long to wait for the model's first streamed token of each request before giving up. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(1).default(20_000),
  /** How long the model may go quiet once it has started answering (a stalled stream) before giving up. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  /** `false` for model servers started without tool calling (e.g. vLLM without --enable-auto-tool-choice). */
  LLM_TOOLS: bool.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Minimum group size for any aggregate about people (never below 5). */
  K_THRESHOLD: z.coerce.number().int().min(5).default(10),
  WEB_DIST: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: string;
  isProduction: boolean;
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  sessionSecret: string | undefined;
  masterKeyFile: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean | number | string;
  demo: { password: string; seed: boolean };
  smtp: { url: string | undefined; from: string };
  redis: { url: string | undefined; prefix: string };
  realtime: { retentionMs: number };
  backgroundJobs: boolean;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        scopes: string;
        autoProvision: boolean;
        buttonLabel: string | undefined;
        allowInsecure: boolean;
      }
    | undefined;
  llm:
    | {
        baseUrl: string;
        model: string;
        apiKey: string | undefined;
        firstTokenTimeoutMs: number;
        timeoutMs: number;
        tools: boolean;
      }
    | undefined;
  login: { maxFailures: number; lockMinutes: number };
  rateLimitPerMinute: number;
  kThreshold: number;
  webDist: string;
}

/** Parses the environment; throws a readable error naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const isProduction = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    dataDir,
    database: e.DATABASE_URL
      ? e.DATABASE_URL.startsWith('sqlite:')
        ? { kind: 'sqlite', file: e.DATABASE_URL.slice('sqlite:'.length) }
        : { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'engawa.sqlite') },
    sessionSecret: e.SESSION_SECRET,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? (e.PUBLIC_URL?.startsWith('https://') || false),
    logLevel: e.LOG_LEVEL,
    trustProxy:
      e.TRUST_PROXY === 'true'
        ? true
        : e.TRUST_PROXY === 'false' || e.TRUST_PROXY === ''
          ? false
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY,
    demo: { password: e.DEMO_PASSWORD, seed: e.DEMO_SEED },
    smtp: { url: e.SMTP_URL, from: e.SMTP_FROM },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    realtime: { retentionMs: e.REALTIME_RETENTION_DAYS * 24 * 3600_000 },
    backgroundJobs: e.BACKGROUND_JOBS,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            autoProvision: e.OIDC_AUTO_PROVISION,
            buttonLabel: e.OIDC_BUTTON_LABEL,
            allowInsecure: e.OIDC_ALLOW_INSECURE,
          }
        : undefined,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL,
            model: e.LLM_MODEL,
            apiKey: e.LLM_API_KEY,
            firstTokenTimeoutMs: e.LLM_FIRST_TOKEN_TIMEOUT_MS,
            timeoutMs: e.LLM_TIMEOUT_MS,
            tools: e.LLM_TOOLS,
          }
        : undefined,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    kThreshold: e.K_THRESHOLD,
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
