import path from 'node:path';
import type { AppDeps, ZodApp } from '../../app.ts';
import { createLocalStorage } from '../../platform/storage.ts';
import { setCommunityEventLog } from './events.ts';
import { communityRoutes } from './communities.ts';
import { membershipRoutes } from './membership.ts';
import { postRoutes } from './posts.ts';
import { commentRoutes } from './comments.ts';
import { reactionRoutes } from './reactions.ts';
import { feedRoutes } from './feed.ts';
import { knowhowRoutes } from './knowhow.ts';
import { attachmentRoutes } from './attachments.ts';
import { moderationRoutes } from './moderation.ts';
import { webhookRoutes } from './webhooks.ts';

/**
 * The community module: communities, posts of every kind (know-how included), comments, reactions,
 * the home feed, attachments, moderation and incoming webhooks. Uploaded files live under
 * DATA_DIR/uploads (platform/storage.ts).
 */
export function communityModule(app: ZodApp, deps: AppDeps) {
  setCommunityEventLog(deps, app.log);
  const storage = createLocalStorage(path.join(deps.config.dataDir, 'uploads'));
  communityRoutes(app, deps);
  membershipRoutes(app, deps);
  postRoutes(app, deps, storage);
  commentRoutes(app, deps);
  reactionRoutes(app, deps);
  feedRoutes(app, deps);
  knowhowRoutes(app, deps);
  attachmentRoutes(app, deps, storage);
  moderationRoutes(app, deps);
  webhookRoutes(app, deps);
}
