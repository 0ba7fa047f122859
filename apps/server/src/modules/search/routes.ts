import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { listenToCommunityEventsForSearch } from './community-events.ts';
import { searchPolicy } from './policy.ts';
import { presentHit } from './presenter.ts';
import { parseQuery } from './query.ts';
import { searchRepo, type SearchCursor, type SearchDocType } from './repo.ts';
import { SearchQuery } from './schema.ts';

/** Queries without an index term scan at most this many of the newest documents. */
export const SCAN_MAX = 50_000;

function encodeCursor(c: SearchCursor): string {
  return Buffer.from(`s${c.id}`).toString('base64url');
}

function decodeCursor(raw: string): SearchCursor {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const id = Number(text.slice(1));
  if (!text.startsWith('s') || !Number.isSafeInteger(id) || id <= 0) {
    throw new AppError('search.invalid_cursor', { fields: [{ field: 'cursor', code: 'invalid_value' }] });
  }
  return { id };
}

/** GET /api/search: posts, comments and communities, newest indexed first, highlighted. */
export function searchRoutes(app: ZodApp, deps: AppDeps) {
  listenToCommunityEventsForSearch(deps);

  app.get('/api/search', { schema: { tags: ['search'], querystring: SearchQuery } }, async (request) => {
    const actor = request.actor!;
    searchPolicy.authorize(actor, 'search.query', undefined as never);
    const q = request.query;
    const parsed = parseQuery(q.q);
    if (!parsed.terms.length) {
      throw new AppError('search.query_required', { fields: [{ field: 'q', code: 'required' }] });
    }
    const types = q.kind
      ? (['post'] as SearchDocType[])
      : (q.type?.split(',') as SearchDocType[] | undefined);
    const rows = await searchRepo.search(deps.db, {
      userId: actor.userId,
      terms: parsed.terms,
      communityId: q.communityId,
      types,
      postKind: q.kind,
      authorId: q.authorId,
      cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
      scanMax: SCAN_MAX,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const terms = parsed.terms.map((t) => t.text);
    return {
      items: page.map((r) => presentHit(r, terms)),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ id: Number(last.id) }) : null,
      terms,
    };
  });
}
