import { describe, expect, it } from 'vitest';
import { fileSize, relativeTime } from './format.ts';

describe('times and sizes', () => {
  const now = Date.parse('2026-11-24T03:00:00Z');
  it('says minutes and hours ago, then a date in the reader’s zone', () => {
    expect(relativeTime('2026-11-24T02:59:40Z', 'ja', 'Asia/Tokyo', now)).toBe('今');
    expect(relativeTime('2026-11-24T02:55:00Z', 'ja', 'Asia/Tokyo', now)).toBe('5 分前');
    expect(relativeTime('2026-11-24T00:00:00Z', 'en', 'Asia/Tokyo', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-20T00:30:00Z', 'ja', 'Asia/Tokyo', now)).toBe('11月20日 09:30');
    expect(relativeTime('2025-11-20T00:30:00Z', 'ja', 'Asia/Tokyo', now)).toContain('2025');
    expect(relativeTime('nonsense', 'ja', 'Asia/Tokyo', now)).toBe('');
  });

  it('formats file sizes', () => {
    expect(fileSize(512, 'ja')).toBe('512 B');
    expect(fileSize(1536, 'en')).toBe('1.5 KB');
    expect(fileSize(10 * 1024 * 1024, 'ja')).toBe('10 MB');
  });
});
