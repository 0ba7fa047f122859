import type { AppDeps, ZodApp } from '../../app.ts';
import { communityRepo } from './repo.ts';
import { postRepo, type PostRow } from './posts.repo.ts';
import { decodeCursor, pageOf } from './context.ts';
import { presentPosts } from './views.ts';
import { PageQuery } from './schema.ts';

/**
 * GET /api/feed: the posts of my communities and every company-wide announcement, newest first,
 * keyset-paginated with an opaque cursor over (created_at, id), each with an unread marker from my
 * own per-community read position. Reads one index range per community (see postRepo).
 */
export function feedRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/api/feed', { schema: { tags: ['community'], querystring: PageQuery } }, async (request) => {
    const actor = request.actor!;
    const { limit } = request.query;
    const cursor = decodeCursor(request.query.cursor);
    const communityIds = await communityRepo.communityIdsOf(deps.db, actor.userId);
    const [mine, company] = await Promise.all([
      postRepo.pageOfCommunities(deps.db, communityIds, cursor, limit + 1),
      postRepo.companyWidePage(deps.db, cursor, limit + 1),
    ]);
    const byId = new Map<string, PostRow>();
    for (const p of [...mine, ...company]) byId.set(p.id, p);
    const merged = [...byId.values()].sort((a, b) =>
      a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
    );
    const page = pageOf(merged, limit);
    return {
      items: await presentPosts(deps.db, actor, page.items, { withUnread: true }),
      nextCursor: page.nextCursor,
    };
  });
}
