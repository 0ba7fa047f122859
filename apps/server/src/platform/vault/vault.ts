import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import {
  deriveKey,
  KEY_BYTES,
  openRecord,
  recordAad,
  sealRecord,
  systemSecretAad,
  userKeyAad,
  VaultDecryptError,
} from './crypto.ts';
import type { MasterKeyProvider } from './master-key.ts';
import { vaultRepo } from './repo.ts';

/** A record kind names what a ciphertext is (`<domain>.<thing>`); it is bound into the AAD. */
export type VaultRecordKind = `${string}.${string}`;

/**
 * One person's vault, opened for a request that person made. It holds their data key for the
 * length of the request only; nothing else can encrypt or decrypt their records.
 */
export interface OwnerVault {
  /**
   * The pseudonymous reference rows are stored under instead of the user id: an HMAC under a key
   * derived from the owner's data key. Without the master key nobody can tell whose rows they are
   * (or how many rows one person has); after erasure nobody can at all.
   */
  readonly ownerTag: string;
  /** Encrypts a JSON value as record `recordId` of `kind` (AAD binds user, kind and id). */
  seal(kind: VaultRecordKind, recordId: string, value: unknown): string;
  /** Decrypts and validates a record; throws when it was not sealed for this owner, kind and id. */
  open<T>(kind: VaultRecordKind, recordId: string, sealed: string, schema: z.ZodType<T>): T;
}

/** Deletes a module's rows of an erased person (rows are found by owner tag). */
export type VaultEraser = (trx: Transaction<DB>, ownerTag: string) => Promise<void>;

/**
 * Secrets the system itself needs (e.g. the monthly key for counting distinct companion users),
 * wrapped by the master key like data keys and rotated with them. The raw secret never leaves the
 * vault: callers get keyed hashes.
 */
export interface SystemSecrets {
  /**
   * HMAC-SHA256(secret(purpose, name), value), creating the secret on first use. Pass the
   * caller's transaction when inside one (an eraser, a command): on SQLite a query outside an
   * open transaction would wait for it forever.
   */
  keyedHash(purpose: string, name: string, value: string, trx?: Transaction<DB>): Promise<string>;
  /** Names of the secrets that exist for a purpose, sorted. */
  names(purpose: string): Promise<string[]>;
  /** Deletes a secret (in the caller's transaction when given); its hashes become unlinkable. */
  delete(purpose: string, name: string, trx?: Transaction<DB>): Promise<void>;
}

export interface Vault {
  /**
   * Opens the vault of the person making this request. Only accepts the Actor object the session
   * layer built for the current request: there is no way to open a vault by user id.
   */
  forOwner(actor: Actor): Promise<OwnerVault>;
  /**
   * Erasure: deletes every registered module's rows of this person and their wrapped data key, in
   * one transaction. Without the key, no remaining copy of their ciphertext can be decrypted.
   */
  eraseUser(userId: string): Promise<void>;
  /** Registers a module's row deleter for `eraseUser`. */
  onErase(eraser: VaultEraser): void;
  /** Marks each request's actor as genuine (and makes sure every signed-in person has a key). */
  installRequestHook(app: FastifyInstance): void;
  readonly secrets: SystemSecrets;
}

function ownerTagOf(dataKey: Buffer): string {
  return crypto.createHmac('sha256', deriveKey(dataKey, 'owner-tag')).update('owner').digest('base64url');
}

/**
 * The owner vault over an unwrapped data key. Internal to platform/vault: `createVault` hands it
 * out only for the request's own actor, and `demo-seed.ts` only for demo people while seeding.
 */
export function ownerVaultFor(userId: string, dataKey: Buffer): OwnerVault {
  return {
    ownerTag: ownerTagOf(dataKey),
    seal(kind, recordId, value) {
      return sealRecord(
        dataKey,
        Buffer.from(JSON.stringify(value), 'utf8'),
        recordAad(userId, kind, recordId),
      );
    },
    open(kind, recordId, sealed, schema) {
      const plain = openRecord(dataKey, sealed, recordAad(userId, kind, recordId));
      return schema.parse(JSON.parse(plain.toString('utf8')));
    },
  };
}

/**
 * Builds the vault. The master key provider wraps per-user data keys (random 32 bytes,
 * AES-256-GCM); this file is the only code that unwraps them.
 */
