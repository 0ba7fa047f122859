import { identityRepo } from './repo.ts';
import { AppError } from '../../platform/errors.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords.ts';
import type { AppDeps } from '../../app.ts';

/**
 * passwordLogin: checks an e-mail and password. Counts failures per account and locks it for
 * `LOGIN_LOCK_MINUTES` after `LOGIN_MAX_FAILURES` in a row; the lock message says when to retry.
 * Unknown addresses cost the same argon2 work as known ones and get the same answer.
 */
export async function passwordLogin(
  deps: AppDeps,
  email: string,
  password: string,
): Promise<{ userId: string }> {
  const user = await identityRepo.findUserByEmail(deps.db, email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError('auth.invalid_credentials');
  }
  const now = Date.now();
  if (user.locked_until && Date.parse(user.locked_until) > now) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - now) / 1000);
    throw new AppError('auth.locked', {
      vars: { minutes: Math.ceil(seconds / 60) },
      retryAfterSeconds: seconds,
    });
  }
  if (!user.password_hash) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError('auth.password_login_disabled');
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok) {
    // Counted atomically in the database, so parallel guesses cannot slip past the limit.
    const failures = await identityRepo.incrementLoginFailures(deps.db, user.id);
    const { maxFailures, lockMinutes } = deps.config.login;
    if (failures >= maxFailures) {
      const until = new Date(now + lockMinutes * 60_000).toISOString();
      await identityRepo.recordLoginFailure(deps.db, user.id, 0, until);
      throw new AppError('auth.locked', {
        vars: { minutes: lockMinutes },
        retryAfterSeconds: lockMinutes * 60,
      });
    }
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled_at || (await demoAccountRetired(deps, user))) throw new AppError('auth.account_disabled');
  if (user.failed_logins || user.locked_until) await identityRepo.clearLoginFailures(deps.db, user.id);
  return { userId: user.id };
}

/**
 * The demo accounts share a published password, so they stop working for good once the company has
 * a real (non-demo) user: demo mode is then over, and so are they.
 */
export async function demoAccountRetired(
  deps: Pick<AppDeps, 'db'>,
  user: { is_demo: number },
): Promise<boolean> {
  return user.is_demo === 1 && (await identityRepo.countNonDemoUsers(deps.db)) > 0;
}
