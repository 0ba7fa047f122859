import { WEEKLY_DIGEST_WEEKDAY, isEmailDigest, translate, type Locale } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import { isLocale } from '../../platform/i18n.ts';
import { notificationRepo } from './repo.ts';
import { notificationTitle, type NotificationRow } from './presenter.ts';
import { currentWindow, safeWorkingHours } from './working-hours.ts';

/** A digest goes out at the start of the window; this late at most (a restart at 09:40 still sends). */
export const DIGEST_GRACE_MS = 2 * 60 * 60_000;
/** Lines in one digest; the rest is summarised as "N more". */
const DIGEST_MAX_ITEMS = 20;
const PAGE = 500;

/**
 * Job: e-mail. Urgent notifications are mailed at once; everything else waits for a digest that
 * each person gets near the start of a working window, listing what is unread and not yet mailed:
 * every window (daily, the default), or only the window that starts on WEEKLY_DIGEST_WEEKDAY
 * (weekly). People who chose "off" get no notification e-mail at all, urgent ones included. Mails
 * carry only notification texts (names, titles, community names) and links — never post bodies, and
 * nothing from the companion (which never produces notifications).
 */
export async function sendMail(deps: AppDeps, now: Date): Promise<{ urgent: number; digests: number }> {
  if (!deps.mail.enabled) return { urgent: 0, digests: 0 };
  const urgent = await sendUrgent(deps, now);
  let digests = 0;
  let afterId = '';
  for (;;) {
    const users = await notificationRepo.digestCandidates(deps.db, now.toISOString(), afterId, PAGE);
    for (const u of users) if (await sendDigestTo(deps, u, now)) digests += 1;
    if (users.length < PAGE) break;
    afterId = users[users.length - 1]!.id;
  }
  return { urgent, digests };
}

async function sendDigestTo(
  deps: AppDeps,
  user: {
    id: string;
    email: string;
    name: string;
    locale: string;
    time_zone: string;
    work_start: string;
    work_end: string;
    email_digest: string;
  },
  now: Date,
): Promise<boolean> {
  // Unknown stored values read as the default (daily); 'off' never gets here (digestCandidates).
  const frequency = isEmailDigest(user.email_digest) ? user.email_digest : 'daily';
  if (frequency === 'off') return false;
  const window = currentWindow(now, safeWorkingHours(user));
  if (!window) return false;
  if (frequency === 'weekly' && window.weekday !== WEEKLY_DIGEST_WEEKDAY) return false;
  const grace = Math.min(DIGEST_GRACE_MS, window.end.getTime() - window.start.getTime());
  if (now.getTime() - window.start.getTime() > grace) return false; // mid-window: wait for the next one
  const windowStart = window.start.toISOString();
  const nowS = now.toISOString();
  const ids = await deps.db.transaction().execute(async (tx) => {
    if (!(await notificationRepo.claimDigest(tx, user.id, windowStart, nowS))) return [];
    return (await notificationRepo.claimForDigest(tx, user.id, nowS)).map((r) => r.id);
  });
  if (!ids.length) return false;
  const rows = await notificationRepo.forMail(deps.db, ids);
  const locale: Locale = isLocale(user.locale) ? user.locale : 'ja';
  try {
    await deps.mail.send({ to: user.email, ...renderDigest(deps, locale, user.name, rows) });
    return true;
  } catch (err) {
    await notificationRepo.unclaimMail(deps.db, ids);
    await notificationRepo.releaseDigest(deps.db, user.id, windowStart);
    deps.realtime.logError(err, 'digest mail failed');
    return false;
  }
}

async function sendUrgent(deps: AppDeps, now: Date): Promise<number> {
  const candidates = await notificationRepo.urgentUnmailed(deps.db, PAGE);
  if (!candidates.length) return 0;
  const claimed = await deps.db.transaction().execute((tx) =>
    notificationRepo.claimUrgent(
      tx,
      candidates.map((c) => c.id),
      now.toISOString(),
    ),
  );
  let sent = 0;
  for (const c of claimed) {
    const [user, rows] = await Promise.all([
      notificationRepo.userForMail(deps.db, c.user_id),
      notificationRepo.forMail(deps.db, [c.id]),
    ]);
    const row = rows[0];
    // Claimed either way: someone who turned e-mail off never gets this one mailed later on.
    if (!user || !row || user.email_digest === 'off') continue;
    const locale: Locale = isLocale(user.locale) ? user.locale : 'ja';
    const title = notificationTitle(row, locale);
    const url = absoluteUrl(deps, row.link);
    const intro = translate(locale, 'notifications.urgentMail.intro');
    try {
      await deps.mail.send({
        to: user.email,
        subject: translate(locale, 'notifications.urgentMail.subject', { title }),
        text: `${intro}\n\n${title}\n${url}\n`,
        html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></p>`,
      });
      sent += 1;
    } catch (err) {
      await notificationRepo.unclaimMail(deps.db, [c.id]);
      deps.realtime.logError(err, 'urgent mail failed');
    }
  }
  return sent;
}

/** The digest in the recipient's language: plain text, plus a simple HTML version (all text escaped). */
export function renderDigest(deps: AppDeps, locale: Locale, name: string, rows: NotificationRow[]) {
  const t = (key: string, vars?: Record<string, string | number>) =>
    translate(locale, `notifications.digest.${key}`, vars);
  const shown = rows.slice(0, DIGEST_MAX_ITEMS);
  const items = shown.map((r) => ({ title: notificationTitle(r, locale), url: absoluteUrl(deps, r.link) }));
  const more = rows.length - shown.length;
  const home = absoluteUrl(deps, '/notifications');
  const settings = absoluteUrl(deps, '/settings');
  const text = [
    t('greeting', { name }),
    '',
    t('intro'),
    '',
    ...items.flatMap((i) => [`- ${i.title}`, `  ${i.url}`]),
    ...(more > 0 ? ['', t('more', { count: more })] : []),
    '',
    `${t('open')}: ${home}`,
    '',
    '--',
    t('footer'),
    `${t('settings')}: ${settings}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">',
    `<p>${escapeHtml(t('greeting', { name }))}</p>`,
    `<p>${escapeHtml(t('intro'))}</p>`,
    '<ul>',
    ...items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a></li>`),
    '</ul>',
    ...(more > 0 ? [`<p>${escapeHtml(t('more', { count: more }))}</p>`] : []),
    `<p><a href="${escapeHtml(home)}">${escapeHtml(t('open'))}</a></p>`,
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(t('footer'))}<br>` +
      `<a href="${escapeHtml(settings)}">${escapeHtml(t('settings'))}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t('subject', { count: rows.length }), text, html };
}

function absoluteUrl(deps: AppDeps, link: string): string {
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return `${base}${link}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
