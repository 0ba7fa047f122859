import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../test/harness.ts';
import { Browser, startTestIdp, type TestIdp } from '../../test/oidc-idp.ts';

/**
 * End to end against a real OpenID Connect provider: the Engawa app listens on a real port, the
 * IdP (oidc-provider) redirects a browser-like client back to it, and the test checks what that
 * person can then do in Engawa.
 */
let idp: TestIdp;
let t: TestApp; // SSO with auto-provisioning
let strict: TestApp; // SSO without auto-provisioning
let appUrl: string;
let strictUrl: string;

async function listen(app: TestApp): Promise<string> {
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;
}

function ssoEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_ALLOW_INSECURE: 'true',
    OIDC_BUTTON_LABEL: '社内アカウントでログイン',
    ...extra,
  };
}

beforeAll(async () => {
  idp = await startTestIdp();
  t = await createTestApp(ssoEnv());
  strict = await createTestApp(ssoEnv({ OIDC_AUTO_PROVISION: 'false' }));
  appUrl = await listen(t);
  strictUrl = await listen(strict);
  idp.start([`${appUrl}/api/auth/oidc/callback`, `${strictUrl}/api/auth/oidc/callback`]);
});
afterAll(async () => {
  await t?.close();
  await strict?.close();
  await idp?.close();
});

let seq = 0;
function idpAccount(claims: { email?: string; email_verified?: boolean; name?: string }) {
  seq += 1;
  const sub = `idp-subject-${seq}-${Math.random().toString(36).slice(2, 8)}`;
  idp.account({ sub, ...claims });
  return sub;
}

/** Signs in at the IdP as `sub`, starting from Engawa's SSO button; returns where the app sends us. */
async function ssoSignIn(base: string, sub: string, browser = new Browser(), intercept?: (l: URL) => URL) {
  idp.login(sub);
  const { location, trail } = await browser.follow(
    `${base}/api/auth/oidc/start`,
    (l) => l.origin === base && !l.pathname.startsWith('/api/'),
    intercept,
  );
  return { location, trail, browser };
}

async function me(base: string, browser: Browser) {
  const res = await browser.get(`${base}/api/me`);
  return { status: res.status, body: (await res.json()) as { id: string; email: string; name: string } };
}

