import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import type { Secrets } from '../secrets.ts';
import { FileMasterKeyProvider, type MasterKeyProvider } from './master-key.ts';
import { createVault, type Vault } from './vault.ts';

export type { Vault, OwnerVault, VaultEraser, VaultRecordKind, SystemSecrets } from './vault.ts';
export type { MasterKeyProvider } from './master-key.ts';
export { FileMasterKeyProvider } from './master-key.ts';
export { VaultDecryptError } from './crypto.ts';
export { rotateMasterKey, type RotationResult } from './rotate.ts';

/**
 * The vault for an app: per-user data keys wrapped by the master key from MASTER_KEY_FILE (loaded
 * into `secrets.masterKey` at start). Pass `provider` to use a key-management service instead.
 */
export function vaultFor(opts: {
  db: Kysely<DB>;
  config: Pick<Config, 'masterKeyFile'>;
  secrets: Pick<Secrets, 'masterKey'>;
  provider?: MasterKeyProvider;
}): Vault {
  const provider =
    opts.provider ?? new FileMasterKeyProvider(opts.config.masterKeyFile, opts.secrets.masterKey);
  return createVault({ db: opts.db, provider });
}
