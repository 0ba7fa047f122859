import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser, AdminUserPage, PublicProfile } from '@engawa/shared';
import {
  anonymous,
  createDepartment,
  createTestApp,
  createUser,
  signIn,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { verifyPassword } from '../../platform/passwords.ts';

let t: TestApp;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  const a = await createUser(t, { roles: ['admin'], name: '管理 花子' });
  adminId = a.id;
  admin = await signIn(t, a.email);
});
afterAll(async () => t.close());

type ErrorBody = {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string }> };
};

async function auditActions(subjectId: string): Promise<Array<{ action: string; detail: string | null }>> {
  return t.deps.db
    .selectFrom('audit_events')
    .select(['action', 'detail'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}

describe('public profile GET /api/users/:id', () => {
  it('shows public fields only, to any signed-in colleague', async () => {
    const dept = await createDepartment(t, { name: '人事部' });
    const u = await createUser(t, { name: '佐藤 一郎', departmentId: dept.id });
    await t.deps.db
      .updateTable('users')
      .set({ bio: 'よろしくお願いします', title: '課長', name_kana: 'さとう いちろう' })
      .where('id', '=', u.id)
      .execute();
    const viewer = await signIn(t, (await createUser(t)).email);
    const res = await viewer.get(`/api/users/${u.id}`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      id: u.id,
      name: '佐藤 一郎',
      nameKana: 'さとう いちろう',
      nameEn: null,
      title: '課長',
      bio: 'よろしくお願いします',
      departmentId: dept.id,
      departmentName: '人事部',
    } satisfies PublicProfile);
    expect(res.body).not.toContain(u.email);
  });

  it('answers 404 for unknown and disabled users, 401 to anonymous callers', async () => {
    const viewer = await signIn(t, (await createUser(t)).email);
    expect((await viewer.get('/api/users/no-such-user')).status).toBe(404);
    const gone = await createUser(t);
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', gone.id)
      .execute();
    expect((await viewer.get(`/api/users/${gone.id}`)).status).toBe(404);
    expect((await (await anonymous(t)).get(`/api/users/${gone.id}`)).status).toBe(401);
  });
});

describe('admin user list', () => {
  it('is for administrators only', async () => {
    for (const roles of [[], ['hr'], ['organizer']] as const) {
      const u = await signIn(t, (await createUser(t, { roles: [...roles] })).email);
      const res = await u.get('/api/admin/users');
      expect(res.status).toBe(403);
      expect((res.json() as ErrorBody).error.code).toBe('common.forbidden');
    }
    expect((await (await anonymous(t)).get('/api/admin/users')).status).toBe(401);
  });

  it('searches name, kana and e-mail (case-insensitive, NFKC, hiragana = katakana) and filters', async () => {
    const dept = await createDepartment(t, { name: '検索部' });
    const yamada = await createUser(t, {
      name: '山田 太郎',
      email: 'T.Yamada@Example.test',
      departmentId: dept.id,
    });
    await t.deps.db
      .updateTable('users')
      .set({ name_kana: 'ヤマダ タロウ' })
      .where('id', '=', yamada.id)
      .execute();
    const other = await createUser(t, { name: '山本 次郎', roles: ['hr'], departmentId: dept.id });
    await createDepartment(t, { name: '山田の部署', managerId: other.id });

    const find = async (query: string) => {
      const res = await admin.get(`/api/admin/users?${query}`);
      expect(res.status).toBe(200);
      return (res.json() as AdminUserPage).items.map((i) => i.id);
    };
    expect(await find(`q=${encodeURIComponent('山田')}`)).toEqual([yamada.id]);
    expect(await find(`q=${encodeURIComponent('ＹＡＭＡＤＡ')}`)).toEqual([yamada.id]);
    expect(await find(`q=${encodeURIComponent('やまだ')}`)).toEqual([yamada.id]);
    expect(await find(`q=${encodeURIComponent('ﾔﾏﾀﾞ')}`)).toEqual([yamada.id]);
    expect(await find(`q=${encodeURIComponent('山田　太郎')}`)).toEqual([yamada.id]);
    expect(await find(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await find(`departmentId=${dept.id}`)).sort()).toEqual([yamada.id, other.id].sort());
    expect(await find(`departmentId=${dept.id}&role=hr`)).toEqual([other.id]);
    expect(await find(`departmentId=${dept.id}&role=manager`)).toEqual([other.id]);
    expect(await find(`departmentId=${dept.id}&role=admin`)).toEqual([]);

    const page = (
      await admin.get(`/api/admin/users?departmentId=${dept.id}&role=hr`)
    ).json() as AdminUserPage;
    expect(page.items[0]).toEqual({
      id: other.id,
      email: expect.stringMatching(/@example\.test$/),
      name: '山本 次郎',
      nameKana: null,
      nameEn: null,
      title: null,
      departmentId: dept.id,
      departmentName: '検索部',
      roles: ['hr'],
      isManager: true,
      disabled: false,
      hasPassword: true,
      sso: false,
      createdAt: expect.any(String),
    } satisfies AdminUser);
    expect(JSON.stringify(page)).not.toMatch(/argon2|password_hash/);
  });

  it('pages with a cursor, without gaps or repeats, and reports the total', async () => {
    const dept = await createDepartment(t);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await createUser(t, { name: `同名 さん`, departmentId: dept.id })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `departmentId=${dept.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await admin.get(`/api/admin/users?${qs}`)).json() as AdminUserPage;
      expect(page.total).toBe(7);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].sort());

    const bad = await admin.get('/api/admin/users?cursor=garbage');
    expect(bad.status).toBe(400);
    expect((bad.json() as ErrorBody).error.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const tooMany = await admin.get('/api/admin/users?limit=201');
    expect(tooMany.status).toBe(400);
    expect((tooMany.json() as ErrorBody).error.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('filters by status', async () => {
    const dept = await createDepartment(t);
    const active = await createUser(t, { departmentId: dept.id });
    const off = await createUser(t, { departmentId: dept.id });
    expect((await admin.patch(`/api/admin/users/${off.id}`, { disabled: true })).status).toBe(200);
    const ids = async (status: string) =>
      (
        (await admin.get(`/api/admin/users?departmentId=${dept.id}&status=${status}`)).json() as AdminUserPage
      ).items
        .map((i) => i.id)
        .sort();
    expect(await ids('active')).toEqual([active.id]);
    expect(await ids('disabled')).toEqual([off.id]);
    expect(await ids('all')).toEqual([active.id, off.id].sort());
  });
});

describe('creating and editing users', () => {
  it('creates a user with roles, department and password; the user can sign in', async () => {
    const dept = await createDepartment(t, { name: '開発部' });
    const res = await admin.post('/api/admin/users', {
      email: '  Ｎｅｗ.Person@Example.TEST ',
      name: '新人 さくら',
      nameKana: 'しんじん さくら',
      title: 'エンジニア',
      departmentId: dept.id,
      roles: ['organizer', 'organizer'],
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    const user = res.json() as AdminUser;
    expect(user).toMatchObject({
      email: 'new.person@example.test',
      name: '新人 さくら',
      nameKana: 'しんじん さくら',
      nameEn: null,
      title: 'エンジニア',
      departmentId: dept.id,
      departmentName: '開発部',
      roles: ['organizer'],
      isManager: false,
      disabled: false,
      hasPassword: true,
      sso: false,
    });
    const agent = await signIn(t, 'new.person@example.test', 'a-long-enough-password');
    expect((await agent.get('/api/me')).json()).toMatchObject({ roles: ['employee', 'organizer'] });
    const audit = await auditActions(user.id);
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
    expect(audit[0]!.detail).not.toContain('a-long-enough-password');
    const actor = await t.deps.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(actor.actor_id).toBe(adminId);
  });

  it('validates naming the fields, and refuses taken e-mail and unknown departments', async () => {
    const bad = await admin.post('/api/admin/users', { email: 'not-an-email', name: '', password: 'short' });
    expect(bad.status).toBe(400);
    const fields = (bad.json() as ErrorBody).error.fields!;
    expect(fields.map((f) => f.field).sort()).toEqual(['email', 'name', 'password']);
    expect(fields.find((f) => f.field === 'email')!.code).toBe('invalid_email');
    expect(fields.find((f) => f.field === 'password')!.code).toBe('too_short');

    const badRole = await admin.post('/api/admin/users', {
      email: 'r@example.test',
      name: 'R',
      roles: ['manager'],
    });
    expect(badRole.status).toBe(400);
    expect((badRole.json() as ErrorBody).error.fields![0]!.field).toMatch(/^roles/);

    const existing = await createUser(t, { email: 'taken@example.test' });
    const taken = await admin.post('/api/admin/users', { email: 'TAKEN@example.test', name: 'X' });
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({
      error: { code: 'identity.email_taken', fields: [{ field: 'email', code: 'taken' }] },
    });
    const unknownDept = await admin.post('/api/admin/users', {
      email: 'nodept@example.test',
      name: 'X',
      departmentId: 'no-such-department',
    });
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.json()).toMatchObject({
      error: { code: 'identity.unknown_department', fields: [{ field: 'departmentId' }] },
    });
    const renameToTaken = await admin.patch(`/api/admin/users/${(await createUser(t)).id}`, {
      email: 'taken@example.test',
    });
    expect(renameToTaken.status).toBe(409);
    expect(existing.id).toBeTruthy();
    expect((await admin.patch('/api/admin/users/no-such-user', { name: 'x' })).status).toBe(404);
  });

  it('updates fields, moves departments, changes roles, and audits without passwords', async () => {
    const d1 = await createDepartment(t, { name: '営業部' });
    const u = await createUser(t, { departmentId: d1.id });
    const res = await admin.patch(`/api/admin/users/${u.id}`, {
      name: '変更 後',
      nameEn: 'After Change',
      title: '',
      departmentId: null,
      roles: ['hr'],
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      name: '変更 後',
      nameEn: 'After Change',
      title: null,
      departmentId: null,
      departmentName: null,
      roles: ['hr'],
    });
    const [event] = await auditActions(u.id);
    expect(event!.action).toBe('user.update');
    expect(JSON.parse(event!.detail!)).toMatchObject({ roles: ['hr'], previousRoles: [] });
  });

  it('disabling ends every session at once; re-enabling lets the person sign in again', async () => {
    const u = await createUser(t);
    const laptop = await signIn(t, u.email);
    const phone = await signIn(t, u.email);
    const res = await admin.patch(`/api/admin/users/${u.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect((res.json() as AdminUser).disabled).toBe(true);
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(401);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    expect(sessions).toEqual([]);
    expect((await admin.patch(`/api/admin/users/${u.id}`, { disabled: false })).status).toBe(200);
    expect((await (await signIn(t, u.email)).get('/api/me')).status).toBe(200);
  });

  it('sets a password (argon2id), ends that user’s sessions, and keeps the admin’s own session', async () => {
    const u = await createUser(t);
    const old = await signIn(t, u.email);
    const res = await admin.post(`/api/admin/users/${u.id}/password`, { password: 'brand-new-password-1' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await old.get('/api/me')).status).toBe(401);
    const row = await t.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash!, 'brand-new-password-1')).toBe(true);
    await signIn(t, u.email, 'brand-new-password-1');
    const [event] = await auditActions(u.id);
    expect(event).toEqual({ action: 'user.password_set', detail: null });

    const short = await admin.post(`/api/admin/users/${u.id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect((short.json() as ErrorBody).error.fields).toEqual([
      expect.objectContaining({ field: 'password', code: 'too_short' }),
    ]);
    expect(
      (await admin.post('/api/admin/users/nobody/password', { password: 'long-enough-pass' })).status,
    ).toBe(404);

    // Resetting one's own password keeps the session in use.
    const self = await createUser(t, { roles: ['admin'] });
    const selfAgent = await signIn(t, self.email);
    const otherDevice = await signIn(t, self.email);
    expect(
      (await selfAgent.post(`/api/admin/users/${self.id}/password`, { password: 'my-own-new-pass' })).status,
    ).toBe(200);
    expect((await selfAgent.get('/api/me')).status).toBe(200);
    expect((await otherDevice.get('/api/me')).status).toBe(401);
  });
});

describe('the last administrator', () => {
  it('cannot be disabled or lose the admin role; once another admin exists, they can', async () => {
    const own = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const a = await createUser(own, { roles: ['admin', 'hr'] });
      const agent = await signIn(own, a.email);
      const demote = await agent.patch(`/api/admin/users/${a.id}`, { roles: ['hr'] });
      expect(demote.status).toBe(409);
      expect(demote.json()).toMatchObject({
        error: { code: 'identity.last_admin', fields: [{ field: 'roles', code: 'last_admin' }] },
      });
      const disable = await agent.patch(`/api/admin/users/${a.id}`, { disabled: true });
      expect(disable.status).toBe(409);
      expect(disable.json()).toMatchObject({
        error: { code: 'identity.last_admin', fields: [{ field: 'disabled' }] },
      });
      // Nothing changed.
      const me = (await agent.get('/api/me')).json() as { roles: string[] };
      expect([...me.roles].sort()).toEqual(['admin', 'employee', 'hr']);

      // A disabled admin does not count as a remaining administrator.
      const dormant = await createUser(own, { roles: ['admin'] });
      await own.deps.db
        .updateTable('users')
        .set({ disabled_at: new Date().toISOString() })
        .where('id', '=', dormant.id)
        .execute();
      expect((await agent.patch(`/api/admin/users/${a.id}`, { roles: [] })).status).toBe(409);

      const b = await createUser(own, { roles: ['admin'] });
      const ok = await agent.patch(`/api/admin/users/${a.id}`, { roles: ['hr'] });
      expect(ok.status).toBe(200);
      expect((ok.json() as AdminUser).roles).toEqual(['hr']);
      // a is no longer an administrator, so the admin API is closed to them now.
      expect((await agent.get('/api/admin/users')).status).toBe(403);
      const bAgent = await signIn(own, b.email);
      expect((await bAgent.patch(`/api/admin/users/${b.id}`, { disabled: true })).status).toBe(409);
    } finally {
      await own.close();
    }
  });
});
