import type { Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { runInTransaction, type EventSink } from '../../platform/realtime/index.ts';
import { notificationRepo, type NotificationWrite } from './repo.ts';
import { nextDeliveryTime, safeWorkingHours } from './working-hours.ts';

/** What a notification can be about; each kind has `one`/`many` texts in the notifications catalog. */
export const NOTIFICATION_KINDS = [
  'comment',
  'reply',
  'mention',
  'announcement',
  'reaction',
  'application',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifyInput {
  /** Who is told. The actor is removed; so are disabled accounts. Callers pass only people who may see the subject. */
  userIds: readonly string[];
  kind: NotificationKind;
  /** Groups one thread's notifications, e.g. `post:<id>`: several comments on a post become "N new comments". */
  threadKey: string;
  actorId: string | null;
  /** What it is about (a post title or a short excerpt), plain text. */
  subject: string;
  /** Where (a community name), plain text. */
  context?: string | null;
  /** In-app path, starting with `/`. */
  link: string;
  /** Organizers' rare urgent announcement: pushed and mailed now, working hours or not. */
  urgent?: boolean;
}

/** The transaction a notification is written in, and where its live push goes. */
export interface NotifyContext {
  deps: AppDeps;
  tx: Transaction<DB>;
  events: EventSink;
}

/** Recipient lists longer than this are expanded after commit by a job, in chunks of this size. */
export const INLINE_RECIPIENTS_MAX = 200;
const SUBJECT_MAX = 200;

/**
 * Notifies people, inside the caller's transaction (so a rolled-back command notifies nobody).
 * Each recipient's notification is due at once inside their working hours, or at the start of
 * their next working window; due ones are pushed live on `user:<id>` after commit, the others by
 * the `notifications.push` job when their window opens. Long lists (a company-wide announcement)
 * are stored as one batch row and expanded by the `notifications.batches` job, keeping the request
 * short whatever the audience size.
 */
export async function notify(ctx: NotifyContext, input: NotifyInput, now = new Date()): Promise<void> {
  const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (!userIds.length) return;
  const clean = {
    ...input,
    subject: plain(input.subject, SUBJECT_MAX),
    context: input.context ? plain(input.context, 100) : null,
  };
  if (!clean.link.startsWith('/') || clean.link.startsWith('//'))
    throw new Error('notify: link must be an in-app path');
  if (userIds.length > INLINE_RECIPIENTS_MAX) {
    const { userIds: _omit, ...rest } = clean;
    await notificationRepo.insertBatch(ctx.tx, {
      id: newId(),
      input: JSON.stringify(rest),
      user_ids: JSON.stringify(userIds),
      created_at: now.toISOString(),
    });
    return;
  }
  await notifyNow(ctx, { ...clean, userIds }, now);
}

async function notifyNow(ctx: NotifyContext, input: NotifyInput, now: Date) {
  const recipients = await notificationRepo.recipients(ctx.tx, input.userIds);
  const nowS = now.toISOString();
  const rows: NotificationWrite[] = recipients.map((r) => ({
    id: newId(),
    user_id: r.id,
    kind: input.kind,
    thread_key: input.threadKey,
    last_actor_id: input.actorId,
    subject: input.subject,
    context: input.context ?? null,
    link: input.link,
    urgent: input.urgent ? 1 : 0,
    deliver_at: input.urgent ? nowS : nextDeliveryTime(now, safeWorkingHours(r)).toISOString(),
  }));
  const written = await notificationRepo.upsert(ctx.tx, rows, nowS);
  const due = written.filter((w) => w.deliver_at <= nowS).map((w) => w.id);
  const pushed = await notificationRepo.claimForPush(ctx.tx, due, nowS);
  for (const p of pushed) emitPush(ctx.events, p);
}

/** The live push: ids only; the client refreshes its list and unread count over REST. */
function emitPush(events: EventSink, n: { id: string; user_id: string; kind: string }) {
  events.emit({
    stream: `user:${n.user_id}`,
    type: 'notification',
    payload: { notificationId: n.id, kind: n.kind },
  });
}

/** Job: pushes notifications whose recipient's working window has started. */
export async function pushDueNotifications(deps: AppDeps, now: Date): Promise<number> {
  const nowS = now.toISOString();
  let total = 0;
  for (;;) {
    const ids = (await notificationRepo.duePushIds(deps.db, nowS, 500)).map((r) => r.id);
    if (!ids.length) return total;
    const n = await runInTransaction(deps, async ({ tx, events }) => {
      const claimed = await notificationRepo.claimForPush(tx, ids, nowS);
      for (const c of claimed) emitPush(events, c);
      return claimed.length;
    });
    total += n;
    if (ids.length < 500) return total;
  }
}

/** Job: expands one chunk of the oldest long recipient list; returns whether work remains. */
export async function expandNotificationBatch(deps: AppDeps, now: Date): Promise<boolean> {
  const batch = await notificationRepo.oldestBatch(deps.db);
  if (!batch) return false;
  const userIds = JSON.parse(batch.user_ids) as string[];
  const chunk = userIds.slice(0, INLINE_RECIPIENTS_MAX);
  const rest = userIds.slice(INLINE_RECIPIENTS_MAX);
  const input = JSON.parse(batch.input) as Omit<NotifyInput, 'userIds'>;
  await runInTransaction(deps, async ({ tx, events }) => {
    const claimed = await notificationRepo.advanceBatch(
      tx,
      batch.id,
      batch.user_ids,
      rest.length ? JSON.stringify(rest) : null,
    );
    if (!claimed) return; // another instance took this chunk
    await notifyNow({ deps, tx, events }, { ...input, userIds: chunk }, now);
  });
  return true;
}

/** Removes a thread's notifications (its post was deleted or hidden), for everyone. */
export async function retractNotifications(tx: Transaction<DB>, threadKey: string): Promise<void> {
  await notificationRepo.retract(tx, threadKey);
}

function plain(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
