import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../platform/markdown.ts';
import { mrkdwnToMarkdown, slackToMarkdown } from './slack.ts';

describe('Slack payloads to Markdown', () => {
  it('converts mrkdwn emphasis, strike and links (Japanese text included)', () => {
    expect(mrkdwnToMarkdown('*重要* と _補足_ と ~取消~')).toBe('**重要** と *補足* と ~~取消~~');
    expect(
      mrkdwnToMarkdown('見て <https://example.com/a?b=1&amp;c=2|ダッシュボード> と <https://example.com>'),
    ).toBe('見て [ダッシュボード](https://example.com/a?b=1&c=2) と <https://example.com>');
    expect(mrkdwnToMarkdown('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('leaves user and channel references and special mentions as text', () => {
    const md = mrkdwnToMarkdown('<@U024BE7LH> さん <#C024BE7LR|general> <!here>');
    const html = renderMarkdown(md);
    expect(html).toContain('&lt;@U024BE7LH&gt; さん #general @here');
    expect(html).not.toContain('<a');
  });

  it('keeps code untouched and refuses unsafe link targets', () => {
    expect(mrkdwnToMarkdown('`*not bold*` ```\n_x_\n```')).toBe('`*not bold*` ```\n_x_\n```');
    const html = renderMarkdown(
      mrkdwnToMarkdown('<javascript:alert(1)|click> &lt;script&gt;alert(1)&lt;/script&gt;'),
    );
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders basic blocks: header, section (text and fields), context, divider', () => {
    const md = slackToMarkdown({
      text: 'fallback only',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'デプロイ完了 #42' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*本番* に反映しました' } },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*担当*\n佐藤' },
            { type: 'plain_text', text: '所要 3分' },
          ],
        },
        { type: 'divider' },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '_自動投稿_' },
            { type: 'image', image_url: 'x' },
          ],
        },
        { type: 'actions', elements: [{ type: 'button' }] },
      ],
    });
    expect(md).toBe(
      '## デプロイ完了 \\#42\n\n**本番** に反映しました\n\n**担当**\n佐藤\n\n所要 3分\n\n---\n\n*自動投稿*',
    );
    expect(md).not.toContain('fallback only');
  });

  it('renders legacy attachments: pretext, linked title, text, fields', () => {
    const md = slackToMarkdown({
      text: '障害のお知らせ',
      attachments: [
        {
          pretext: '監視より',
          title: 'API 5xx 増加',
          title_link: 'https://status.example.com/1',
          text: '*影響*: 一部ユーザー',
          fields: [
            { title: '重要度', value: '高', short: true },
            { title: '担当', value: '<@U1>' },
          ],
        },
        { fallback: '代替テキスト' },
      ],
    });
    expect(md).toContain('障害のお知らせ');
    expect(md).toContain('**[API 5xx 増加](https://status.example.com/1)**');
    expect(md).toContain('**影響**: 一部ユーザー');
    expect(md).toContain('- **重要度**: 高');
    expect(md).toContain('代替テキスト');
  });

  it('produces nothing for an empty payload (the route answers 400)', () => {
    expect(slackToMarkdown({})).toBe('');
    expect(slackToMarkdown({ blocks: [{ type: 'actions' }] })).toBe('');
  });
});
