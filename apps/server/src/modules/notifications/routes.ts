import type { Transaction } from 'kysely';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { runInTransaction } from '../../platform/realtime/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../db/index.ts';
import { notificationRepo, type ListCursor } from './repo.ts';
import { notificationPolicy } from './policy.ts';
import { presentNotification } from './presenter.ts';
import { IdParams, ListQuery } from './schema.ts';
import { expandNotificationBatch, pushDueNotifications } from './notify.ts';
import { sendMail } from './digest.ts';
import { listenToCommunityEventsForNotifications } from './community-events.ts';

/** Cursors are opaque to clients: base64url of "updatedAt|id". */
function encodeCursor(c: ListCursor): string {
  return Buffer.from(`${c.updatedAt}|${c.id}`).toString('base64url');
}

function decodeCursor(raw: string): ListCursor {
  const [updatedAt, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt))) {
    throw new AppError('notifications.invalid_cursor', {
      fields: [{ field: 'cursor', code: 'invalid_value' }],
    });
  }
  return { updatedAt, id };
}

/** The signed-in person's own notifications; nobody can list or mark anyone else's. */
export function notificationRoutes(app: ZodApp, deps: AppDeps) {
  listenToCommunityEventsForNotifications(deps);
  deps.jobs.every('notifications.push', 30_000, async (now) => void (await pushDueNotifications(deps, now)));
  deps.jobs.every('notifications.batches', 5_000, async (now) => {
    for (let i = 0; i < 50 && (await expandNotificationBatch(deps, now)); i++);
  });
  deps.jobs.every('notifications.mail', 60_000, async (now) => void (await sendMail(deps, now)));

  app.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], querystring: ListQuery } },
    async (request) => {
      const actor = request.actor!;
      notificationPolicy.authorize(actor, 'notification.list', undefined as never);
      const q = request.query;
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      const unreadOnly = q.unreadOnly === 'true' || q.unreadOnly === '1';
      const [rows, unreadCount] = await Promise.all([
        notificationRepo.list(deps.db, actor.userId, { cursor, limit: q.limit + 1, unreadOnly }),
        notificationRepo.unreadCount(deps.db, actor.userId),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentNotification(r, actor.locale)),
        nextCursor:
          rows.length > q.limit && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null,
        unreadCount,
      };
    },
  );

  app.get('/api/notifications/unread-count', { schema: { tags: ['notifications'] } }, async (request) => {
    const actor = request.actor!;
    notificationPolicy.authorize(actor, 'notification.list', undefined as never);
    return { unreadCount: await notificationRepo.unreadCount(deps.db, actor.userId) };
  });

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], params: IdParams } },
    async (request) => {
      const actor = request.actor!;
      const row = await notificationRepo.find(deps.db, request.params.id);
      if (!row) throw notFound();
      notificationPolicy.authorize(actor, 'notification.read', { userId: row.user_id }, { hidden: true });
      return markedRead(deps, actor.userId, (tx) => notificationRepo.markRead(tx, row.id, nowIso()));
    },
  );

  app.post('/api/notifications/read-all', { schema: { tags: ['notifications'] } }, async (request) => {
    const actor = request.actor!;
    notificationPolicy.authorize(actor, 'notification.list', undefined as never);
    return markedRead(deps, actor.userId, (tx) => notificationRepo.markAllRead(tx, actor.userId, nowIso()));
  });
}

/** Marks read and tells the person's other tabs (their badge updates live). */
function markedRead(deps: AppDeps, userId: string, mark: (tx: Transaction<DB>) => Promise<unknown>) {
  return runInTransaction(deps, async ({ tx, events }) => {
    await mark(tx);
    const unreadCount = await notificationRepo.unreadCount(tx, userId);
    events.emit({ stream: `user:${userId}`, type: 'notification.read', payload: { unreadCount } });
    return { unreadCount };
  });
}
