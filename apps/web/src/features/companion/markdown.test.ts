import { describe, expect, it } from 'vitest';
import { firstHeading, parseInline, parseMarkdown, plainText, splitRow, type Block } from './markdown.ts';

/** Every string anywhere in a parsed tree, to check that markup-looking input stays text. */
function allText(blocks: Block[]): string {
  return JSON.stringify(blocks);
}

describe('markdown reader', () => {
  it('reads a Will / Can / Must summary table with a pipe inside a cell', () => {
    const md = [
      '## キャリアの方向性（Will / Can / Must）',
      '',
      '| 項目 | あなたの言葉 |',
      '| --- | --- |',
      '| Will（やりたいこと） | 企画 \\| 設計に挑戦したい |',
      '| Can（できること） | 調整 |',
      '',
      '_あなた自身の言葉をもとにまとめました。_',
    ].join('\n');
    const blocks = parseMarkdown(md);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'table', 'paragraph']);
    expect(firstHeading(blocks)).toBe('キャリアの方向性（Will / Can / Must）');
    const table = blocks[1] as Extract<Block, { type: 'table' }>;
    expect(table.header.map(plainText)).toEqual(['項目', 'あなたの言葉']);
    expect(table.rows.map((r) => r.map(plainText))).toEqual([
      ['Will（やりたいこと）', '企画 | 設計に挑戦したい'],
      ['Can（できること）', '調整'],
    ]);
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'em', children: [{ type: 'text', text: 'あなた自身の言葉をもとにまとめました。' }] },
      ],
    });
  });

  it('reads a numbered 1on1 agenda with sub-points and a quote', () => {
    const md = [
      '## 1on1アジェンダ（下書き）',
      '',
      '1. **話したいテーマ**',
      '   - 評価面談の進め方',
      '2. **相談したいこと**',
      '',
      '> 共有するかどうかは、あなたが決めてください。',
    ].join('\n');
    const blocks = parseMarkdown(md);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'quote']);
    const list = blocks[1] as Extract<Block, { type: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const sub = list.items[0]![1] as Extract<Block, { type: 'list' }>;
    expect(sub.ordered).toBe(false);
    expect(allText(sub.items[0]!)).toContain('評価面談の進め方');
  });

  it('keeps raw HTML and script as visible text, never as markup', () => {
    const md = '<script>alert(1)</script> <img src=x onerror=alert(1)> **太字**';
    const blocks = parseMarkdown(md);
    expect(blocks).toHaveLength(1);
    const p = blocks[0] as Extract<Block, { type: 'paragraph' }>;
    expect(p.children[0]).toEqual({
      type: 'text',
      text: '<script>alert(1)</script> <img src=x onerror=alert(1)> ',
    });
    expect(p.children[1]).toEqual({ type: 'strong', children: [{ type: 'text', text: '太字' }] });
  });

  it('makes links only of http(s), mailto and same-site addresses', () => {
    expect(parseInline('[社内ポータル](https://intra.example/jobs)')).toEqual([
      {
        type: 'link',
        href: 'https://intra.example/jobs',
        children: [{ type: 'text', text: '社内ポータル' }],
      },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { type: 'text', text: 'click' },
      { type: 'text', text: ')' },
    ]);
    expect(JSON.stringify(parseInline('[x](data:text/html;base64,AAA)'))).not.toContain('"link"');
    // Paths inside Engawa are links; protocol-relative addresses (another site) are not.
    expect(parseInline('[研修](/career/opportunities/1)')[0]).toMatchObject({
      type: 'link',
      href: '/career/opportunities/1',
    });
    expect(JSON.stringify(parseInline('[x](//evil.example/a)'))).not.toContain('"link"');
    expect(JSON.stringify(parseInline('[x](/\\evil.example/a)'))).not.toContain('"link"');
  });

  it('leaves snake_case, lone asterisks and escaped markers alone', () => {
    expect(plainText(parseInline('file_name_v2 と 2 * 3 と \\*そのまま\\*'))).toBe(
      'file_name_v2 と 2 * 3 と *そのまま*',
    );
    expect(parseInline('`code *x*`')).toEqual([{ type: 'code', text: 'code *x*' }]);
  });

  it('keeps line breaks inside a paragraph (AI answers)', () => {
    const blocks = parseMarkdown(
      '「転職」と書いてくれましたね。\nもう少し聞かせてください。\n\n次の質問です。',
    );
    expect(blocks).toHaveLength(2);
    const first = blocks[0] as Extract<Block, { type: 'paragraph' }>;
    expect(first.children.map((c) => c.type)).toEqual(['text', 'break', 'text']);
  });

  it('reads rules, fenced code and headings of every level', () => {
    const blocks = parseMarkdown('# 1\n###### 6\n---\n```\n<b>x</b>\n```');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: '1' }] },
      { type: 'heading', level: 6, children: [{ type: 'text', text: '6' }] },
      { type: 'rule' },
      { type: 'code', text: '<b>x</b>' },
    ]);
  });

  it('splits table rows on unescaped pipes only', () => {
    expect(splitRow('| a | b \\| c |')).toEqual(['a', 'b | c']);
    expect(splitRow('a|b')).toEqual(['a', 'b']);
  });

  it('never throws on arbitrary input', () => {
    const inputs = [
      '',
      '|',
      '| a |\n| - |',
      '1.',
      '- ',
      '**',
      '__a',
      '[a](',
      '>',
      '```',
      '\\',
      '   - x\n- y',
      '_\n_',
    ];
    for (const input of inputs) expect(() => parseMarkdown(input)).not.toThrow();
  });
});
