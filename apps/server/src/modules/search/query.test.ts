import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTokens, normalise, normaliseForSearch } from './normalize.ts';
import { isSafeToken, parseQuery, QUERY_MAX_TERMS, TERM_MAX_CHARS } from './query.ts';
import { highlight } from './snippet.ts';

describe('search text normalisation', () => {
  it('folds width and case (NFKC + lower case)', () => {
    expect(normalise('ＡＢＣ')).toBe('abc');
    expect(normalise('ABC')).toBe('abc');
    expect(normalise('ｶﾀｶﾅ')).toBe('カタカナ');
    expect(normalise('ｶﾞｲﾄﾞ')).toBe('ガイド');
    expect(normalise('２０２６年')).toBe('2026年');
    expect(normalise('㍻')).toBe('平成');
  });

  it('indexes CJK runs as bigrams (one character alone as itself) and other runs as words', () => {
    expect(indexTokens(normalise('転職活動'))).toEqual(['転職', '職活', '活動']);
    expect(indexTokens(normalise('AIで研修を効率化')).sort()).toEqual(
      ['ai', 'で研', '研修', '修を', 'を効', '効率', '率化'].sort(),
    );
    expect(indexTokens(normalise('新人 研 ＰＲＯＭＰＴ-recipe'))).toEqual(['新人', '研', 'prompt', 'recipe']);
  });
});

describe('search query parser', () => {
  it('splits on any white space, keeps quoted phrases, drops punctuation-only and repeated terms', () => {
    expect(parseQuery('転職　研修').terms.map((t) => t.text)).toEqual(['転職', '研修']);
    expect(parseQuery('"新人 研修" 評価').terms.map((t) => t.text)).toEqual(['新人 研修', '評価']);
    expect(parseQuery('！？ --- 研修 研修').terms.map((t) => t.text)).toEqual(['研修']);
    expect(parseQuery('   ').terms).toEqual([]);
    expect(parseQuery('ＡＩ活用').terms).toEqual([
      {
        text: 'ai活用',
        tokens: [
          { token: 'ai', prefix: false },
          { token: '活用', prefix: false },
        ],
      },
    ]);
    expect(parseQuery('prom').terms[0]!.tokens).toEqual([{ token: 'prom', prefix: true }]);
    // A single kanji has no index token: it is found by scanning.
    expect(parseQuery('研').terms[0]!.tokens).toEqual([]);
  });

  const alphabet = fc.constantFrom(
    ...'転職研修評価面談アイウｶﾀﾅﾞﾟー々ＡbC1２é   　"-_.。、「」!?'.split(''),
    'İ',
    'ﬁ',
    '😀',
  );
  const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));

  it('property: never throws; terms are normalised, bounded, and their tokens are safe to quote', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 300 })), (raw) => {
        const { terms } = parseQuery(raw);
        expect(terms.length).toBeLessThanOrEqual(QUERY_MAX_TERMS);
        for (const term of terms) {
          expect(term.text.length).toBeGreaterThan(0);
          expect([...term.text].length).toBeLessThanOrEqual(TERM_MAX_CHARS);
          expect(normalise(term.text)).toBe(term.text);
          expect(term.text).not.toMatch(/^\s|\s$/u);
          for (const t of term.tokens) expect(isSafeToken(t.token)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: a document that contains a term always has the term’s index tokens (no false negatives)', () => {
    fc.assert(
      fc.property(text, text, text, (before, query, after) => {
        const doc = `${before} ${query}${after}`;
        // What the index stores for this text.
        const norm = normaliseForSearch(doc);
        const docTokens = indexTokens(norm);
        for (const term of parseQuery(query).terms) {
          // A following half-width voiced mark can compose with the term's last kana (ウ + ﾞ = ヴ):
          // then the document does not contain the term, and nothing is claimed.
          if (!norm.includes(term.text)) {
            expect(/[\uFF9E\uFF9F]/u.test(after[0] ?? '')).toBe(true);
            continue;
          }
          for (const t of term.tokens) {
            if (t.prefix) expect(docTokens.some((d) => d.startsWith(t.token))).toBe(true);
            else expect(docTokens).toContain(t.token);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('highlighting', () => {
  it('marks matches in the original text, whatever its width', () => {
    expect(highlight('ＡＢＣ研修のｶﾀｶﾅ', ['abc', 'カタカナ'])).toEqual([
      { text: 'ＡＢＣ', match: true },
      { text: '研修の', match: false },
      { text: 'ｶﾀｶﾅ', match: true },
    ]);
  });

  it('cuts long text around the first match, with ellipses', () => {
    const long = `${'あ'.repeat(300)}転職${'い'.repeat(300)}`;
    const segs = highlight(long, ['転職'], 100);
    expect(segs[0]!.text.startsWith('…')).toBe(true);
    expect(segs.find((s) => s.match)).toEqual({ text: '転職', match: true });
    expect(segs[segs.length - 1]!.text.endsWith('…')).toBe(true);
    expect(segs.map((s) => s.text).join('').length).toBeLessThanOrEqual(104);
  });

  it('property: segments always concatenate back to (a window of) the text, matches only where terms occur', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        (s, terms) => {
          const flat = s.replace(/\s+/gu, ' ').trim();
          const segs = highlight(flat, terms.map(normalise).filter(Boolean), 1000);
          expect(segs.map((x) => x.text).join('')).toBe(flat);
          for (const seg of segs.filter((x) => x.match)) {
            expect(terms.some((t) => normalise(seg.text).includes(normalise(t)))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