export function createVault(opts: { db: Kysely<DB>; provider: MasterKeyProvider }): Vault {
  const { db, provider } = opts;
  const attested = new WeakSet<Actor>();
  const ensured = new Set<string>();
  const erasers: VaultEraser[] = [];

  async function ensureKey(userId: string) {
    if (ensured.has(userId)) return;
    if (!(await vaultRepo.findKey(db, userId))) {
      const { keyId, wrapped } = await provider.wrap(crypto.randomBytes(KEY_BYTES), userKeyAad(userId));
      await vaultRepo.insertKeyIfMissing(db, { user_id: userId, master_key_id: keyId, wrapped_key: wrapped });
    }
    ensured.add(userId);
  }

  async function dataKeyOf(userId: string): Promise<Buffer> {
    let row = await vaultRepo.findKey(db, userId);
    if (!row) {
      // Erased by another instance since this one cached it, or first use: make a fresh key.
      ensured.delete(userId);
      await ensureKey(userId);
      row = await vaultRepo.findKey(db, userId);
    }
    if (!row) throw new AppError('vault.unavailable');
    try {
      return await provider.unwrap(row.master_key_id, row.wrapped_key, userKeyAad(userId));
    } catch (err) {
      if (err instanceof VaultDecryptError) throw new AppError('vault.unavailable');
      throw err;
    }
  }

  // Unwrapped system secrets, per process (they never leave this module). Names are never reused
  // after deletion (e.g. a closed month), so a copy another instance deleted is never needed again.
  const secretCache = new Map<string, Buffer>();

  async function secretOf(purpose: string, name: string, q: Kysely<DB> | Transaction<DB>): Promise<Buffer> {
    const cacheKey = `${purpose}\u0000${name}`;
    const cached = secretCache.get(cacheKey);
    if (cached) return cached;
    const secret = await loadSecret(purpose, name, q);
    // A secret first created inside a caller's transaction is cached only once it is committed
    // (a rolled-back transaction would leave a cached secret that no row holds).
    if (q === db) secretCache.set(cacheKey, secret);
    return secret;
  }

  async function loadSecret(purpose: string, name: string, q: Kysely<DB> | Transaction<DB>): Promise<Buffer> {
    let row = await vaultRepo.findSecret(q, purpose, name);
    if (!row) {
      const { keyId, wrapped } = await provider.wrap(
        crypto.randomBytes(KEY_BYTES),
        systemSecretAad(purpose, name),
      );
      await vaultRepo.insertSecretIfMissing(q, {
        purpose,
        name,
        master_key_id: keyId,
        wrapped_secret: wrapped,
      });
      row = await vaultRepo.findSecret(q, purpose, name);
    }
    if (!row) throw new AppError('vault.unavailable');
    return provider.unwrap(row.master_key_id, row.wrapped_secret, systemSecretAad(purpose, name));
  }

  return {
    async forOwner(actor) {
      if (!attested.has(actor))
        throw new Error('vault.forOwner accepts only the actor of the current request');
      return ownerVaultFor(actor.userId, await dataKeyOf(actor.userId));
    },

    async eraseUser(userId) {
      await db.transaction().execute(async (trx) => {
        const row = await vaultRepo.findKey(trx, userId);
        if (!row) return;
        let tag: string | undefined;
        try {
          tag = ownerTagOf(await provider.unwrap(row.master_key_id, row.wrapped_key, userKeyAad(userId)));
        } catch (err) {
          // A key that no longer unwraps protects nothing readable: delete it all the same.
          if (!(err instanceof VaultDecryptError)) throw err;
        }
        if (tag) for (const erase of erasers) await erase(trx, tag);
        await vaultRepo.deleteKey(trx, userId);
      });
      ensured.delete(userId);
    },

    onErase(eraser) {
      erasers.push(eraser);
    },

    installRequestHook(app) {
      app.addHook('onRequest', async (request) => {
        if (!request.actor) return;
        attested.add(request.actor);
        await ensureKey(request.actor.userId);
      });
    },

    secrets: {
      async keyedHash(purpose, name, value, trx) {
        const secret = await secretOf(purpose, name, trx ?? db);
        return crypto.createHmac('sha256', secret).update(value, 'utf8').digest('base64url');
      },
      names: (purpose) => vaultRepo.secretNames(db, purpose),
      async delete(purpose, name, trx) {
        secretCache.delete(`${purpose}\u0000${name}`);
        await vaultRepo.deleteSecret(trx ?? db, purpose, name);
      },
    },
  };
}
