import { describe, expect, it } from 'vitest';
import { plainFromMarkdown } from './companion-drafts.ts';

describe('a talk summary as the plain text of an agenda item', () => {
  it('keeps the words and drops heading marks, emphasis, links and table rules', () => {
    const md = [
      '## 話したことのまとめ',
      '',
      '**あなたが話したこと**',
      '',
      '- 来期は新しい案件に挑戦したい',
      '',
      '| Will | Can | Must |',
      '| --- | :---: | --- |',
      '| 企画に関わりたい | テスト設計 | 今の品質を保つ |',
      '',
      '',
      '',
      '> 参考: [社内公募](https://example.test/p) と `snake_case` の名前',
      '_あなた自身の言葉をもとにまとめました。_',
    ].join('\n');
    expect(plainFromMarkdown(md)).toBe(
      [
        '話したことのまとめ',
        '',
        'あなたが話したこと',
        '',
        '- 来期は新しい案件に挑戦したい',
        '',
        'Will / Can / Must',
        '企画に関わりたい / テスト設計 / 今の品質を保つ',
        '',
        '参考: 社内公募 と snake_case の名前',
        'あなた自身の言葉をもとにまとめました。',
      ].join('\n'),
    );
  });
});
