import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { KEY_BYTES, masterKeyId, systemSecretAad, userKeyAad, VaultDecryptError } from './crypto.ts';
import { keyRingFiles, readKeyFile, StaticMasterKeyProvider, type MasterKeyProvider } from './master-key.ts';
import { vaultRepo } from './repo.ts';

/** Writes a key file atomically (temp file, fsync, rename), readable by the owner only. */
function writeKeyFileAtomic(file: string, key: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, key.toString('base64') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Rewraps every data key and system secret that is not yet wrapped by `ring`'s current key, in
 * batches, one transaction per batch, compare-and-set per row (a row changed meanwhile is picked
 * up by the next batch). Readers keep working throughout: every row is readable by one of the
 * keys in the ring at every moment.
 */
export async function rewrapAll(
  db: Kysely<DB>,
  ring: MasterKeyProvider,
  batchSize = 200,
): Promise<{ keys: number; secrets: number }> {
  const target = await ring.currentKeyId();
  let keys = 0;
  let secrets = 0;
  for (;;) {
    const rows = await vaultRepo.keysNotWrappedBy(db, target, batchSize);
    if (!rows.length) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const key = await unwrapOrExplain(ring, row.master_key_id, row.wrapped_key, userKeyAad(row.user_id));
        const { keyId, wrapped } = await ring.wrap(key, userKeyAad(row.user_id));
        const res = await vaultRepo.rewrapKey(trx, row.user_id, row.master_key_id, keyId, wrapped);
        keys += Number(res[0]?.numUpdatedRows ?? 0);
      }
    });
  }
  for (;;) {
    const rows = await vaultRepo.secretsNotWrappedBy(db, target, batchSize);
    if (!rows.length) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const aad = systemSecretAad(row.purpose, row.name);
        const secret = await unwrapOrExplain(ring, row.master_key_id, row.wrapped_secret, aad);
        const { keyId, wrapped } = await ring.wrap(secret, aad);
        const res = await vaultRepo.rewrapSecret(
          trx,
          row.purpose,
          row.name,
          row.master_key_id,
          keyId,
          wrapped,
        );
        secrets += Number(res[0]?.numUpdatedRows ?? 0);
      }
    });
  }
  return { keys, secrets };
}

async function unwrapOrExplain(ring: MasterKeyProvider, keyId: string, wrapped: string, aad: Buffer) {
  try {
    return await ring.unwrap(keyId, wrapped, aad);
  } catch (err) {
    if (err instanceof VaultDecryptError) {
      throw new Error(
        `A vault key is wrapped by master key ${keyId}, which is neither the current nor the previous key file; ` +
          'put that key back as MASTER_KEY_FILE.prev and run the rotation again.',
        { cause: err },
      );
    }
    throw err;
  }
}

export interface RotationResult {
  oldKeyId: string;
  newKeyId: string;
  rewrappedKeys: number;
  rewrappedSecrets: number;
  /** The previous key, kept so backups taken before the rotation stay readable; delete it to retire them. */
  previousKeyFile: string;
}

/**
 * `engawa rotate-master-key`: generates a new master key (or uses the one in `newKeyFile` when that
 * file already exists), stages it as MASTER_KEY_FILE.next so running servers can read what gets
 * rewrapped, rewraps every per-user key and system secret in batches, then swaps the files
 * atomically (old key → MASTER_KEY_FILE.prev, new key → MASTER_KEY_FILE) and rewraps any wrap a
 * running server made with the old key in the meantime. No downtime: servers notice the swap on
 * their next wrap and unknown key ids make them re-read the key ring. Safe to run again after an
 * interruption (a staged .next key is reused).
 */
export async function rotateMasterKey(
  deps: { db: Kysely<DB>; config: Pick<Config, 'masterKeyFile'> },
  opts: { newKeyFile?: string; batchSize?: number } = {},
): Promise<RotationResult> {
  const files = keyRingFiles(deps.config.masterKeyFile);
  const oldKey = readKeyFile(files.current);
  if (!oldKey) throw new Error(`Master key file ${files.current} does not exist`);
  const previous = readKeyFile(files.previous);

  const newKeyFile = path.resolve(opts.newKeyFile ?? files.next);
  let newKey = readKeyFile(newKeyFile);
  if (!newKey) {
    newKey = crypto.randomBytes(KEY_BYTES);
    writeKeyFileAtomic(newKeyFile, newKey);
  }
  if (newKey.equals(oldKey)) throw new Error('The new master key is the same as the current one');
  if (newKeyFile !== path.resolve(files.next)) writeKeyFileAtomic(files.next, newKey);

  const ring = new StaticMasterKeyProvider(newKey, [oldKey, ...(previous ? [previous] : [])]);
  const first = await rewrapAll(deps.db, ring, opts.batchSize);

  // Swap: the previous file first, so every moment has every key readable somewhere in the ring.
  writeKeyFileAtomic(files.previous, oldKey);
  fs.renameSync(files.next, files.current);

  const second = await rewrapAll(deps.db, ring, opts.batchSize);
  return {
    oldKeyId: masterKeyId(oldKey),
    newKeyId: masterKeyId(newKey),
    rewrappedKeys: first.keys + second.keys,
    rewrappedSecrets: first.secrets + second.secrets,
    previousKeyFile: files.previous,
  };
}
