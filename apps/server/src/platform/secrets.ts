import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Config } from '../config.ts';

/**
 * Reads a secret file, or creates it (mode 0600) with fresh random bytes when it does not exist.
 * The value is never logged. Used for the session secret and the vault master key.
 */
export function readOrCreateSecretFile(file: string, bytes = 32): Buffer {
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8').trim();
    const buf = Buffer.from(text, 'base64');
    if (buf.length < 32) throw new Error(`Secret file ${file} is too short`);
    return buf;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const buf = crypto.randomBytes(bytes);
  fs.writeFileSync(file, buf.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return buf;
}

export interface Secrets {
  /** Signs cookies and derives CSRF tokens. */
  sessionSecret: Buffer;
  /** Wraps per-user vault keys (the vault module is the only user). */
  masterKey: Buffer;
}

export function loadSecrets(config: Config): Secrets {
  const sessionSecret = config.sessionSecret
    ? Buffer.from(config.sessionSecret, 'utf8')
    : readOrCreateSecretFile(path.join(config.dataDir, 'session.secret'));
  const masterKey = readOrCreateSecretFile(config.masterKeyFile);
  return { sessionSecret, masterKey };
}
