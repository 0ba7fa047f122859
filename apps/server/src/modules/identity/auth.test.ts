import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestApp,
  createUser,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
});
afterAll(async () => t.close());

describe('password sign-in and sessions', () => {
  it('signs in, shows the session, and signs out', async () => {
    const u = await createUser(t, { name: '山田 花子' });
    const agent = await signIn(t, u.email);
    const session = (await agent.get('/api/auth/session')).json() as {
      user: { name: string; roles: string[] };
    };
    expect(session.user.name).toBe('山田 花子');
    expect(session.user.roles).toEqual(['employee']);
    expect((await agent.post('/api/auth/logout')).status).toBe(200);
    expect((await agent.get('/api/me')).status).toBe(401);
  });

  it('sets an httpOnly SameSite=Lax session cookie and rotates it on each login', async () => {
    const u = await createUser(t);
    const agent = await anonymous(t);
    const res = await agent.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/engawa_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const first = agent.cookies.engawa_session;
    await agent.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    const second = agent.cookies.engawa_session;
    expect(second).not.toBe(first);
    // The old token no longer works.
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `engawa_session=${first}` },
    });
    expect(stale.statusCode).toBe(401);
  });

  it('answers wrong passwords and unknown addresses the same way, in Japanese by default', async () => {
    const u = await createUser(t);
    const agent = await anonymous(t);
    const wrong = await agent.post('/api/auth/login', { email: u.email, password: 'nope-nope-nope' });
    const unknown = await agent.post('/api/auth/login', {
      email: 'nobody@example.test',
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect((wrong.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'メールアドレスまたはパスワードが正しくありません。',
    });
  });

  it('locks an account after repeated failures, with a clear message, even for the right password', async () => {
    const u = await createUser(t);
    const agent = await anonymous(t);
    for (let i = 0; i < 2; i++) {
      expect(
        (await agent.post('/api/auth/login', { email: u.email, password: 'wrong-password' })).status,
      ).toBe(401);
    }
    const locked = await agent.post('/api/auth/login', { email: u.email, password: 'wrong-password' });
    expect(locked.status).toBe(423);
    const body = locked.json() as { error: { code: string; message: string; retryAfterSeconds: number } };
    expect(body.error.code).toBe('auth.locked');
    expect(body.error.message).toContain('15分後');
    expect(body.error.retryAfterSeconds).toBe(900);
    const right = await agent.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    expect(right.status).toBe(423);
  });

  it('English error text for English browsers', async () => {
    const agent = await anonymous(t);
    const res = await agent.request(
      'POST',
      '/api/auth/login',
      { email: 'x@example.test', password: 'y' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect((res.json() as { error: { message: string } }).error.message).toBe(
      'The e-mail address or password is incorrect.',
    );
  });

  it('rejects writes without the CSRF token', async () => {
    const u = await createUser(t);
    const agent = await signIn(t, u.email);
    const res = await agent.request('PATCH', '/api/me', { locale: 'en' }, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect((res.json() as { error: { code: string } }).error.code).toBe('common.csrf');
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: {
        cookie: Object.entries(agent.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    expect(noHeader.statusCode).toBe(403);
    // Still signed in: nothing changed.
    expect((await agent.get('/api/me')).status).toBe(200);
  });

  it('logout everywhere ends every session of the user', async () => {
    const u = await createUser(t);
    const laptop = await signIn(t, u.email);
    const phone = await signIn(t, u.email);
    expect((await phone.post('/api/auth/logout-all')).status).toBe(200);
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await phone.get('/api/me')).status).toBe(401);
  });

  it('disabled accounts cannot sign in', async () => {
    const u = await createUser(t);
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', u.id)
      .execute();
    const agent = await anonymous(t);
    const res = await agent.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect((res.json() as { error: { code: string } }).error.code).toBe('auth.account_disabled');
  });

  it('stores argon2id hashes, never the password', async () => {
    const u = await createUser(t, { password: 'a-unique-password-123' });
    const row = await t.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('a-unique-password-123');
  });
});

describe('settings', () => {
  it('saves language, time zone and working hours, and validates them naming the field', async () => {
    const u = await createUser(t);
    const agent = await signIn(t, u.email);
    const ok = await agent.patch('/api/me', {
      locale: 'en',
      timeZone: 'Europe/Berlin',
      workStart: '08:30',
      workEnd: '17:00',
    });
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({
      locale: 'en',
      timeZone: 'Europe/Berlin',
      workStart: '08:30',
      workEnd: '17:00',
    });
    const me = (await agent.get('/api/me')).json();
    expect(me).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin' });

    const badTz = await agent.patch('/api/me', { timeZone: 'Mars/Olympus' });
    expect(badTz.status).toBe(400);
    expect(badTz.json()).toMatchObject({
      error: { code: 'identity.invalid_time_zone', fields: [{ field: 'timeZone' }] },
    });
    // The user's language is now English, so errors come in English.
    expect((badTz.json() as { error: { message: string } }).error.message).toBe(
      'The time zone is not valid.',
    );

    const badHours = await agent.patch('/api/me', { workStart: '25:00' });
    expect(badHours.status).toBe(400);
    expect(badHours.json()).toMatchObject({
      error: { code: 'common.validation', fields: [{ field: 'workStart' }] },
    });
    // Failed requests changed nothing.
    expect((await agent.get('/api/me')).json()).toMatchObject({
      timeZone: 'Europe/Berlin',
      workStart: '08:30',
    });
  });
});

describe('guessing limits', () => {
  it('parallel wrong passwords cannot slip past the lockout', async () => {
    const own = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
    try {
      const u = await createUser(own);
      const agent = await anonymous(own);
      await Promise.all(
        Array.from({ length: 8 }, () =>
          agent.post('/api/auth/login', { email: u.email, password: 'guess-guess' }),
        ),
      );
      const right = await agent.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
      expect(right.status).toBe(423);
    } finally {
      await own.close();
    }
  });

  it('a forged X-Forwarded-For does not reset the login rate limit', async () => {
    const own = await createTestApp();
    try {
      const agent = await anonymous(own);
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const res = await agent.request(
          'POST',
          '/api/auth/login',
          { email: `nobody${i}@example.test`, password: 'wrong-wrong' },
          { 'x-forwarded-for': `203.0.113.${i}` },
        );
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toContain(429);
    } finally {
      await own.close();
    }
  });
});

describe('demo accounts', () => {
  it('stop working (sessions and sign-in) once a real user exists', async () => {
    const own = await createTestApp();
    try {
      const demo = await createUser(own, { isDemo: true });
      const agent = await signIn(own, demo.email);
      expect((await agent.get('/api/me')).status).toBe(200);
      await createUser(own, { isDemo: false });
      expect((await agent.get('/api/me')).status).toBe(401);
      const again = await (
        await anonymous(own)
      ).post('/api/auth/login', { email: demo.email, password: TEST_PASSWORD });
      expect(again.status).toBe(403);
      expect((again.json() as { error: { code: string } }).error.code).toBe('auth.account_disabled');
    } finally {
      await own.close();
    }
  });
});
