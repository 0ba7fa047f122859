import { LIMITS, OrgImportSchema } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../../app.ts';
import { requirePolicy } from '../admin.routes.ts';
import { orgImporter } from './orgImporter.ts';

/**
 * Room for both CSV files in one JSON body: JSON escaping can double a file full of quotes and
 * line breaks, so 2 files × 2 × the file limit, plus the envelope. Files over the limit are then
 * refused by orgImporter with csv.too_large (naming the file) rather than by the body parser.
 */
export const IMPORT_BODY_LIMIT = 4 * LIMITS.csvMaxBytes + 64 * 1024;

/** `POST /api/admin/import`: departments.csv and users.csv, all or nothing. */
export function orgImportRoutes(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/admin/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      onRequest: requirePolicy('org.import'),
      schema: {
        tags: ['admin'],
        summary: 'Import departments.csv and users.csv (validated together, imported all or nothing)',
        body: OrgImportSchema,
      },
    },
    async (request) => orgImporter(deps, request.actor!.userId, request.body),
  );
}
