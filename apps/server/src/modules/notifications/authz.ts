import crypto from 'node:crypto';
import { SIGNED_IN, type AuthzContext, type AuthzRows } from '../../authz-matrix.ts';
import { runInTransaction } from '../../platform/realtime/index.ts';
import { notify } from './notify.ts';

/**
 * Everyone signed in has their own notifications; nobody reaches anyone else's (404, proven in
 * notifications.test.ts). The builder gives each caller a notification of their own to mark read.
 */
async function ownNotificationUrl(ctx: AuthzContext): Promise<string> {
  if (!ctx.actor) return `/api/notifications/${crypto.randomUUID()}/read`;
  const userId = ctx.actor.id;
  await runInTransaction(ctx.t.deps, (c) =>
    notify(c, {
      userIds: [userId],
      kind: 'mention',
      threadKey: `post:${ctx.unique}`,
      actorId: null,
      subject: '権限の確認',
      link: '/community',
    }),
  );
  const row = await ctx.t.deps.db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return `/api/notifications/${row.id}/read`;
}

export const authzRows: AuthzRows = {
  'GET /api/notifications': { expect: SIGNED_IN },
  'GET /api/notifications/unread-count': { expect: SIGNED_IN },
  'POST /api/notifications/:id/read': {
    expect: SIGNED_IN,
    hides: true,
    request: async (ctx) => ({ url: await ownNotificationUrl(ctx) }),
  },
  'POST /api/notifications/read-all': { expect: SIGNED_IN },
};
