import { i18n } from '../i18n/index.ts';
import { ApiError, toApiError } from './errors.ts';

/** The CSRF token of this browser, from GET /api/auth/session (sent back on every non-GET). */
let csrfToken: string | null = null;

/** Called whenever a session response arrives, so writes always carry the current token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Listeners told when the server says the session is gone (expired, signed out elsewhere). */
const unauthenticatedListeners = new Set<() => void>();

/** Lets the app return to the login page when any request finds the session gone. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await fetch('/api/auth/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return;
  const body = (await response.json()) as { csrfToken?: string };
  if (body.csrfToken) setCsrfToken(body.csrfToken);
}

async function send(method: Method, path: string, body: unknown, retried: boolean): Promise<unknown> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language || 'ja',
  };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (!csrfToken) await refreshCsrfToken();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: isForm ? (body as FormData) : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('shell.errors.network'));
  }
  const data = await readBody(response);
  if (response.ok) return data;
  const error = toApiError(response.status, data, i18n.t('errors.common.internal'));
  // The CSRF cookie can be replaced (cleared cookies, another tab): fetch a fresh token once.
  if (error.code === 'common.csrf' && !retried) {
    await refreshCsrfToken();
    return send(method, path, body, true);
  }
  if (error.code === 'common.unauthenticated' && !path.startsWith('/api/auth/')) {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw error;
}

/**
 * The one way the web app talks to the API: same-origin cookies, CSRF header on writes, the UI
 * language as Accept-Language (so anonymous errors come back in it), and typed ApiErrors.
 */
export const api = {
  get: <T>(path: string) => send('GET', path, undefined, false) as Promise<T>,
  post: <T>(path: string, body?: unknown) => send('POST', path, body ?? {}, false) as Promise<T>,
  patch: <T>(path: string, body: unknown) => send('PATCH', path, body, false) as Promise<T>,
  put: <T>(path: string, body: unknown) => send('PUT', path, body, false) as Promise<T>,
  delete: <T>(path: string) => send('DELETE', path, undefined, false) as Promise<T>,
  /** multipart/form-data (file uploads), with the same CSRF header and error handling. */
  upload: <T>(path: string, form: FormData) => send('POST', path, form, false) as Promise<T>,
};

/**
 * A POST whose answer is read as a stream (キャリア相談's `text/event-stream`), which `api` cannot
 * do: same cookies, language and CSRF header (with the same one-time token refresh), and the same
 * typed ApiError for a refused request. Returns the open response for the caller to read.
 */
export async function postForStream(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    if (!csrfToken) await refreshCsrfToken();
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'accept-language': i18n.language || 'ja',
      'content-type': 'application/json',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    };
    let response: Response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new ApiError(0, 'network', i18n.t('shell.errors.network'));
    }
    if (response.ok) return response;
    const error = toApiError(response.status, await readBody(response), i18n.t('errors.common.internal'));
    if (error.code === 'common.csrf' && attempt === 0) {
      await refreshCsrfToken();
      continue;
    }
    if (error.code === 'common.unauthenticated') {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
}

/** Query string from defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
