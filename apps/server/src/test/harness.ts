import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import type { StoredRole } from '@engawa/shared';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, migrateToLatest, nowIso } from '../db/index.ts';
import { buildApp, type AppDeps, type ZodApp } from '../app.ts';
import { hashPassword } from '../platform/passwords.ts';
import { newId, newToken, sha256 } from '../platform/ids.ts';
import { identityRepo } from '../modules/identity/repo.ts';
import { nameSearchText } from '../modules/identity/userSearch.ts';

/**
 * Test harness: a real app on a real database. SQLite gets a fresh file in a temp dir; with
 * DATABASE_URL set (PostgreSQL), each test app gets a fresh database created on that server and
 * dropped afterwards. Log lines are captured so tests can assert what was (not) logged.
 */
export interface TestApp {
  app: ZodApp;
  deps: AppDeps;
  config: Config;
  routes: Array<{ method: string; url: string; public: boolean }>;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-test-'));
  let dropDb: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl && !baseUrl.startsWith('sqlite:')) {
    const name = `engawa_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        // The app's pool.end() resolves once its clients have sent Terminate, not once their backends
        // are gone; a FORCE drop in that window kills them, and pg surfaces FATAL 57P01 as an unhandled
        // error in whichever test runs next. So wait (briefly) for them to leave first.
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (!rows[0]?.n) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    DEMO_SEED: 'false',
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const { loadSecrets } = await import('../platform/secrets.ts');
  const secrets = loadSecrets(config);
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const logs: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const { app, deps, routes } = await buildApp({ config, secrets, database, logStream: stream });
  await app.ready();
  return {
    app,
    deps,
    config,
    routes,
    dataDir,
    logs,
    async close() {
      await app.close();
      await database.close();
      if (dropDb) await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

/** Factory: a user with the given roles (and, optionally, department). Password is TEST_PASSWORD. */
export async function createUser(
  t: TestApp,
  opts: {
    roles?: StoredRole[];
    departmentId?: string | null;
    name?: string;
    email?: string;
    isDemo?: boolean;
    password?: string | null;
  } = {},
) {
  seq += 1;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const email = (opts.email ?? `user${seq}-${id.slice(-6)}@example.test`).toLowerCase();
  const name = opts.name ?? `テスト 太郎${seq}`;
  const now = nowIso();
  await t.deps.db
    .insertInto('users')
    .values({
      id,
      email,
      name,
      name_search: nameSearchText([name]),
      name_kana: null,
      name_en: null,
      title: null,
      bio: null,
      password_hash:
        opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await cachedHash,
      department_id: opts.departmentId ?? null,
      is_demo: opts.isDemo ? 1 : 0,
      disabled_at: null,
      locked_until: null,
      oidc_subject: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (opts.roles?.length) await identityRepo.setRoles(t.deps.db, id, opts.roles);
  return { id, email };
}

/** Factory: a department, optionally under a parent and with a manager. */
export async function createDepartment(
  t: TestApp,
  opts: { name?: string; code?: string; parentId?: string | null; managerId?: string | null } = {},
) {
  seq += 1;
  const id = newId();
  const now = nowIso();
  await t.deps.db
    .insertInto('departments')
    .values({
      id,
      code: opts.code ?? `D${seq}-${id.slice(-4)}`,
      name: opts.name ?? `テスト部${seq}`,
      name_en: null,
      parent_id: opts.parentId ?? null,
      manager_id: opts.managerId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

export interface Agent {
  csrf: string;
  cookies: Record<string, string>;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: () => unknown; body: string; headers: Record<string, unknown> }>;
  get(url: string): ReturnType<Agent['request']>;
  post(url: string, body?: unknown): ReturnType<Agent['request']>;
  patch(url: string, body?: unknown): ReturnType<Agent['request']>;
  put(url: string, body?: unknown): ReturnType<Agent['request']>;
  delete(url: string): ReturnType<Agent['request']>;
}

/** A browser-like client: keeps cookies, sends the CSRF token on writes. */
export async function anonymous(t: TestApp): Promise<Agent> {
  const cookies: Record<string, string> = {};
  const agent: Agent = {
    csrf: '',
    cookies,
    async request(method, url, body, headers = {}) {
      const cookieHeader = Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const isBuffer = Buffer.isBuffer(body) || typeof body === 'string';
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(cookieHeader ? { cookie: cookieHeader } : {}),
          ...(method !== 'GET' && agent.csrf ? { 'x-csrf-token': agent.csrf } : {}),
          ...(body !== undefined && !isBuffer ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: isBuffer ? (body as string) : JSON.stringify(body) } : {}),
      });
      for (const c of res.cookies) {
        if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete cookies[c.name];
        else cookies[c.name] = c.value;
      }
      return { status: res.statusCode, json: () => res.json(), body: res.body, headers: res.headers };
    },
    get: (url) => agent.request('GET', url),
    post: (url, body) => agent.request('POST', url, body ?? {}),
    patch: (url, body) => agent.request('PATCH', url, body ?? {}),
    put: (url, body) => agent.request('PUT', url, body ?? {}),
    delete: (url) => agent.request('DELETE', url),
  };
  const session = await agent.get('/api/auth/session');
  agent.csrf = (session.json() as { csrfToken: string }).csrfToken;
  return agent;
}

/** Signs in through the real login route and returns the browser-like client. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const agent = await anonymous(t);
  const res = await agent.post('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${res.body}`);
  return agent;
}

/**
 * A signed-in client made by writing the session directly (no password check): for tests that
 * need hundreds of sessions, like the authorization matrix, where argon2 per sign-in adds up.
 * Everything after that goes through the real HTTP layer.
 */
export async function sessionFor(t: TestApp, userId: string): Promise<Agent> {
  const agent = await anonymous(t);
  const token = newToken();
  await identityRepo.createSession(t.deps.db, {
    id: sha256(token),
    user_id: userId,
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    user_agent: null,
  });
  agent.cookies.engawa_session = token;
  return agent;
}
