import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MATRIX_ROLES,
  classify,
  defaultUrl,
  isMatrixRoute,
  loadAuthzRows,
  missingRowsMessage,
  routeKey,
  type AuthzContext,
  type AuthzRow,
  type MatrixRole,
} from './authz-matrix.ts';
import {
  anonymous,
  createDepartment,
  createTestApp,
  createUser,
  sessionFor,
  type TestApp,
} from './test/harness.ts';
import { newId } from './platform/ids.ts';

/**
 * Every registered route × every role, against the table in authz-matrix.ts and the modules'
 * authz.ts files. Each call gets a fresh caller (and fresh objects from the row's request builder),
 * so one route's side effects (sign-out, disabling, deleting) cannot leak into another's.
 * AUTHZ_MATRIX_VERBOSE=1 prints every call's status and error code.
 */
const t: TestApp = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
afterAll(async () => t.close());

const { rows, sourceOf } = await loadAuthzRows();
const routes = t.routes.filter((r) => isMatrixRoute(r.url));
const keys = [...new Set(routes.map(routeKey))].sort();

async function callerFor(role: MatrixRole): Promise<{ id: string; email: string } | null> {
  if (role === 'anonymous') return null;
  if (role === 'employee') return createUser(t);
  if (role === 'manager') {
    const u = await createUser(t);
    await createDepartment(t, { managerId: u.id });
    return u;
  }
  return createUser(t, { roles: [role] });
}

async function call(method: string, url: string, role: MatrixRole, row: AuthzRow) {
  const actor = await callerFor(role);
  const ctx: AuthzContext = {
    t,
    role,
    actor,
    unique: crypto.randomBytes(6).toString('hex'),
    user: (opts) => createUser(t, opts),
    department: (opts) => createDepartment(t, opts),
  };
  const req = row.request ? await row.request(ctx) : {};
  const agent = actor ? await sessionFor(t, actor.id) : await anonymous(t);
  const body = req.body !== undefined ? req.body : ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
  const res = await agent.request(method, req.url ?? defaultUrl(url, newId()), body, req.headers);
  let code: string | undefined;
  try {
    code = (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined; // not JSON (metrics, redirects)
  }
  return { status: res.status, code, outcome: classify(res.status, code, row), body: res.body.slice(0, 300) };
}

describe('authorization matrix', () => {
  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const missing = keys.filter((k) => !rows[k]);
    const stale = Object.keys(rows).filter((k) => !keys.includes(k));
    const message = [
      missing.length ? missingRowsMessage(missing) : '',
      stale.length
        ? `Rows for routes that are not registered (remove them, or fix the METHOD /url key):\n${stale
            .map((k) => `  '${k}' in ${sourceOf.get(k)}`)
            .join('\n')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    expect({ missing, stale }, message).toEqual({ missing: [], stale: [] });
  });

  it('covers the identity and system routes it was written with', () => {
    for (const k of ['GET /healthz', 'GET /api/me', 'POST /api/admin/import', 'GET /api/users/:id']) {
      expect(keys).toContain(k);
    }
  });

  for (const key of keys) {
    const row = rows[key];
    if (!row) continue; // reported by the coverage test above
    const [method, url] = key.split(' ') as [string, string];
    it(`${key} (${sourceOf.get(key)})`, async () => {
      const problems: string[] = [];
      for (const role of MATRIX_ROLES) {
        const got = await call(method, url, role, row);
        if (process.env.AUTHZ_MATRIX_VERBOSE) console.log(key, role, got.status, got.code ?? '');
        if (got.outcome !== row.expect[role]) {
          problems.push(
            `${role}: expected ${row.expect[role]}, got ${got.outcome} (HTTP ${got.status}${
              got.code ? ` ${got.code}` : ''
            }) ${got.outcome === 'error' ? got.body : ''}`.trim(),
          );
        }
      }
      expect(problems, `${key}\n${problems.join('\n')}`).toEqual([]);
    });
  }
});
