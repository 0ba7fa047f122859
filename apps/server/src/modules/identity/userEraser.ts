import type { AppDeps } from '../../app.ts';
import { nowIso } from '../../db/index.ts';
import { identityRepo } from './repo.ts';

/**
 * userEraser: erases a person's private data for good. The vault deletes their rows and their
 * wrapped data key (every module registered an eraser), so no copy of that data — backups included,
 * once the master key they were wrapped with is retired — can be decrypted again. The account is then
 * closed: disabled, password and SSO link removed, sessions ended. What they posted publicly stays,
 * like a departed colleague's posts. The audit record names the account, never any content.
 */
export async function userEraser(
  deps: Pick<AppDeps, 'db' | 'vault'>,
  userId: string,
  actorId: string | null,
): Promise<void> {
  await deps.vault.eraseUser(userId);
  await deps.db.transaction().execute(async (tx) => {
    await identityRepo.closeAccount(tx, userId, nowIso());
    await identityRepo.deleteSessionsOfUser(tx, userId);
    await identityRepo.audit(tx, {
      actor_id: actorId,
      action: 'user.erased',
      subject_type: 'user',
      subject_id: userId,
    });
  });
}
