import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, for end-to-end SSO tests.
 * The "login page" is replaced by the test: whoever `login(sub)` names is the person who signs in
 * at the IdP next, and consent is granted for the requested scopes.
 */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account the IdP knows. */
  account(claims: { sub: string; email?: string; email_verified?: boolean; name?: string }): void;
  /** Chooses who signs in at the IdP on the next interaction. */
  login(sub: string): void;
  /** Discovery requests seen so far (the RP should discover once). */
  discoveryRequests(): number;
  /** While true, discovery answers 503 (an IdP that is down). */
  setDiscoveryDown(down: boolean): void;
  /** Call once the relying party's callback URLs are known; the provider starts answering then. */
  start(redirectUris: string[]): void;
  close(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  let nextLogin: string | undefined;
  let discoveries = 0;
  let discoveryDown = false;
  const clientId = 'engawa-test';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) {
      discoveries += 1;
      if (discoveryDown) {
        res.statusCode = 503;
        res.end();
        return;
      }
    }
    handler(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    account(claims) {
      accounts.set(claims.sub, claims);
    },
    login(sub) {
      nextLogin = sub;
    },
    discoveryRequests: () => discoveries,
    setDiscoveryDown(down) {
      discoveryDown = down;
    },
    start(redirectUris) {
      const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        pkce: { required: () => true },
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 600,
          IdToken: 600,
          Interaction: 600,
          Session: 600,
        },
        async findAccount(_ctx, sub) {
          const claims = accounts.get(sub);
          if (!claims) return undefined;
          return { accountId: sub, claims: async () => ({ ...claims, sub }) };
        },
      });
      const callback = provider.callback();
      handler = (req, res) => {
        if (!req.url?.startsWith('/interaction/')) {
          void callback(req, res);
          return;
        }
        void (async () => {
          try {
            const details = await provider.interactionDetails(req, res);
            const accountId = nextLogin;
            if (!accountId) throw new Error('the test did not choose who signs in at the IdP');
            const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
            grant.addOIDCScope(String(details.params.scope));
            const grantId = await grant.save();
            await provider.interactionFinished(
              req,
              res,
              { login: { accountId }, consent: { grantId } },
              { mergeWithLastSubmission: false },
            );
          } catch (err) {
            res.statusCode = 500;
            res.end(String(err));
          }
        })();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser-like HTTP client over real sockets: follows redirects by hand, keeps cookies per origin
 * (honouring Path, Max-Age and Expires). Stops at the first redirect that leaves the IdP for a page
 * of the app that is not an API route, and returns that location.
 */
export class Browser {
  private jar = new Map<string, Map<string, { value: string; path: string }>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name)?.value;
  }

  cookieHeader(url: URL): string {
    const cookies = this.jar.get(url.origin);
    if (!cookies) return '';
    return [...cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([k, c]) => `${k}=${c.value}`)
      .join('; ');
  }

  async get(url: string): Promise<Response> {
    const u = new URL(url);
    const cookie = this.cookieHeader(u);
    const res = await fetch(u, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    this.store(u, res.headers.getSetCookie());
    return res;
  }

  /**
   * Follows redirects from `url`; `intercept` may rewrite a location before it is followed (an
   * attacker tampering with the callback). Returns the final location on the app, or the response.
   */
  async follow(
    url: string,
    stopAt: (location: URL) => boolean,
    intercept: (location: URL) => URL = (l) => l,
  ): Promise<{ location: URL; trail: URL[] }> {
    let current = new URL(url);
    const trail: URL[] = [];
    for (let hop = 0; hop < 15; hop++) {
      const res = await this.get(current.href);
      const loc = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !loc) {
        throw new Error(`no redirect from ${current.href}: ${res.status} ${await res.text()}`);
      }
      await res.arrayBuffer();
      const next = intercept(new URL(loc, current));
      trail.push(next);
      if (stopAt(next)) return { location: next, trail };
      current = next;
    }
    throw new Error('too many redirects');
  }

  private store(url: URL, setCookies: string[]) {
    let cookies = this.jar.get(url.origin);
    if (!cookies) this.jar.set(url.origin, (cookies = new Map()));
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const a of attrs) {
        const [k = '', v = ''] = a.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      if (expired) cookies.delete(name);
      else cookies.set(name, { value, path });
    }
  }
}
