import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, createUser, signIn, type TestApp } from '../../test/harness.ts';
import { seedDemo, seedDemoIfEmpty } from './seed.ts';
import { DEMO_ACCOUNTS } from './info.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });
  expect(await seedDemoIfEmpty(t.deps)).toBe(true);
});
afterAll(async () => t.close());

async function everyone() {
  return t.deps.db.selectFrom('users').selectAll().execute();
}

describe('the demo company', () => {
  it('has about sixty people with Japanese names and kana readings in at least eight departments', async () => {
    const users = await everyone();
    const departments = await t.deps.db.selectFrom('departments').selectAll().execute();
    expect(users.length).toBeGreaterThanOrEqual(55);
    expect(departments.length).toBeGreaterThanOrEqual(8);
    for (const u of users) {
      expect(u.name).toMatch(/^\p{Script=Han}+ [\p{Script=Han}\p{Script=Hiragana}]+$/u);
      expect(u.name_kana).toMatch(/^\p{Script=Hiragana}+ \p{Script=Hiragana}+$/u);
      expect(u.title).toBeTruthy();
      expect(u.department_id).toBeTruthy();
      expect(u.is_demo).toBe(1);
    }
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
    // A tree: some departments sit under another one, and every department has an English name.
    expect(departments.some((d) => d.parent_id)).toBe(true);
    expect(departments.every((d) => d.name_en)).toBe(true);
    expect(departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(['人事部', '営業本部', '第一営業部', 'プロダクト開発部', '総務部']),
    );
  });

  it('gives every department a manager who belongs to it or to its parent', async () => {
    const users = new Map((await everyone()).map((u) => [u.id, u]));
    const departments = await t.deps.db.selectFrom('departments').selectAll().execute();
    for (const d of departments) {
      expect(d.manager_id, d.name).toBeTruthy();
      const manager = users.get(d.manager_id!);
      expect([d.id, d.parent_id]).toContain(manager?.department_id);
    }
  });

  it('shares one password hash among all demo people', async () => {
    const hashes = new Set((await everyone()).map((u) => u.password_hash));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]).toMatch(/^\$argon2id\$/);
  });

  it('has the four demo accounts with the right roles, and they sign in with the demo password', async () => {
    const users = await everyone();
    const accounts = DEMO_ACCOUNTS.map((a) => users.find((u) => u.email === a.email)!);
    expect(accounts.every(Boolean)).toBe(true);
    const roles = await t.deps.db
      .selectFrom('user_roles')
      .selectAll()
      .where(
        'user_id',
        'in',
        accounts.map((a) => a.id),
      )
      .execute();
    expect(roles.filter((r) => r.role === 'hr')).toHaveLength(1);
    expect(roles.filter((r) => r.role === 'admin')).toHaveLength(1);

    const seen: Record<string, { roles: string[]; departmentId: string }> = {};
    for (const a of DEMO_ACCOUNTS) {
      const agent = await signIn(t, a.email, 'demo-password-for-tests');
      seen[a.role] = (await agent.get('/api/me')).json() as { roles: string[]; departmentId: string };
    }
    expect(seen.admin!.roles).toContain('admin');
    expect(seen.hr!.roles).toContain('hr');
    expect(seen.manager!.roles).toContain('manager');
    expect(seen.employee!.roles).toEqual(['employee']);
    // The employee works in the department their demo manager manages.
    const managed = await t.deps.db
      .selectFrom('departments')
      .select('id')
      .where('manager_id', '=', accounts[2]!.id)
      .execute();
    expect(managed.map((d) => d.id)).toContain(seen.employee!.departmentId);
  });

  it('is the same company every time', async () => {
    const other = await createTestApp();
    try {
      await seedDemo(other.deps);
      const names = (db: TestApp) =>
        db.deps.db
          .selectFrom('users')
          .innerJoin('departments', 'departments.id', 'users.department_id')
          .select(['users.email', 'users.name', 'users.title', 'departments.code'])
          .orderBy('users.email')
          .execute();
      expect(await names(other)).toEqual(await names(t));
    } finally {
      await other.close();
    }
  });

  it('turns demo mode on while only demo people exist, and off once a real user exists', async () => {
    const before = (await (await anonymous(t)).get('/api/auth/session')).json() as {
      demo: { enabled: boolean; password: string | null; accounts: Array<{ email: string }> };
    };
    expect(before.demo.enabled).toBe(true);
    expect(before.demo.password).toBe('demo-password-for-tests');
    expect(before.demo.accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));

    await createUser(t, { email: 'real.person@example.test' });
    const after = (await (await anonymous(t)).get('/api/auth/session')).json() as {
      demo: { enabled: boolean; password: string | null };
    };
    expect(after.demo).toMatchObject({ enabled: false, password: null });
  });

  it('does nothing on a database that already has users', async () => {
    const count = (await everyone()).length;
    expect(await seedDemoIfEmpty(t.deps)).toBe(false);
    expect((await everyone()).length).toBe(count);

    const fresh = await createTestApp();
    try {
      await createUser(fresh);
      expect(await seedDemoIfEmpty(fresh.deps)).toBe(false);
      expect(await fresh.deps.db.selectFrom('departments').selectAll().execute()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
