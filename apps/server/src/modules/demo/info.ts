import type { AppDeps } from '../../app.ts';
import { identityRepo } from '../identity/repo.ts';

export interface DemoInfo {
  enabled: boolean;
  password: string | null;
  accounts: Array<{ email: string; name: string; role: string }>;
}

/** Demo e-mail addresses the README lists; the seed creates exactly these roles. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.engawa.example', role: 'admin' },
  { email: 'hr@demo.engawa.example', role: 'hr' },
  { email: 'manager@demo.engawa.example', role: 'manager' },
  { email: 'employee@demo.engawa.example', role: 'employee' },
] as const;

/**
 * Demo mode is on while every user is a demo user. It turns off for good once a real (non-demo)
 * user exists, and then the login page stops advertising the demo password.
 */
export async function demoInfo(deps: AppDeps): Promise<DemoInfo> {
  const [demoCount, nonDemo] = await Promise.all([
    identityRepo.countDemoUsers(deps.db),
    identityRepo.countNonDemoUsers(deps.db),
  ]);
  const enabled = demoCount > 0 && nonDemo === 0;
  if (!enabled) return { enabled: false, password: null, accounts: [] };
  const rows = await identityRepo.findUsersByEmails(
    deps.db,
    DEMO_ACCOUNTS.map((a) => a.email),
  );
  return {
    enabled,
    password: deps.config.demo.password,
    accounts: DEMO_ACCOUNTS.flatMap((a) => {
      const row = rows.find((r) => r.email === a.email);
      return row ? [{ email: a.email, name: row.name, role: a.role }] : [];
    }),
  };
}
