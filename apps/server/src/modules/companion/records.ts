import type { z } from 'zod';
import { VaultDecryptError, type OwnerVault, type VaultRecordKind } from '../../platform/vault/index.ts';
import { notFound } from '../../platform/errors.ts';

/**
 * Opens a record, or undefined when it does not decrypt under this owner's key for this kind and
 * id (a row moved from another person, or written for another record): such a row is simply not
 * theirs. Lists skip it; single reads answer 404.
 */
export function openOwned<T>(
  ov: OwnerVault,
  kind: VaultRecordKind,
  id: string,
  sealed: string,
  schema: z.ZodType<T>,
): T | undefined {
  try {
    return ov.open(kind, id, sealed, schema);
  } catch (err) {
    if (err instanceof VaultDecryptError) return undefined;
    throw err;
  }
}

/** Like `openOwned`, but 404 when the record is not the owner's. */
export function openOwnedOr404<T>(
  ov: OwnerVault,
  kind: VaultRecordKind,
  id: string,
  sealed: string,
  schema: z.ZodType<T>,
): T {
  const value = openOwned(ov, kind, id, sealed, schema);
  if (value === undefined) throw notFound();
  return value;
}
