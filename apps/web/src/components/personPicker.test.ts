import { describe, expect, it } from 'vitest';
import type { PersonItem } from '@engawa/shared';
import { addPerson, isFresh, pickerOptions, pickerStatus, removePerson } from './personPicker.ts';

const p = (id: string, name = `人 ${id}`): PersonItem => ({ id, name, department: null });

describe('PersonPicker decisions', () => {
  it('offers the answer minus chosen and excluded people, in the server order', () => {
    const found = [p('a'), p('b'), p('c'), p('d')];
    expect(pickerOptions(found, [p('b')], ['d']).map((x) => x.id)).toEqual(['a', 'c']);
    expect(pickerOptions(found, []).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds each person once, up to the maximum, and removes by id', () => {
    let list = addPerson([], p('a'), 2);
    list = addPerson(list, p('a'), 2);
    expect(list.map((x) => x.id)).toEqual(['a']);
    list = addPerson(list, p('b'), 2);
    list = addPerson(list, p('c'), 2);
    expect(list.map((x) => x.id)).toEqual(['a', 'b']);
    expect(removePerson(list, 'a').map((x) => x.id)).toEqual(['b']);
  });

  it('pre-selects only an answer for exactly what is typed', () => {
    const base = { search: '鈴木', debounced: '鈴木', isPlaceholderData: false, hasAnswer: true };
    expect(isFresh(base)).toBe(true);
    expect(isFresh({ ...base, search: '鈴木健' })).toBe(false);
    expect(isFresh({ ...base, isPlaceholderData: true })).toBe(false);
    expect(isFresh({ ...base, hasAnswer: false })).toBe(false);
  });

  it('says what is going on: idle, loading, nothing found, error, limit', () => {
    const s = {
      search: '高',
      debounced: '高',
      isError: false,
      isPlaceholderData: false,
      hasAnswer: true,
      optionCount: 0,
      limitReached: false,
    };
    expect(pickerStatus({ ...s, search: '  ' })).toBe('idle');
    expect(pickerStatus(s)).toBe('empty');
    expect(pickerStatus({ ...s, optionCount: 3 })).toBe('results');
    // An empty answer for an older search is not "nothing found" yet.
    expect(pickerStatus({ ...s, search: '高橋' })).toBe('loading');
    expect(pickerStatus({ ...s, hasAnswer: false })).toBe('loading');
    // While the next answer loads, the previous results stay visible.
    expect(pickerStatus({ ...s, search: '高橋', isPlaceholderData: true, optionCount: 2 })).toBe('results');
    expect(pickerStatus({ ...s, isError: true })).toBe('error');
    expect(pickerStatus({ ...s, limitReached: true })).toBe('limit');
  });
});
