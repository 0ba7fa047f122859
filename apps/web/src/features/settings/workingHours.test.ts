import { describe, expect, it } from 'vitest';
import { normalizeHhmm } from './workingHours.ts';

describe('working hours input', () => {
  it('accepts what people type and stores HH:MM', () => {
    expect(normalizeHhmm('09:30')).toBe('09:30');
    expect(normalizeHhmm('9:30')).toBe('09:30');
    expect(normalizeHhmm('０９：３０')).toBe('09:30');
    expect(normalizeHhmm(' 1800 ')).toBe('18:00');
    expect(normalizeHhmm('930')).toBe('09:30');
    expect(normalizeHhmm('23:59')).toBe('23:59');
  });

  it('leaves impossible times for the server to reject by field', () => {
    expect(normalizeHhmm('24:00')).toBe('24:00');
    expect(normalizeHhmm('9:60')).toBe('9:60');
    expect(normalizeHhmm('朝')).toBe('朝');
    expect(normalizeHhmm('')).toBe('');
  });
});
