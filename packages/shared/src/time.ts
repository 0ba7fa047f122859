/** Working hours are stored as "HH:MM" strings in the user's own time zone. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True when `tz` is an IANA time zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';
export const DEFAULT_WORK_START = '09:00';
export const DEFAULT_WORK_END = '18:00';
