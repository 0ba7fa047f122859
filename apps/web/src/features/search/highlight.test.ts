import { describe, expect, it } from 'vitest';
import { findTermRanges, safeSegments, segmentsFromRanges } from './highlight.ts';

const join = (segs: Array<{ text: string }>) => segs.map((s) => s.text).join('');

describe('segmentsFromRanges', () => {
  it('cuts text into plain and matched parts', () => {
    expect(segmentsFromRanges('来週の研修について', [[3, 5]])).toEqual([
      { text: '来週の', match: false },
      { text: '研修', match: true },
      { text: 'について', match: false },
    ]);
  });

  it('merges overlapping and touching ranges, ignores empty, inverted and out-of-bounds ones', () => {
    const text = 'abcdefgh';
    const segs = segmentsFromRanges(text, [
      [5, 3],
      [1, 3],
      [2, 4],
      [4, 5],
      [6, 6],
      [7, 99],
      [-5, 0],
    ]);
    expect(segs).toEqual([
      { text: 'a', match: false },
      { text: 'bcde', match: true },
      { text: 'fg', match: false },
      { text: 'h', match: true },
    ]);
    expect(join(segs)).toBe(text);
  });

  it('keeps markup as text: segments are never HTML', () => {
    const text = '<img src=x onerror=alert(1)>研修';
    const segs = segmentsFromRanges(text, findTermRanges(text, ['研修']));
    expect(segs[0]).toEqual({ text: '<img src=x onerror=alert(1)>', match: false });
    expect(segs[1]).toEqual({ text: '研修', match: true });
  });
});

describe('findTermRanges', () => {
  it('finds two-character Japanese words and every occurrence', () => {
    expect(findTermRanges('研修と転職、研修', ['研修'])).toEqual([
      [0, 2],
      [6, 8],
    ]);
  });

  it('matches full-width, half-width and case variants in the original offsets', () => {
    const text = 'ＡＩ活用とai';
    const ranges = findTermRanges(text, ['AI']);
    expect(ranges).toEqual([
      [0, 2],
      [5, 7],
    ]);
    expect(
      segmentsFromRanges(text, ranges)
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['ＡＩ', 'ai']);
    // Half-width katakana expand under NFKC; the range still covers the original characters.
    const kana = 'ｶﾞｲﾄﾞ読む';
    const r = findTermRanges(kana, ['ガイド']);
    expect(r).toHaveLength(1);
    expect(kana.slice(r[0]![0], r[0]![1])).toBe('ｶﾞｲﾄﾞ');
  });

  it('handles characters outside the BMP', () => {
    const text = '𠮷野家で研修';
    expect(segmentsFromRanges(text, findTermRanges(text, ['𠮷野']))[0]).toEqual({
      text: '𠮷野',
      match: true,
    });
  });
});

describe('safeSegments', () => {
  it('keeps well-formed segments and turns anything else into text or nothing', () => {
    expect(safeSegments([{ text: 'a', match: true }, { text: 'b' }, { nope: 1 }, null])).toEqual([
      { text: 'a', match: true },
      { text: 'b', match: false },
    ]);
    expect(safeSegments('plain')).toEqual([{ text: 'plain', match: false }]);
    expect(safeSegments(undefined)).toEqual([]);
  });
});
