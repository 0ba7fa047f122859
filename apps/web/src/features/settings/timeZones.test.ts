import { describe, expect, it } from 'vitest';
import { timeZoneOptions, utcOffset } from './timeZones.ts';

describe('time zone options', () => {
  const winter = new Date('2026-01-15T00:00:00Z');
  const summer = new Date('2026-07-15T00:00:00Z');

  it('labels zones with their offset at the given moment, following daylight saving time', () => {
    expect(utcOffset('Asia/Tokyo', winter)).toBe('UTC+09:00');
    expect(utcOffset('Europe/London', winter)).toBe('UTC+00:00');
    expect(utcOffset('Europe/London', summer)).toBe('UTC+01:00');
    expect(utcOffset('Asia/Kolkata', summer)).toBe('UTC+05:30');
  });

  it('always offers Asia/Tokyo and the saved zone, sorted, without duplicates', () => {
    const options = timeZoneOptions('America/Los_Angeles', winter, ['Europe/Paris', 'Asia/Tokyo']);
    expect(options.map((o) => o.value)).toEqual(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/Paris']);
    expect(options[0]?.label).toBe('America/Los_Angeles (UTC-08:00)');
  });

  it('uses the runtime list of IANA zones by default', () => {
    const values = timeZoneOptions(null, winter).map((o) => o.value);
    expect(values.length).toBeGreaterThan(300);
    expect(values).toContain('Asia/Tokyo');
  });
});
