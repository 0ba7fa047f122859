import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { readOrCreateSecretFile } from '../secrets.ts';
import { KEY_BYTES, userKeyAad } from './crypto.ts';
import { FileMasterKeyProvider } from './master-key.ts';
import { vaultRepo } from './repo.ts';
import { ownerVaultFor, type OwnerVault } from './vault.ts';

/**
 * SEED-ONLY. Opens a demo person's vault outside any request, so the demo company (株式会社えんがわ商事)
 * can ship with career profiles and 1on1 drafts encrypted exactly like real ones. It is the one
 * exception to "a vault opens only for the request's own actor", and it is fenced three ways:
 * - it refuses every user that is not `is_demo = 1` (demo people are fictional, created by the seed);
 * - only modules/demo may import this file (eslint `no-restricted-imports` in eslint.config.js);
 * - it takes the seed's own transaction, so it cannot run beside a live request's data.
 * It creates the person's data key when missing, as their first request would.
 */
export async function openDemoPersonVaultForSeed(
  tx: Kysely<DB> | Transaction<DB>,
  config: Pick<Config, 'masterKeyFile'>,
  userId: string,
): Promise<OwnerVault> {
  if (!(await vaultRepo.isDemoUser(tx, userId))) {
    throw new Error('openDemoPersonVaultForSeed opens only demo people (is_demo = 1)');
  }
  const provider = new FileMasterKeyProvider(
    config.masterKeyFile,
    readOrCreateSecretFile(config.masterKeyFile),
  );
  let row = await vaultRepo.findKey(tx, userId);
  if (!row) {
    const { keyId, wrapped } = await provider.wrap(crypto.randomBytes(KEY_BYTES), userKeyAad(userId));
    await vaultRepo.insertKeyIfMissing(tx, { user_id: userId, master_key_id: keyId, wrapped_key: wrapped });
    row = await vaultRepo.findKey(tx, userId);
  }
  if (!row) throw new Error('demo seed: no vault key');
  const dataKey = await provider.unwrap(row.master_key_id, row.wrapped_key, userKeyAad(userId));
  return ownerVaultFor(userId, dataKey);
}
