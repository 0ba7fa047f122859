import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StoredRole } from '@engawa/shared';
import type { TestApp } from './test/harness.ts';

/**
 * The authorization matrix: for every registered route, what each kind of caller may do. The test
 * (authz-matrix.test.ts) calls every route as every role and compares, and fails when a route has
 * no row, so a new route cannot ship without someone deciding who may call it.
 *
 * Rows live next to the routes: each module exports `authzRows` from `modules/<domain>/authz.ts`
 * (or any `modules/**\/*.authz.ts`); they are found automatically and merged with APP_ROWS below.
 * A row is keyed `METHOD /url` exactly as registered (`GET /api/users/:id`).
 */

export const MATRIX_ROLES = ['anonymous', 'employee', 'manager', 'hr', 'organizer', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * allow: answered (2xx/3xx), or refused for reasons about the input or object (400, 404, 409,
 * 422…, and `auth.*` codes such as wrong credentials) — the caller got past authorization.
 * deny: 401/403 (any code but `auth.*`), or 404 on rows marked `hides` (the policy hides objects).
 */
export type Outcome = 'allow' | 'deny';
export type Expectation = Readonly<Record<MatrixRole, Outcome>>;

const table = (allowed: readonly MatrixRole[]): Expectation =>
  Object.fromEntries(MATRIX_ROLES.map((r) => [r, allowed.includes(r) ? 'allow' : 'deny'])) as Expectation;

/** Everyone, signed in or not. */
export const PUBLIC: Expectation = table(MATRIX_ROLES);
/** Anyone signed in. */
export const SIGNED_IN: Expectation = table(MATRIX_ROLES.filter((r) => r !== 'anonymous'));
/** Only the listed roles (`manager` = manages a department; stored roles are hr/organizer/admin). */
export function only(...roles: Array<Exclude<MatrixRole, 'anonymous'>>): Expectation {
  return table(roles);
}

/** What a request builder gets: the app, the caller, and factories for ids the route needs. */
export interface AuthzContext {
  t: TestApp;
  role: MatrixRole;
  /** The calling user (null for anonymous). A fresh user for every route × role, so side effects stay put. */
  actor: { id: string; email: string } | null;
  /** A fresh, unique suffix for codes and e-mail addresses. */
  unique: string;
  user(opts?: { roles?: StoredRole[]; departmentId?: string | null }): Promise<{ id: string; email: string }>;
  department(opts?: { parentId?: string | null; managerId?: string | null }): Promise<{ id: string }>;
}

export interface AuthzRequest {
  /** Concrete URL; by default each `:param` becomes a random id and `*` becomes `x`. */
  url?: string;
  /** JSON body; by default `{}` for POST/PUT/PATCH and none for GET/DELETE. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AuthzRow {
  expect: Expectation;
  /** A 404 counts as deny: the policy hides the objects from callers who may not see them. */
  hides?: boolean;
  /** Builds a plausible request (real ids, a valid body) so allowed roles reach the handler. */
  request?: (ctx: AuthzContext) => AuthzRequest | Promise<AuthzRequest>;
}

export type AuthzRows = Record<string, AuthzRow>;

/** Rows for routes app.ts registers itself (not from a module). */
export const APP_ROWS: AuthzRows = {
  'GET /api/openapi.json': { expect: PUBLIC },
};

/** Routes the matrix covers: the API and the operational endpoints, not the static web app. */
export function isMatrixRoute(url: string): boolean {
  return (
    url.startsWith('/api/') || url === '/api' || url === '/healthz' || url === '/readyz' || url === '/metrics'
  );
}

export function routeKey(r: { method: string; url: string }): string {
  return `${r.method} ${r.url}`;
}

const srcDir = path.dirname(fileURLToPath(import.meta.url));

function rowFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return rowFiles(full);
    return e.name === 'authz.ts' || e.name.endsWith('.authz.ts') ? [full] : [];
  });
}

/** Every row: APP_ROWS plus each module's `authzRows`. Throws on a key defined twice. */
export async function loadAuthzRows(): Promise<{ rows: AuthzRows; sourceOf: Map<string, string> }> {
  const rows: AuthzRows = { ...APP_ROWS };
  const sourceOf = new Map(Object.keys(APP_ROWS).map((k) => [k, 'authz-matrix.ts']));
  for (const file of rowFiles(path.join(srcDir, 'modules')).sort()) {
    const mod = (await import(pathToFileURL(file).href)) as { authzRows?: AuthzRows };
    const rel = path.relative(srcDir, file);
    if (!mod.authzRows) throw new Error(`${rel} must export \`authzRows\` (see authz-matrix.ts)`);
    for (const [key, row] of Object.entries(mod.authzRows)) {
      if (rows[key])
        throw new Error(
          `authorization matrix row "${key}" is defined twice: ${sourceOf.get(key)} and ${rel}`,
        );
      rows[key] = row;
      sourceOf.set(key, rel);
    }
  }
  return { rows, sourceOf };
}

/** Turns a response into an outcome; 'error' for answers that mean the test itself is wrong (5xx, CSRF). */
export function classify(status: number, code: string | undefined, row: AuthzRow): Outcome | 'error' {
  if (status >= 500) return 'error';
  if (code === 'common.csrf') return 'error';
  if (status === 401 || status === 403) return code?.startsWith('auth.') ? 'allow' : 'deny';
  if (status === 404 && row.hides) return 'deny';
  return 'allow';
}

/** The failure text for routes without a row: exactly what to paste, and where. */
export function missingRowsMessage(keys: string[]): string {
  const lines = keys.map((k) => {
    const segment = /^\S+ \/api\/([a-z0-9-]+)/.exec(k)?.[1];
    const guess =
      segment && fs.existsSync(path.join(srcDir, 'modules', segment))
        ? ` // modules/${segment}/authz.ts`
        : '';
    return `  '${k}': { expect: SIGNED_IN },${guess}`;
  });
  return [
    `${keys.length} registered route(s) have no row in the authorization matrix.`,
    'Add a row for each to the module that registers it, in apps/server/src/modules/<domain>/authz.ts',
    "(`export const authzRows: AuthzRows = { ... }`, importing from '../../authz-matrix.ts'),",
    "choosing who may call it: PUBLIC, SIGNED_IN, only('hr', 'admin', …) or a full",
    "{ anonymous, employee, manager, hr, organizer, admin } table of 'allow' | 'deny'.",
    'Add `request: (ctx) => ({ url, body })` when allowed callers need a real id or a valid body,',
    'and `hides: true` when the policy answers 404 for objects a caller may not see.',
    '',
    ...lines,
  ].join('\n');
}

/** Fills `:params` with a random id and `*` with `x`. */
export function defaultUrl(url: string, id: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, id).replace(/\*/g, 'x');
}
