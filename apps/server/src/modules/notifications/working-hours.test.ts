import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  currentWindow,
  nextDeliveryTime,
  safeWorkingHours,
  zonedTimeToUtc,
  type WorkingHours,
} from './working-hours.ts';

const at = (iso: string) => new Date(iso);
const next = (now: string, h: WorkingHours) => nextDeliveryTime(at(now), h).toISOString();

const tokyo: WorkingHours = { timeZone: 'Asia/Tokyo', workStart: '09:00', workEnd: '18:00' };
const la: WorkingHours = { timeZone: 'America/Los_Angeles', workStart: '09:00', workEnd: '17:00' };
const nightShift: WorkingHours = { timeZone: 'Asia/Tokyo', workStart: '22:00', workEnd: '06:00' };

describe('working hours (fixed clocks)', () => {
  it('delivers at once inside the window, and at the next window start outside it (Asia/Tokyo)', () => {
    // 2026-11-23 is a Monday. 10:00 JST = 01:00Z.
    expect(next('2026-11-23T01:00:00.000Z', tokyo)).toBe('2026-11-23T01:00:00.000Z');
    // The start is inside, the end is outside.
    expect(next('2026-11-23T00:00:00.000Z', tokyo)).toBe('2026-11-23T00:00:00.000Z');
    expect(next('2026-11-23T09:00:00.000Z', tokyo)).toBe('2026-11-24T00:00:00.000Z');
    // Monday 20:00 JST → Tuesday 09:00 JST.
    expect(next('2026-11-23T11:00:00.000Z', tokyo)).toBe('2026-11-24T00:00:00.000Z');
    // Monday 06:00 JST (before work) → the same morning.
    expect(next('2026-11-22T21:00:00.000Z', tokyo)).toBe('2026-11-23T00:00:00.000Z');
  });

  it('treats Saturday and Sunday as outside working hours', () => {
    // Friday 2026-11-27 19:00 JST → Monday 2026-11-30 09:00 JST.
    expect(next('2026-11-27T10:00:00.000Z', tokyo)).toBe('2026-11-30T00:00:00.000Z');
    // Saturday noon and Sunday 08:59 JST → Monday 09:00.
    expect(next('2026-11-28T03:00:00.000Z', tokyo)).toBe('2026-11-30T00:00:00.000Z');
    expect(next('2026-11-29T23:59:00.000Z', tokyo)).toBe('2026-11-30T00:00:00.000Z');
    expect(currentWindow(at('2026-11-28T03:00:00.000Z'), tokyo)).toBeUndefined();
  });

  it('uses the recipient’s own zone: the same instant is morning in Tokyo and the previous evening in LA', () => {
    // 2026-11-24T01:00Z = Tuesday 10:00 JST = Monday 17:00 PST (LA's day just ended).
    expect(next('2026-11-24T01:00:00.000Z', tokyo)).toBe('2026-11-24T01:00:00.000Z');
    // → Tuesday 09:00 PST = 17:00Z.
    expect(next('2026-11-24T01:00:00.000Z', la)).toBe('2026-11-24T17:00:00.000Z');
  });

  it('handles overnight windows (22:00–06:00): a shift belongs to the day it starts', () => {
    // Tuesday 2026-11-24 23:00 JST and Wednesday 03:00 JST are inside Tuesday's shift.
    expect(next('2026-11-24T14:00:00.000Z', nightShift)).toBe('2026-11-24T14:00:00.000Z');
    expect(next('2026-11-24T18:00:00.000Z', nightShift)).toBe('2026-11-24T18:00:00.000Z');
    // Wednesday 07:00 JST → Wednesday 22:00 JST.
    expect(next('2026-11-24T22:00:00.000Z', nightShift)).toBe('2026-11-25T13:00:00.000Z');
    // Saturday 03:00 JST is still Friday's shift.
    expect(next('2026-11-27T18:00:00.000Z', nightShift)).toBe('2026-11-27T18:00:00.000Z');
    // Saturday 23:00 and Sunday 23:00 JST (weekend shifts) → Monday 22:00 JST.
    expect(next('2026-11-28T14:00:00.000Z', nightShift)).toBe('2026-11-30T13:00:00.000Z');
    expect(next('2026-11-29T14:00:00.000Z', nightShift)).toBe('2026-11-30T13:00:00.000Z');
    // Monday 03:00 JST would be Sunday's shift: not worked → Monday 22:00.
    expect(next('2026-11-29T18:00:00.000Z', nightShift)).toBe('2026-11-30T13:00:00.000Z');
  });

  it('follows daylight saving time in Los Angeles (spring forward and fall back)', () => {
    // DST starts Sunday 2026-03-08: Friday 18:00 PST → Monday 09:00 PDT = 16:00Z (not 17:00Z).
    expect(next('2026-03-07T02:00:00.000Z', la)).toBe('2026-03-09T16:00:00.000Z');
    // Friday 08:00 PST, before DST → 09:00 PST = 17:00Z.
    expect(next('2026-03-06T16:00:00.000Z', la)).toBe('2026-03-06T17:00:00.000Z');
    // DST ends Sunday 2026-11-01: Friday 20:00 PDT → Monday 09:00 PST = 17:00Z.
    expect(next('2026-10-31T03:00:00.000Z', la)).toBe('2026-11-02T17:00:00.000Z');
    // Thursday 2026-10-29 08:30 PDT → 09:00 PDT = 16:00Z.
    expect(next('2026-10-29T15:30:00.000Z', la)).toBe('2026-10-29T16:00:00.000Z');
  });

  it('maps wall-clock times to instants across DST gaps and overlaps', () => {
    // 02:30 does not exist on 2026-03-08 in LA: moved forward by the gap (03:30 PDT = 10:30Z).
    expect(zonedTimeToUtc(2026, 3, 8, 2, 30, 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    // 01:30 happens twice on 2026-11-01: the earlier one (PDT, 08:30Z).
    expect(zonedTimeToUtc(2026, 11, 1, 1, 30, 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-01T08:30:00.000Z',
    );
    // Half-hour zones.
    expect(zonedTimeToUtc(2026, 1, 5, 9, 0, 'Asia/Kolkata').toISOString()).toBe('2026-01-05T03:30:00.000Z');
    // Egypt starts DST on a Friday at midnight (2026-04-24): a 00:30 shift start moves to 01:30 EEST.
    expect(zonedTimeToUtc(2026, 4, 24, 0, 30, 'Africa/Cairo').toISOString()).toBe('2026-04-23T22:30:00.000Z');
  });

  it('falls back to 09:00–18:00 Tokyo for unusable stored settings', () => {
    expect(
      safeWorkingHours({ time_zone: 'Mars/Olympus', work_start: '09:00', work_end: '17:00' }).timeZone,
    ).toBe('Asia/Tokyo');
    expect(safeWorkingHours({ time_zone: 'Asia/Tokyo', work_start: '10:00', work_end: '10:00' })).toEqual(
      tokyo,
    );
  });

  it('property: delivery is never earlier than now, always inside a working window, and never skips one', () => {
    const zones = [
      'Asia/Tokyo',
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/St_Johns',
    ];
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        hhmm,
        hhmm,
        (t, timeZone, workStart, workEnd) => {
          fc.pre(workStart !== workEnd);
          const hours = { timeZone, workStart, workEnd };
          const now = new Date(t);
          const d = nextDeliveryTime(now, hours);
          expect(d.getTime()).toBeGreaterThanOrEqual(t);
          expect(d.getTime() - t).toBeLessThanOrEqual(4 * 24 * 3600_000);
          expect(currentWindow(d, hours)).toBeDefined();
          if (d.getTime() > t) {
            // Nothing between now and the delivery time is working time (checked every 15 minutes).
            for (let s = t; s < d.getTime(); s += 15 * 60_000)
              expect(currentWindow(new Date(s), hours)).toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
