import { createContext, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailDigest, Locale, Role } from '@engawa/shared';
import { api, setCsrfToken } from './client.ts';

/** The signed-in person as GET /api/auth/session and GET/PATCH /api/me present them. */
export interface Me {
  id: string;
  email: string;
  name: string;
  nameKana: string | null;
  nameEn: string | null;
  title: string | null;
  bio: string | null;
  departmentId: string | null;
  locale: Locale;
  timeZone: string;
  workStart: string;
  workEnd: string;
  /** How often the notification e-mail digest comes (設定 → メールでのお知らせ). */
  emailDigest: EmailDigest;
  hasPassword: boolean;
  roles: Role[];
  abilities: { admin: boolean };
}

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

export interface Session {
  csrfToken: string;
  user: Me | null;
  sso: { enabled: boolean; label: string | null };
  demo: { enabled: boolean; password: string | null; accounts: DemoAccount[] };
}

export const SESSION_KEY = ['session'] as const;

/**
 * True after the user chose to log out (until the next login): the login page then opens plainly
 * instead of offering to return to the page they were on.
 */
let signedOutOnPurpose = false;
export function setSignedOutOnPurpose(value: boolean): void {
  signedOutOnPurpose = value;
}
export function isSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/** Fetches the session and remembers its CSRF token for the writes that follow. */
export async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session probe every screen starts from (who is signed in, SSO and demo options). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/**
 * The signed-in user, provided by the signed-in gate (routes/gates.tsx). A context rather than a
 * second read of the session query, so pages never render for a moment without a user while
 * the gate is already sending the browser to the login page.
 */
export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in shell');
  return me;
}

/** Replaces the user in the cached session after PATCH /api/me answered with the new state. */
export function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me) =>
    queryClient.setQueryData<Session>(SESSION_KEY, (old) => (old ? { ...old, user: me } : old));
}
