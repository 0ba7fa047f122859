import { LIMITS, normalizeEmail } from '@engawa/shared';
import { identityRepo } from './repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AppDeps } from '../../app.ts';

/** What the identity provider told us about the person, after openid-client validated it. */
export interface SsoIdentity {
  /** The IdP's stable subject identifier (`sub`). */
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

/**
 * ssoSignIn: turns a validated OIDC identity into an Engawa user, in one transaction.
 * Order: the linked subject first; else a user with the same *verified* e-mail (the subject is then
 * stored, so later renames at the IdP do not matter); else, when OIDC_AUTO_PROVISION is on, a new
 * employee without a password. An unverified e-mail never links or creates anything, because an IdP
 * that lets people type any address would otherwise let them take over someone else's account.
 */
export async function ssoSignIn(deps: AppDeps, identity: SsoIdentity): Promise<{ userId: string }> {
  const oidc = deps.config.oidc;
  if (!oidc) throw new AppError('auth.sso_not_configured');
  return deps.db.transaction().execute(async (tx) => {
    const linked = await identityRepo.findUserByOidcSubject(tx, identity.subject);
    if (linked) {
      if (linked.disabled_at) throw new AppError('auth.account_disabled');
      return { userId: linked.id };
    }
    const email = identity.email ? normalizeEmail(identity.email) : undefined;
    if (!email || !identity.emailVerified || email.length > LIMITS.emailMax) {
      throw new AppError('auth.sso_email_unverified');
    }
    const existing = await identityRepo.findUserByEmail(tx, email);
    if (existing) {
      if (existing.oidc_subject) throw new AppError('auth.sso_account_conflict');
      if (existing.disabled_at) throw new AppError('auth.account_disabled');
      await identityRepo.setOidcSubject(tx, existing.id, identity.subject);
      await identityRepo.audit(tx, {
        actor_id: existing.id,
        action: 'auth.sso_linked',
        subject_type: 'user',
        subject_id: existing.id,
      });
      return { userId: existing.id };
    }
    if (!oidc.autoProvision) throw new AppError('auth.sso_no_account');
    const id = newId();
    const name = (identity.name?.trim() || email).slice(0, LIMITS.nameMax);
    await identityRepo.insertUser(tx, {
      id,
      email,
      name,
      name_kana: null,
      name_en: null,
      title: null,
      bio: null,
      password_hash: null,
      department_id: null,
      disabled_at: null,
      locked_until: null,
      oidc_subject: identity.subject,
    });
    await identityRepo.audit(tx, {
      actor_id: id,
      action: 'auth.sso_provisioned',
      subject_type: 'user',
      subject_id: id,
    });
    return { userId: id };
  });
}
