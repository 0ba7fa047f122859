import { z } from 'zod';
import { ONEONONE_WANTS } from '@engawa/shared';

/**
 * Server-side shapes of the 1on1 bridge: the sealed draft record (validated on every decrypt)
 * and route params / queries. Request bodies live in `@engawa/shared` (career.ts).
 */
export const StoredDraft = z.object({
  topic: z.string(),
  want: z.enum(ONEONONE_WANTS),
  detail: z.string().nullable(),
  source: z.enum(['manual', 'companion']),
  /** The id of the shared copy in `oneonone_items` while shared; null while private. */
  sharedItemId: z.string().nullable(),
  sharedWith: z.object({ id: z.string(), name: z.string() }).nullable(),
  sharedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredDraft = z.infer<typeof StoredDraft>;

export const KIND = { draft: 'oneonone.draft' } as const;

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const UserParams = z.object({ userId: z.string().min(1).max(64) });

/** `?items=a,b`: private items to include in the preview as if shared. */
export const PreviewQuery = z.object({
  items: z
    .string()
    .max(64 * 51)
    .default('')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]),
});
