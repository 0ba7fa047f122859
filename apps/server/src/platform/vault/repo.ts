import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only SQL of the vault: wrapped per-user data keys and wrapped system secrets. */
export const vaultRepo = {
  findKey(db: Q, userId: string) {
    return db
      .selectFrom('vault_keys')
      .select(['user_id', 'master_key_id', 'wrapped_key'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },
  /** Inserts a key unless one exists (two first requests racing keep the first). */
  insertKeyIfMissing(db: Q, row: { user_id: string; master_key_id: string; wrapped_key: string }) {
    return db
      .insertInto('vault_keys')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  },
  /** Whether a user is part of the demo company (the seed-only vault path opens only those). */
  async isDemoUser(db: Q, userId: string): Promise<boolean> {
    const row = await db.selectFrom('users').select('is_demo').where('id', '=', userId).executeTakeFirst();
    return Number(row?.is_demo ?? 0) === 1;
  },
  deleteKey(db: Q, userId: string) {
    return db.deleteFrom('vault_keys').where('user_id', '=', userId).execute();
  },
  /** A batch of keys not yet wrapped by `keyId` (rotation). */
  keysNotWrappedBy(db: Q, keyId: string, limit: number) {
    return db
      .selectFrom('vault_keys')
      .select(['user_id', 'master_key_id', 'wrapped_key'])
      .where('master_key_id', '!=', keyId)
      .orderBy('user_id')
      .limit(limit)
      .execute();
  },
  /** Compare-and-set: rewrites a key only if it is still wrapped by `fromKeyId`. */
  rewrapKey(db: Q, userId: string, fromKeyId: string, toKeyId: string, wrapped: string) {
    return db
      .updateTable('vault_keys')
      .set({ master_key_id: toKeyId, wrapped_key: wrapped })
      .where('user_id', '=', userId)
      .where('master_key_id', '=', fromKeyId)
      .execute();
  },
  countKeysWrappedBy(db: Q, keyId: string) {
    return db
      .selectFrom('vault_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('master_key_id', '=', keyId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },

  findSecret(db: Q, purpose: string, name: string) {
    return db
      .selectFrom('vault_secrets')
      .select(['purpose', 'name', 'master_key_id', 'wrapped_secret'])
      .where('purpose', '=', purpose)
      .where('name', '=', name)
      .executeTakeFirst();
  },
  insertSecretIfMissing(
    db: Q,
    row: { purpose: string; name: string; master_key_id: string; wrapped_secret: string },
  ) {
    return db
      .insertInto('vault_secrets')
      .values(row)
      .onConflict((oc) => oc.columns(['purpose', 'name']).doNothing())
      .execute();
  },
  secretNames(db: Q, purpose: string) {
    return db
      .selectFrom('vault_secrets')
      .select('name')
      .where('purpose', '=', purpose)
      .orderBy('name')
      .execute()
      .then((rows) => rows.map((r) => r.name));
  },
  deleteSecret(db: Q, purpose: string, name: string) {
    return db.deleteFrom('vault_secrets').where('purpose', '=', purpose).where('name', '=', name).execute();
  },
  secretsNotWrappedBy(db: Q, keyId: string, limit: number) {
    return db
      .selectFrom('vault_secrets')
      .select(['purpose', 'name', 'master_key_id', 'wrapped_secret'])
      .where('master_key_id', '!=', keyId)
      .orderBy('purpose')
      .orderBy('name')
      .limit(limit)
      .execute();
  },
  rewrapSecret(db: Q, purpose: string, name: string, fromKeyId: string, toKeyId: string, wrapped: string) {
    return db
      .updateTable('vault_secrets')
      .set({ master_key_id: toKeyId, wrapped_secret: wrapped })
      .where('purpose', '=', purpose)
      .where('name', '=', name)
      .where('master_key_id', '=', fromKeyId)
      .execute();
  },
};
