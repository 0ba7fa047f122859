import { z } from 'zod';

export const ListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unreadOnly: z.enum(['true', 'false', '1', '0']).optional(),
});

export const IdParams = z.object({ id: z.string().min(1).max(64) });
