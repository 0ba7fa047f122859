/**
 * How often a person gets the e-mail digest of their unread notifications (設定 → メールでのお知らせ).
 * `daily`: at the start of every working window; `weekly`: at the start of the window that begins on
 * WEEKLY_DIGEST_WEEKDAY; `off`: no notification e-mail at all (urgent announcements included). In-app
 * notifications are the same for everyone.
 */
export const EMAIL_DIGESTS = ['daily', 'weekly', 'off'] as const;
export type EmailDigest = (typeof EMAIL_DIGESTS)[number];
export const DEFAULT_EMAIL_DIGEST: EmailDigest = 'daily';

/**
 * The weekly digest goes out on Monday (0 = Sunday … 6 = Saturday, in the person's own time zone):
 * the start of the working week, so the week's unread notifications arrive when people plan it.
 */
export const WEEKLY_DIGEST_WEEKDAY = 1;

/** True for a stored value this version knows (anything else is read as the default). */
export function isEmailDigest(value: string): value is EmailDigest {
  return (EMAIL_DIGESTS as readonly string[]).includes(value);
}
