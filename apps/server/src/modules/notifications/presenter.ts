import { translate, type Locale } from '@engawa/shared';

/** A notification as read from the database (list or e-mail). */
export interface NotificationRow {
  id: string;
  kind: string;
  count: number;
  subject: string;
  context: string | null;
  link: string;
  urgent: number;
  created_at?: string;
  updated_at: string;
  read_at?: string | null;
  actor_name: string | null;
  last_actor_id?: string | null;
}

/** The one-line text of a notification in `locale` ("N new comments on …" when grouped). */
export function notificationTitle(row: NotificationRow, locale: Locale): string {
  const form = row.count > 1 ? 'many' : 'one';
  return translate(locale, `notifications.kind.${row.kind}.${form}`, {
    actor: row.actor_name ?? translate(locale, 'notifications.someone'),
    subject: row.subject,
    context: row.context ?? '',
    count: row.kind === 'announcement' ? row.count - 1 : row.count,
  });
}

/** What the in-app list shows; never a database row. */
export function presentNotification(row: NotificationRow, locale: Locale) {
  return {
    id: row.id,
    kind: row.kind,
    title: notificationTitle(row, locale),
    subject: row.subject,
    context: row.context,
    count: row.count,
    actor: row.last_actor_id ? { id: row.last_actor_id, name: row.actor_name } : null,
    link: row.link,
    urgent: row.urgent === 1,
    read: !!row.read_at,
    createdAt: row.created_at ?? row.updated_at,
    updatedAt: row.updated_at,
  };
}
