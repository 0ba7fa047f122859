import { describe, expect, it } from 'vitest';
import {
  findMentionQuery,
  formatMention,
  insertMention,
  matchPeople,
  mentionOptions,
  previewParts,
} from './mentions.ts';

const suzuki = { id: '01a2-b3', name: '鈴木 健太' };

describe('mention tokens', () => {
  it('writes the server syntax, escaping brackets and backslashes in names', () => {
    expect(formatMention(suzuki)).toBe('@[鈴木 健太](user:01a2-b3)');
    expect(formatMention({ id: 'x1', name: 'A [B] \\ C\nD' })).toBe('@[A \\[B\\] \\\\ C D](user:x1)');
  });

  it('finds the @query being typed at the caret, only at a word boundary', () => {
    expect(findMentionQuery('こんにちは @すず', 9)).toEqual({ start: 6, query: 'すず' });
    expect(findMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(findMentionQuery('mail a@b', 8)).toBeNull();
    expect(findMentionQuery('@すず き', 6)).toBeNull();
    expect(findMentionQuery('no at here', 10)).toBeNull();
    // The caret is before the @: not in a mention.
    expect(findMentionQuery('x @abc', 1)).toBeNull();
  });

  it('inserts the token in place of the query with one space, caret after it', () => {
    const text = 'よろしく @すず お願いします';
    const q = findMentionQuery(text, 8)!;
    const r = insertMention(text, q.start, 8, suzuki);
    expect(r.text).toBe('よろしく @[鈴木 健太](user:01a2-b3) お願いします');
    expect(r.text.slice(0, r.caret)).toBe('よろしく @[鈴木 健太](user:01a2-b3) ');
    const end = insertMention('@', 0, 1, suzuki);
    expect(end.text).toBe('@[鈴木 健太](user:01a2-b3) ');
    expect(end.caret).toBe(end.text.length);
  });

  it('round-trips through the preview parser, whatever the name', () => {
    const odd = { id: 'u-9', name: 'x]y[z\\' };
    const text = `cc ${formatMention(suzuki)} and ${formatMention(odd)}!`;
    expect(previewParts(text)).toEqual([
      { kind: 'text', text: 'cc ' },
      { kind: 'mention', name: '鈴木 健太', id: '01a2-b3' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', name: 'x]y[z\\', id: 'u-9' },
      { kind: 'text', text: '!' },
    ]);
    expect(previewParts('a@[x](user:1) and @[broken](nope)')).toEqual([
      { kind: 'text', text: 'a@[x](user:1) and @[broken](nope)' },
    ]);
  });

  it('matches people by name ignoring width, case and spaces, prefix matches first', () => {
    const people = [
      { id: '1', name: '佐藤 美咲' },
      { id: '2', name: '鈴木 健太' },
      { id: '3', name: 'Kenta Suzuki' },
      { id: '4', name: '高鈴木 一郎' },
    ];
    expect(matchPeople(people, '鈴木健太').map((p) => p.id)).toEqual(['2']);
    expect(matchPeople(people, '鈴木').map((p) => p.id)).toEqual(['2', '4']);
    expect(matchPeople(people, 'ＳＵＺＵＫＩ').map((p) => p.id)).toEqual(['3']);
    expect(matchPeople(people, '', 2).map((p) => p.id)).toEqual(['1', '2']);
  });

  it("keeps the server's answer for exactly the typed query, prefix matches first", () => {
    // The server also matched a kana reading (すずき) and an English name the web cannot see.
    const answer = [
      { id: 'a', name: '高鈴木 一郎' },
      { id: 'b', name: '鈴木 健太', department: { name: 'プロダクト開発部' } },
      { id: 'c', name: 'Kenta Suzuki' },
    ];
    expect(mentionOptions(answer, '鈴木', true).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(mentionOptions(answer, 'すずき', true).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(mentionOptions(answer, '', true, 2).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('narrows an older answer to visible name matches while the next one loads', () => {
    const older = [
      { id: '1', name: '鈴木 健太' },
      { id: '2', name: '鈴木 花子' },
      { id: '3', name: 'Kenta Suzuki' },
    ];
    // Typed 「鈴木健」 while the answer for 「鈴木」 is still shown: 鈴木 花子 is not offered.
    expect(mentionOptions(older, '鈴木健', false).map((p) => p.id)).toEqual(['1']);
    // A reading the web cannot check is never guessed from an older answer.
    expect(mentionOptions(older, 'すずき', false)).toEqual([]);
  });
});
