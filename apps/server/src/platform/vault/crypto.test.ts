import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FORMAT_V1,
  masterKeyId,
  openRecord,
  recordAad,
  sealRecord,
  unwrapKey,
  userKeyAad,
  VaultDecryptError,
  wrapKey,
} from './crypto.ts';

const key = crypto.randomBytes(32);
const aad = recordAad('user-a', 'companion.note', 'note-1');

describe('vault record format v1', () => {
  it('round-trips text, with a version byte first and a fresh nonce every time', () => {
    const text = Buffer.from('将来はデータ分析の仕事をしたい 🌱', 'utf8');
    const a = sealRecord(key, text, aad);
    const b = sealRecord(key, text, aad);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')[0]).toBe(FORMAT_V1);
    expect(openRecord(key, a, aad).toString('utf8')).toBe(text.toString('utf8'));
  });

  it('binds user, kind and record id: a ciphertext moved anywhere else does not open', () => {
    const sealed = sealRecord(key, Buffer.from('秘密'), aad);
    for (const other of [
      recordAad('user-b', 'companion.note', 'note-1'),
      recordAad('user-a', 'companion.summary', 'note-1'),
      recordAad('user-a', 'companion.note', 'note-2'),
      // Length-prefixed parts: shifting a character between fields changes the AAD.
      recordAad('user-', 'acompanion.note', 'note-1'),
    ]) {
      expect(() => openRecord(key, sealed, other)).toThrow(VaultDecryptError);
    }
    expect(() => openRecord(crypto.randomBytes(32), sealed, aad)).toThrow(VaultDecryptError);
  });

  it('rejects tampering, truncation and unknown versions', () => {
    const raw = Buffer.from(sealRecord(key, Buffer.from('こんにちは'), aad), 'base64url');
    const flipped = Buffer.from(raw);
    flipped[20] = flipped[20]! ^ 1;
    expect(() => openRecord(key, flipped.toString('base64url'), aad)).toThrow(VaultDecryptError);
    const v2 = Buffer.from(raw);
    v2[0] = 2;
    expect(() => openRecord(key, v2.toString('base64url'), aad)).toThrow(VaultDecryptError);
    expect(() => openRecord(key, raw.subarray(0, 20).toString('base64url'), aad)).toThrow(VaultDecryptError);
  });

  it('pads, so the stored size says little about how much was written', () => {
    const short = sealRecord(key, Buffer.from('はい'), aad);
    const longer = sealRecord(key, Buffer.from('あ'.repeat(160)), aad); // 480 bytes
    expect(short.length).toBe(longer.length);
    const big = sealRecord(key, Buffer.from('あ'.repeat(200)), aad); // 600 bytes: next block
    expect(big.length).toBeGreaterThan(short.length);
  });
});

describe('key wrapping', () => {
  it('wraps a data key for one user only, under a master key with a stable, non-secret id', () => {
    const master = crypto.randomBytes(32);
    const dataKey = crypto.randomBytes(32);
    const wrapped = wrapKey(master, dataKey, userKeyAad('user-a'));
    expect(unwrapKey(master, wrapped, userKeyAad('user-a')).equals(dataKey)).toBe(true);
    expect(() => unwrapKey(master, wrapped, userKeyAad('user-b'))).toThrow(VaultDecryptError);
    expect(() => unwrapKey(crypto.randomBytes(32), wrapped, userKeyAad('user-a'))).toThrow(VaultDecryptError);
    expect(masterKeyId(master)).toBe(masterKeyId(Buffer.from(master)));
    expect(masterKeyId(master)).not.toContain(master.toString('hex').slice(0, 8));
    expect(masterKeyId(master)).not.toBe(masterKeyId(crypto.randomBytes(32)));
  });
});
