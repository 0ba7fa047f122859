import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext.ts';

describe('where to go after login', () => {
  it('returns to a page of this app', () => {
    expect(safeNext('/settings')).toBe('/settings');
    expect(safeNext('/admin/users?q=%E4%BD%90%E8%97%A4')).toBe('/admin/users?q=%E4%BD%90%E8%97%A4');
  });

  it('never leaves the app or loops back to the login page', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext('/api/auth/logout')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });
});
