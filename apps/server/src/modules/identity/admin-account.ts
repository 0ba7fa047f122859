import { z } from 'zod';
import { LIMITS, normalizeEmail, type FieldIssue } from '@engawa/shared';
import { identityRepo } from './repo.ts';
import { validationError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { newId } from '../../platform/ids.ts';
import type { AppDeps } from '../../app.ts';

export interface AdminAccountInput {
  email: string;
  name: string;
  password: string;
}

/**
 * adminAccountProvisioner: the operator's way in (`engawa create-admin`), also the recovery path
 * when every administrator is locked out. A new address becomes an administrator with that
 * password; an existing one is granted admin, gets the new password and loses any login lock.
 * Runs in one transaction; validation names each field.
 */
export async function adminAccountProvisioner(
  deps: Pick<AppDeps, 'db'>,
  input: AdminAccountInput,
): Promise<{ userId: string; created: boolean; disabled: boolean }> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const fields: FieldIssue[] = [];
  if (!z.email().safeParse(email).success || email.length > LIMITS.emailMax) {
    fields.push({ field: 'email', code: 'invalid_email' });
  }
  if (!name) fields.push({ field: 'name', code: 'required' });
  else if (name.length > LIMITS.nameMax) fields.push({ field: 'name', code: 'too_long' });
  if (input.password.length < LIMITS.passwordMin) fields.push({ field: 'password', code: 'too_short' });
  else if (input.password.length > LIMITS.passwordMax) fields.push({ field: 'password', code: 'too_long' });
  if (fields.length) throw validationError(fields);

  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const existing = await identityRepo.findUserByEmail(tx, email);
    if (existing) {
      const roles = await identityRepo.rolesOf(tx, existing.id);
      if (!roles.includes('admin')) await identityRepo.setRoles(tx, existing.id, [...roles, 'admin']);
      await identityRepo.setPasswordHash(tx, existing.id, passwordHash);
      await identityRepo.audit(tx, {
        actor_id: null,
        action: 'identity.admin_granted',
        subject_type: 'user',
        subject_id: existing.id,
        detail: { via: 'cli' },
      });
      return { userId: existing.id, created: false, disabled: !!existing.disabled_at };
    }
    const id = newId();
    await identityRepo.insertUser(tx, {
      id,
      email,
      name,
      name_kana: null,
      name_en: null,
      title: null,
      bio: null,
      password_hash: passwordHash,
      department_id: null,
      disabled_at: null,
      locked_until: null,
      oidc_subject: null,
    });
    await identityRepo.setRoles(tx, id, ['admin']);
    await identityRepo.audit(tx, {
      actor_id: null,
      action: 'identity.admin_created',
      subject_type: 'user',
      subject_id: id,
      detail: { via: 'cli' },
    });
    return { userId: id, created: true, disabled: false };
  });
}
