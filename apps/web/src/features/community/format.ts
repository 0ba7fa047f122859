import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "3分前" for recent times, a date (and time) in the reader's own time zone after that. Pure, so
 * the thresholds are tested; `now` is injectable.
 */
export function relativeTime(iso: string, locale: string, timeZone: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now - t;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (diff < MINUTE) return rtf.format(0, 'second');
  if (diff < HOUR) return rtf.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return rtf.format(-Math.floor(diff / HOUR), 'hour');
  const sameYear =
    new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(t) ===
    new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(sameYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t);
}

/** A full date and time in the reader's zone (for tooltips and <time> titles). */
export function fullDateTime(iso: string, locale: string, timeZone: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/** Bytes as "1.2 MB" in the UI language. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

/** Formatters bound to the signed-in person's language and time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const me = useMe();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return useMemo(
    () => ({
      locale,
      relative: (iso: string) => relativeTime(iso, locale, me.timeZone),
      full: (iso: string) => fullDateTime(iso, locale, me.timeZone),
      size: (bytes: number) => fileSize(bytes, locale),
    }),
    [locale, me.timeZone],
  );
}
