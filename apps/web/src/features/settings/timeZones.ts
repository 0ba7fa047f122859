import { DEFAULT_TIME_ZONE } from '@engawa/shared';

/** "UTC+09:00" style offset of a zone at a moment (DST-aware); "" when the zone is unknown. */
export function utcOffset(timeZone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return '';
    // ICU writes zero as "GMT" in some builds and "GMT+00:00" in others.
    return part === 'GMT' ? 'UTC+00:00' : part.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/**
 * Options for the time zone picker: every IANA zone the browser knows (plus the current value
 * and Asia/Tokyo, should the browser not list them), each labelled with its offset now.
 */
export function timeZoneOptions(
  current: string | null | undefined,
  at: Date = new Date(),
  zones: readonly string[] = supportedTimeZones(),
): Array<{ value: string; label: string }> {
  const all = new Set(zones);
  all.add(DEFAULT_TIME_ZONE);
  if (current) all.add(current);
  return [...all]
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => {
      const offset = utcOffset(zone, at);
      return { value: zone, label: offset ? `${zone} (${offset})` : zone };
    });
}

function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIME_ZONE, 'UTC'];
  }
}
