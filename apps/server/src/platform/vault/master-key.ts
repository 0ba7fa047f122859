import fs from 'node:fs';
import { KEY_BYTES, masterKeyId, unwrapKey, wrapKey, VaultDecryptError } from './crypto.ts';

/**
 * Where the master key lives. The embedded default is a file (MASTER_KEY_FILE, generated at
 * first start); a key-management service can replace it by implementing this interface (its
 * `wrap`/`unwrap` become KMS Encrypt/Decrypt calls and the master key never enters this process).
 * Every wrapped value records the id of the key that wrapped it, so an old key stays usable for
 * reading while `engawa rotate-master-key` rewraps everything under the new one.
 */
export interface MasterKeyProvider {
  /** Id of the key that new wraps use. */
  currentKeyId(): Promise<string>;
  /** Wraps a 32-byte key under the current master key. */
  wrap(key: Buffer, aad: Buffer): Promise<{ keyId: string; wrapped: string }>;
  /** Unwraps with the master key named `keyId` (current, staged or previous). */
  unwrap(keyId: string, wrapped: string, aad: Buffer): Promise<Buffer>;
}

/** File names of the key ring around the master key file. */
export function keyRingFiles(file: string) {
  return { current: file, next: `${file}.next`, previous: `${file}.prev` };
}

/** Reads a base64 key file; undefined when it does not exist. */
export function readKeyFile(file: string): Buffer | undefined {
  if (!fs.existsSync(file)) return undefined;
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`Master key file ${file} must hold 32 bytes (base64)`);
  return key;
}

/** Cheap fingerprint of the current key file, to notice an atomic swap by a rotation. */
function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * The file key ring: `master.key` (current), `master.key.next` (staged by a running rotation) and
 * `master.key.prev` (the key before the last rotation, kept readable for older wraps and backups).
 * Running servers pick up a rotation without a restart: an unknown key id triggers a re-read of
 * the ring, and every wrap first checks whether the current file was swapped.
 */
export class FileMasterKeyProvider implements MasterKeyProvider {
  private keys = new Map<string, Buffer>();
  private currentId = '';
  private fileStamp = '';

  constructor(
    private readonly file: string,
    initialKey?: Buffer,
  ) {
    this.reload(initialKey);
  }

  private reload(initialKey?: Buffer) {
    const files = keyRingFiles(this.file);
    const keys = new Map<string, Buffer>();
    const current = readKeyFile(files.current) ?? initialKey;
    if (!current) throw new Error(`Master key file ${files.current} is missing`);
    for (const k of [readKeyFile(files.previous), readKeyFile(files.next), current]) {
      if (k) keys.set(masterKeyId(k), k);
    }
    this.keys = keys;
    this.currentId = masterKeyId(current);
    this.fileStamp = stamp(files.current);
  }

  private refreshIfSwapped() {
    if (stamp(this.file) !== this.fileStamp) this.reload();
  }

  async currentKeyId(): Promise<string> {
    this.refreshIfSwapped();
    return this.currentId;
  }

  async wrap(key: Buffer, aad: Buffer): Promise<{ keyId: string; wrapped: string }> {
    this.refreshIfSwapped();
    const kek = this.keys.get(this.currentId)!;
    return { keyId: this.currentId, wrapped: wrapKey(kek, key, aad) };
  }

  async unwrap(keyId: string, wrapped: string, aad: Buffer): Promise<Buffer> {
    let kek = this.keys.get(keyId);
    if (!kek) {
      // Wrapped by a key staged or swapped in by a rotation since this process read the ring.
      this.reload();
      kek = this.keys.get(keyId);
    }
    if (!kek) throw new VaultDecryptError();
    return unwrapKey(kek, wrapped, aad);
  }
}

/** A provider over fixed in-memory keys (the first one current); used by the rotation command. */
export class StaticMasterKeyProvider implements MasterKeyProvider {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;

  constructor(current: Buffer, readable: Buffer[] = []) {
    this.keys = new Map([...readable, current].map((k) => [masterKeyId(k), k]));
    this.currentId = masterKeyId(current);
  }

  async currentKeyId() {
    return this.currentId;
  }

  async wrap(key: Buffer, aad: Buffer) {
    return { keyId: this.currentId, wrapped: wrapKey(this.keys.get(this.currentId)!, key, aad) };
  }

  async unwrap(keyId: string, wrapped: string, aad: Buffer) {
    const kek = this.keys.get(keyId);
    if (!kek) throw new VaultDecryptError();
    return unwrapKey(kek, wrapped, aad);
  }
}
