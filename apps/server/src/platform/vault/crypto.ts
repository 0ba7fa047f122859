import crypto from 'node:crypto';

/**
 * AES-256-GCM primitives of the vault. Kept apart from the vault API so the format is easy to
 * read and test; nothing outside platform/vault imports this file (the vault is the only code that
 * decrypts).
 *
 * Record ciphertext format, version 1 (stored as base64url text in one column, both dialects):
 *   byte 0      format version (0x01)
 *   bytes 1–12  random 96-bit nonce
 *   then        AES-256-GCM ciphertext of: uint32 big-endian plaintext length ‖ plaintext ‖ zero padding
 *   last 16     GCM tag
 * The plaintext is padded to a multiple of PAD_BLOCK bytes so the stored size says little about
 * how much someone wrote. The additional authenticated data binds the ciphertext to
 * (user id, record kind, record id): a row copied to another user, kind or id fails to decrypt.
 */
export const FORMAT_V1 = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const PAD_BLOCK = 512;
export const KEY_BYTES = 32;

/** Thrown for any ciphertext that does not open (wrong key, tampered, swapped, unknown version). */
export class VaultDecryptError extends Error {
  constructor() {
    super('vault: ciphertext could not be decrypted');
    this.name = 'VaultDecryptError';
  }
}

/** AAD for a record: user, kind and id, length-prefixed so no two triples encode the same bytes. */
export function recordAad(userId: string, kind: string, recordId: string): Buffer {
  const parts = ['engawa.vault.record.v1', userId, kind, recordId].map((p) => Buffer.from(p, 'utf8'));
  return Buffer.concat(
    parts.flatMap((p) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(p.length);
      return [len, p];
    }),
  );
}

/** AAD of a wrapped per-user data key: the key cannot be moved to another user's row. */
export function userKeyAad(userId: string): Buffer {
  return Buffer.from(`engawa.vault.user-key.v1\u0000${userId}`, 'utf8');
}

/** AAD of a wrapped system secret (purpose and name). */
export function systemSecretAad(purpose: string, name: string): Buffer {
  return Buffer.from(`engawa.vault.system-secret.v1\u0000${purpose}\u0000${name}`, 'utf8');
}

/** Encrypts `plaintext` with a 32-byte key; returns the versioned, padded format as base64url. */
export function sealRecord(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error('vault: bad key length');
  const framed = Buffer.alloc(Math.ceil((plaintext.length + 4) / PAD_BLOCK) * PAD_BLOCK);
  framed.writeUInt32BE(plaintext.length, 0);
  plaintext.copy(framed, 4);
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(framed), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/** Opens a record sealed by `sealRecord`; throws VaultDecryptError for anything that does not verify. */
export function openRecord(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 1 + NONCE_BYTES + 4 + TAG_BYTES || raw[0] !== FORMAT_V1) throw new VaultDecryptError();
  const nonce = raw.subarray(1, 1 + NONCE_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const body = raw.subarray(1 + NONCE_BYTES, raw.length - TAG_BYTES);
  let framed: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    framed = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new VaultDecryptError();
  }
  const len = framed.readUInt32BE(0);
  if (len > framed.length - 4) throw new VaultDecryptError();
  return framed.subarray(4, 4 + len);
}

/**
 * Key wrap: AES-256-GCM of a 32-byte key under a key-encryption key, bound by AAD to what it is
 * for (e.g. the user id), so a wrapped key cannot be moved to another user's row.
 * Format: nonce(12) ‖ ciphertext(32) ‖ tag(16), base64url.
 */
export function wrapKey(kek: Buffer, key: Buffer, aad: Buffer): string {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/** Unwraps a key wrapped by `wrapKey`; throws VaultDecryptError when it does not verify. */
export function unwrapKey(kek: Buffer, wrapped: string, aad: Buffer): Buffer {
  const raw = Buffer.from(wrapped, 'base64url');
  if (raw.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES) throw new VaultDecryptError();
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(aad);
    decipher.setAuthTag(raw.subarray(NONCE_BYTES + KEY_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, NONCE_BYTES + KEY_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new VaultDecryptError();
  }
}

/** A stable, non-secret id for a master key: a truncated HMAC of a fixed label under the key. */
export function masterKeyId(key: Buffer): string {
  return (
    'file-' +
    crypto.createHmac('sha256', key).update('engawa.vault.master-key-id.v1').digest('hex').slice(0, 16)
  );
}

/** Derives a purpose-bound sub-key (HKDF-SHA256) from a data key. */
export function deriveKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', key, Buffer.alloc(0), `engawa.vault.${purpose}.v1`, KEY_BYTES),
  );
}