async function userRow(app: TestApp, email: string) {
  return app.deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

describe('OIDC single sign-on against a real identity provider', () => {
  it('advertises SSO with its button label on the session probe', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.json()).toMatchObject({ sso: { enabled: true, label: '社内アカウントでログイン' } });
  });

  it('sends PKCE, state and nonce, keeps them in a signed httpOnly cookie, and uses PUBLIC_URL', async () => {
    const behindProxy = await createTestApp(ssoEnv({ PUBLIC_URL: 'https://engawa.example.com/' }));
    try {
      const res = await behindProxy.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(303);
      const to = new URL(String(res.headers.location));
      expect(to.origin).toBe(idp.issuer);
      expect(to.searchParams.get('redirect_uri')).toBe('https://engawa.example.com/api/auth/oidc/callback');
      expect(to.searchParams.get('code_challenge_method')).toBe('S256');
      expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(to.searchParams.get('state')).toBeTruthy();
      expect(to.searchParams.get('nonce')).toBeTruthy();
      expect(to.searchParams.get('scope')).toBe('openid email profile');
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^engawa_oidc=[^;]+\.[^;]+;/);
      expect(setCookie).toMatch(/Path=\/api\/auth\/oidc/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Secure/);
      expect(setCookie).toMatch(/Max-Age=600/);
    } finally {
      await behindProxy.close();
    }
  });

  it('retries discovery after the IdP was down, then discovers only once', async () => {
    idp.setDiscoveryDown(true);
    const down = await new Browser().get(`${appUrl}/api/auth/oidc/start`);
    expect(down.status).toBe(303);
    expect(down.headers.get('location')).toBe('/login?error=auth.sso_failed');
    idp.setDiscoveryDown(false);

    const before = idp.discoveryRequests();
    const sub = idpAccount({ email: 'retry@example.test', email_verified: true, name: '再試 行子' });
    const { location } = await ssoSignIn(appUrl, sub);
    expect(location.pathname).toBe('/');
    await ssoSignIn(appUrl, sub);
    expect(idp.discoveryRequests() - before).toBe(1);
  });

  it('provisions a new employee from the IdP claims and signs them in', async () => {
    const sub = idpAccount({ email: 'Misaki.Sato@Example.test', email_verified: true, name: '佐藤 美咲' });
    const { location, browser, trail } = await ssoSignIn(appUrl, sub);
    // The browser really went to the IdP and came back with a code, state and issuer.
    expect(trail[0]!.origin).toBe(idp.issuer);
    const callback = trail.find((l) => l.pathname === '/api/auth/oidc/callback');
    expect(callback?.searchParams.get('code')).toBeTruthy();
    expect(callback?.searchParams.get('iss')).toBe(idp.issuer);
    expect(location.href).toBe(`${appUrl}/`);

    const profile = await me(appUrl, browser);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ email: 'misaki.sato@example.test', name: '佐藤 美咲' });
    const row = await userRow(t, 'misaki.sato@example.test');
    expect(row).toMatchObject({ oidc_subject: sub, password_hash: null, is_demo: 0 });
    const roles = await t.deps.db
      .selectFrom('user_roles')
      .selectAll()
      .where('user_id', '=', row!.id)
      .execute();
    expect(roles).toEqual([]);
    // The flow cookie is gone once used.
    expect(browser.cookie(appUrl, 'engawa_oidc')).toBeUndefined();

    // Signing in again finds the same person by subject, even after an e-mail change at the IdP.
    idp.account({ sub, email: 'misaki.new@example.test', email_verified: true, name: '佐藤 美咲' });
    const again = await ssoSignIn(appUrl, sub);
    expect((await me(appUrl, again.browser)).body.id).toBe(row!.id);
  });

  it('uses the e-mail address as the name when the IdP sends no name', async () => {
    const sub = idpAccount({ email: 'noname@example.test', email_verified: true });
    const { browser } = await ssoSignIn(appUrl, sub);
    expect((await me(appUrl, browser)).body.name).toBe('noname@example.test');
  });

  it('matches an existing user by verified e-mail and stores their subject', async () => {
    const existing = await createUser(t, { name: '鈴木 健太' });
    const sub = idpAccount({ email: existing.email.toUpperCase(), email_verified: true, name: 'Kenta' });
    const { location, browser } = await ssoSignIn(appUrl, sub);
    expect(location.pathname).toBe('/');
    const profile = await me(appUrl, browser);
    expect(profile.body).toMatchObject({ id: existing.id, name: '鈴木 健太' });
    expect((await userRow(t, existing.email))?.oidc_subject).toBe(sub);
  });

  it('does not link an account through an unverified e-mail address', async () => {
    const existing = await createUser(t);
    const sub = idpAccount({ email: existing.email, email_verified: false, name: 'Mallory' });
    const { location, browser } = await ssoSignIn(appUrl, sub);
    expect(`${location.pathname}${location.search}`).toBe('/login?error=auth.sso_email_unverified');
    expect((await me(appUrl, browser)).status).toBe(401);
    expect((await userRow(t, existing.email))?.oidc_subject).toBeNull();
  });

  it('refuses an e-mail already linked to another subject', async () => {
    const first = idpAccount({ email: 'twice@example.test', email_verified: true });
    await ssoSignIn(appUrl, first);
    const second = idpAccount({ email: 'twice@example.test', email_verified: true });
    const { location, browser } = await ssoSignIn(appUrl, second);
    expect(location.search).toBe('?error=auth.sso_account_conflict');
    expect((await me(appUrl, browser)).status).toBe(401);
  });

  it('rejects a callback whose state was tampered with, and logs why without the code', async () => {
    const sub = idpAccount({ email: 'tamper@example.test', email_verified: true });
    let code = '';
    const { location, browser } = await ssoSignIn(appUrl, sub, new Browser(), (l) => {
      if (l.pathname !== '/api/auth/oidc/callback') return l;
      code = l.searchParams.get('code') ?? '';
      const forged = new URL(l);
      forged.searchParams.set('state', 'attacker-chosen-state');
      return forged;
    });
    expect(code).not.toBe('');
    expect(`${location.pathname}${location.search}`).toBe('/login?error=auth.sso_failed');
    expect((await me(appUrl, browser)).status).toBe(401);
    expect(await userRow(t, 'tamper@example.test')).toBeUndefined();
    const failures = t.logs.filter((l) => l.includes('single sign-on failed'));
    expect(failures.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(code);
  });

  it('rejects a callback replayed in another browser (no flow cookie: login CSRF)', async () => {
    const sub = idpAccount({ email: 'victim@example.test', email_verified: true });
    let callbackUrl: URL | undefined;
    await ssoSignIn(appUrl, sub, new Browser(), (l) => {
      if (l.pathname !== '/api/auth/oidc/callback') return l;
      callbackUrl = l;
      return new URL('/stop-here', appUrl);
    });
    const victim = new Browser();
    const res = await victim.get(callbackUrl!.href);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?error=auth.sso_failed');
    expect(victim.cookie(appUrl, 'engawa_session')).toBeUndefined();
  });

  it('rejects a forged flow cookie', async () => {
    const browser = new Browser();
    const start = await browser.get(`${appUrl}/api/auth/oidc/start`);
    const idpUrl = new URL(start.headers.get('location')!);
    const state = idpUrl.searchParams.get('state')!;
    const forged = Buffer.from(
      JSON.stringify({
        state,
        nonce: 'n',
        codeVerifier: 'v',
        redirectUri: 'x',
        expiresAt: Date.now() + 60_000,
      }),
    ).toString('base64url');
    const res = await fetch(`${appUrl}/api/auth/oidc/callback?code=abc&state=${state}`, {
      redirect: 'manual',
      headers: { cookie: `engawa_oidc=${forged}.AAAA` },
    });
    expect(res.headers.get('location')).toBe('/login?error=auth.sso_failed');
  });

  it('refuses a disabled user, even one already linked', async () => {
    const sub = idpAccount({ email: 'leaver@example.test', email_verified: true, name: '退職 太郎' });
    await ssoSignIn(appUrl, sub);
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('email', '=', 'leaver@example.test')
      .execute();
    const { location, browser } = await ssoSignIn(appUrl, sub);
    expect(location.search).toBe('?error=auth.account_disabled');
    expect((await me(appUrl, browser)).status).toBe(401);

    const disabled = await createUser(t);
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', disabled.id)
      .execute();
    const byEmail = idpAccount({ email: disabled.email, email_verified: true });
    expect((await ssoSignIn(appUrl, byEmail)).location.search).toBe('?error=auth.account_disabled');
  });

  it('without auto-provisioning, an unknown person gets a clear error and no account', async () => {
    const sub = idpAccount({ email: 'stranger@example.test', email_verified: true, name: '見知らぬ 人' });
    const { location, browser } = await ssoSignIn(strictUrl, sub);
    expect(`${location.pathname}${location.search}`).toBe('/login?error=auth.sso_no_account');
    expect((await me(strictUrl, browser)).status).toBe(401);
    expect(await userRow(strict, 'stranger@example.test')).toBeUndefined();

    // A person who already has an account still gets in.
    const known = await createUser(strict);
    const knownSub = idpAccount({ email: known.email, email_verified: true });
    const ok = await ssoSignIn(strictUrl, knownSub);
    expect((await me(strictUrl, ok.browser)).body.id).toBe(known.id);
  });

  it('rotates a session the browser already had', async () => {
    const sub = idpAccount({ email: 'rotate@example.test', email_verified: true });
    const { browser } = await ssoSignIn(appUrl, sub);
    const first = browser.cookie(appUrl, 'engawa_session');
    await ssoSignIn(appUrl, sub, browser);
    const second = browser.cookie(appUrl, 'engawa_session');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const stale = await fetch(`${appUrl}/api/me`, { headers: { cookie: `engawa_session=${first}` } });
    expect(stale.status).toBe(401);
  });
});

describe('OIDC when not configured', () => {
  it('answers 404 sso_not_configured and the session probe says SSO is off', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'auth.sso_not_configured' } });
      const cb = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
      expect(cb.statusCode).toBe(404);
      const session = await plain.app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(session.json()).toMatchObject({ sso: { enabled: false, label: null } });
    } finally {
      await plain.close();
    }
  });
});
