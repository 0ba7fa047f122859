import { z } from 'zod';
import { POST_KINDS } from '@engawa/shared';

export const SEARCH_TYPES = ['post', 'comment', 'community'] as const;

export const SearchQuery = z.object({
  q: z.string().min(1).max(200),
  communityId: z.string().min(1).max(64).optional(),
  /** Comma-separated subset of post, comment, community. */
  type: z
    .string()
    .max(40)
    .regex(/^(post|comment|community)(,(post|comment|community))*$/)
    .optional(),
  /** A post kind; implies type=post. */
  kind: z.enum(POST_KINDS).optional(),
  authorId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
