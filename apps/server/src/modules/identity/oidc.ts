import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { SsoIdentity } from './sso-signin.ts';

type OidcConfig = NonNullable<Config['oidc']>;

/**
 * The single sign-on protocol side (OpenID Connect authorization code flow with PKCE), kept apart
 * from who the person becomes in Engawa (sso-signin.ts) and from HTTP (oidc.routes.ts).
 */

/** What the browser carries between /start and /callback, in a signed, short-lived cookie. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** Epoch ms after which the flow is refused, whatever the cookie's own lifetime says. */
  expiresAt: number;
}

export const OIDC_FLOW_COOKIE = 'engawa_oidc';
export const OIDC_FLOW_PATH = '/api/auth/oidc';
export const OIDC_FLOW_TTL_SECONDS = 600;

/**
 * Discovery, done once per process and remembered; a failed attempt is forgotten so the next
 * sign-in tries again (the IdP may simply have been down when Engawa started).
 */
export function createOidcClient(oidc: OidcConfig): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= discover(oidc).catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

async function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const execute = oidc.allowInsecure ? [client.allowInsecureRequests] : [];
  const discovered = await client.discovery(new URL(oidc.issuer), oidc.clientId, undefined, client.None(), {
    execute,
  });
  const metadata = discovered.serverMetadata();
  const configuration = new client.Configuration(
    metadata,
    oidc.clientId,
    undefined,
    clientAuthentication(oidc.clientSecret, metadata.token_endpoint_auth_methods_supported),
  );
  for (const fn of execute) fn(configuration);
  return configuration;
}

/**
 * client_secret_basic unless the IdP only offers client_secret_post (OIDC Discovery: an IdP that
 * does not list its methods supports basic); no secret means a public client relying on PKCE.
 */
function clientAuthentication(
  secret: string | undefined,
  supported: string[] | undefined,
): client.ClientAuth {
  if (!secret) return client.None();
  const methods = supported ?? ['client_secret_basic'];
  if (!methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
    return client.ClientSecretPost(secret);
  }
  return client.ClientSecretBasic(secret);
}

/** Starts a flow: fresh state, nonce and PKCE verifier, and the IdP URL to send the browser to. */
export async function beginOidcFlow(
  configuration: client.Configuration,
  oidc: OidcConfig,
  redirectUri: string,
): Promise<{ url: URL; flow: OidcFlow }> {
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri,
    expiresAt: Date.now() + OIDC_FLOW_TTL_SECONDS * 1000,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: oidc.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, flow };
}

export function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

/** Parses the (already signature-checked) cookie value; undefined when malformed or expired. */
export function decodeFlow(value: string): OidcFlow | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcFlow>;
    if (
      typeof parsed.state !== 'string' ||
      typeof parsed.nonce !== 'string' ||
      typeof parsed.codeVerifier !== 'string' ||
      typeof parsed.redirectUri !== 'string' ||
      typeof parsed.expiresAt !== 'number' ||
      parsed.expiresAt < Date.now()
    ) {
      return undefined;
    }
    return parsed as OidcFlow;
  } catch {
    return undefined;
  }
}

/**
 * Finishes a flow: openid-client checks state, the issuer, the ID token (signature, audience,
 * nonce) and sends the PKCE verifier with the code. Profile claims come from UserInfo when the IdP
 * has one (many IdPs leave them out of the ID token), bound to the ID token's subject.
 */
export async function completeOidcFlow(
  configuration: client.Configuration,
  flow: OidcFlow,
  query: string,
): Promise<SsoIdentity> {
  const currentUrl = new URL(flow.redirectUri);
  currentUrl.search = query;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error('no ID token in the token response');
  let claims: Record<string, unknown> = { ...idToken };
  if (configuration.serverMetadata().userinfo_endpoint) {
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    claims = { ...claims, ...userinfo };
  }
  return {
    subject: idToken.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    // Some IdPs send the boolean as a string.
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
}

/**
 * A log-safe description of a failure: error class, library code and OAuth error code only.
 * Never the tokens, the authorization code or the full response.
 */
export function describeOidcFailure(err: unknown): Record<string, string> {
  if (!(err instanceof Error)) return { name: typeof err };
  const out: Record<string, string> = { name: err.name, message: err.message.slice(0, 200) };
  const extra = err as Error & { code?: unknown; error?: unknown };
  if (typeof extra.code === 'string') out.code = extra.code;
  if (typeof extra.error === 'string') out.oauthError = extra.error.slice(0, 100);
  return out;
}
