/**
 * Working hours in the recipient's own time zone, so nothing is pushed or mailed at night.
 *
 * A working window starts on a weekday (Monday–Friday in the person's zone) at `workStart` and ends
 * at `workEnd` the same day, or the next day when `workEnd` is earlier than `workStart` (an overnight
 * shift, e.g. 22:00–06:00). A window belongs to the day it starts: Friday 22:00 → Saturday 06:00 is a
 * working window, Sunday 22:00 → Monday 06:00 is not. Local times that do not exist (the hour skipped
 * when daylight saving time starts) move forward by the gap; ambiguous ones (the repeated hour when it
 * ends) take the earlier instant — the same as Temporal's `compatible` disambiguation.
 */
export interface WorkingHours {
  timeZone: string;
  /** "HH:MM" */
  workStart: string;
  /** "HH:MM"; equal to workStart is not allowed (the settings route refuses it). */
  workEnd: string;
}

export interface Window {
  start: Date;
  end: Date;
  /** The day of the week the window starts on, in the person's zone (1 = Monday … 5 = Friday). */
  weekday: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of instant `t` in `timeZone`. */
function wallClock(t: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (Tokyo: +9h). */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const local = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day before and after bound every candidate (no zone changes twice a day).
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((o) => local - o)
    .filter((t) => offsetAt(t, timeZone) === local - t)
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]!);
  // In a gap: shift forward by the gap, i.e. read the wall time with the offset from before it.
  return new Date(local - before);
}

function parseHhmm(v: string): { h: number; m: number } {
  const [h = '0', m = '0'] = v.split(':');
  return { h: Number(h), m: Number(m) };
}

/** Working windows whose start day is within [from - 1 day, from + days], in time order. */
function windowsAround(from: Date, hours: WorkingHours, days: number): Window[] {
  const tz = hours.timeZone;
  const today = wallClock(from.getTime(), tz);
  const start = parseHhmm(hours.workStart);
  const end = parseHhmm(hours.workEnd);
  const overnight = end.h * 60 + end.m <= start.h * 60 + start.m;
  const out: Window[] = [];
  for (let d = -1; d <= days; d++) {
    // Calendar arithmetic on a UTC date (no zone involved), then placed in the zone.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const da = date.getUTCDate();
    const endDate = overnight ? new Date(Date.UTC(y, mo - 1, da + 1)) : date;
    out.push({
      weekday,
      start: zonedTimeToUtc(y, mo, da, start.h, start.m, tz),
      end: zonedTimeToUtc(
        endDate.getUTCFullYear(),
        endDate.getUTCMonth() + 1,
        endDate.getUTCDate(),
        end.h,
        end.m,
        tz,
      ),
    });
  }
  return out;
}

/** The working window `now` falls in, or undefined outside working hours. */
export function currentWindow(now: Date, hours: WorkingHours): Window | undefined {
  const t = now.getTime();
  return windowsAround(now, hours, 1).find((w) => w.start.getTime() <= t && t < w.end.getTime());
}

/** When something that happens at `now` may reach the person: now, or the start of their next window. */
export function nextDeliveryTime(now: Date, hours: WorkingHours): Date {
  const t = now.getTime();
  for (const w of windowsAround(now, hours, 8)) {
    if (w.end.getTime() <= t) continue;
    return w.start.getTime() <= t ? now : w.start;
  }
  // Unreachable with valid settings (a week always has a weekday); never lose the notification.
  return now;
}

/** Falls back to the defaults when stored settings are unusable (bad zone or equal start/end). */
export function safeWorkingHours(row: {
  time_zone: string;
  work_start: string;
  work_end: string;
}): WorkingHours {
  let timeZone = row.time_zone;
  try {
    formatter(timeZone);
  } catch {
    timeZone = 'Asia/Tokyo';
  }
  const valid = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!valid.test(row.work_start) || !valid.test(row.work_end) || row.work_start === row.work_end) {
    return { timeZone, workStart: '09:00', workEnd: '18:00' };
  }
  return { timeZone, workStart: row.work_start, workEnd: row.work_end };
}
