import type { Locale } from '@engawa/shared';

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { ...options, timeZone });
  } catch {
    // An unknown zone (an old browser's list): the browser's own zone is better than nothing.
    return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', options);
  }
}

/** "2025/07/01 14:05" in the person's own time zone (Japanese conventions in ja). */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "2025/07/01" in the person's own time zone. */
export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { dateStyle: 'medium' }).format(new Date(iso));
}
