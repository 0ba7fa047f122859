import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatMention,
  parseMarkdown,
  parseMentions,
  renderMarkdown,
  renderParsed,
  sanitizeHtml,
  type MentionResolution,
} from './markdown.ts';

const ATTACHMENT = '/api/attachments/0194f8a0-1111-7000-8000-000000000000';
const USER_ID = '0194f8a0-2222-7000-8000-000000000000';

const ALLOWED_TAGS = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 strong em s del code pre blockquote ul ol li a img table thead tbody tr th td'.split(
    ' ',
  ),
);

/**
 * What must never come out of the renderer, whatever goes in: a tag outside the allowlist (script,
 * svg, iframe, style, form…), an event-handler attribute, a javascript:/vbscript:/data:/file: URL,
 * style beyond table alignment, an image from anywhere but our own attachment routes, a link
 * without rel/target. In the output every literal `<` of text is escaped, so each `<` opens a real
 * tag, and attribute values are double-quoted with `"` escaped: tags can be read reliably.
 */
function assertSafe(html: string) {
  for (const tag of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    expect(ALLOWED_TAGS.has(name), `tag <${name}> in ${html}`).toBe(true);
    const attrs = new Map(
      [...tag[2]!.matchAll(/\s([^\s="]+)(?:="([^"]*)")?/g)].map((a) => [
        a[1]!.toLowerCase(),
        unescapeHtml(a[2] ?? ''),
      ]),
    );
    for (const [attr, value] of attrs) {
      expect(attr.startsWith('on'), `event attribute ${attr} in ${html}`).toBe(false);
      if (attr === 'href' || attr === 'src') {
        // eslint-disable-next-line no-control-regex
        expect(value.replace(/[\s\u0000-\u001f]/g, ''), html).not.toMatch(
          /^(javascript|vbscript|data|file):/i,
        );
        expect(value.startsWith('//'), html).toBe(false);
      }
      if (attr === 'style') expect(value).toMatch(/^text-align:(left|right|center);?$/);
    }
    if (name === 'img')
      expect(attrs.get('src') ?? '').toMatch(/^\/api\/attachments\/[0-9a-f-]{36}(\/thumb)?$/);
    if (name === 'a' && attrs.has('href')) {
      expect(attrs.get('rel')).toBe('noopener noreferrer nofollow');
      expect(attrs.get('target')).toBe('_blank');
    }
  }
}

/** Known XSS payloads (OWASP cheat sheet style) written into a post. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/x)',
  '<javascript:alert(1)>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](https://evil.example/track.png)',
  '![x](javascript:alert(1))',
  '![x](/api/attachments/../users)',
  '[a](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '```html\n<script>alert(1)</script>\n```',
  '`<img src=x onerror=alert(1)>`',
  '<<script>script>alert(1)<</script>/script>',
  '<style>body{display:none}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<form action="https://evil.example"><input name=x></form>',
];

describe('Markdown renderer: known XSS payloads', () => {
  it('(the safety check itself rejects unsafe HTML)', () => {
    for (const bad of [
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)" rel="noopener noreferrer nofollow" target="_blank">x</a>',
      '<a href="https://x.example">x</a>',
      '<img src="https://x.example/a.png">',
      '<p style="color:red">x</p>',
      '<svg></svg>',
    ]) {
      expect(() => assertSafe(bad), bad).toThrow();
    }
  });

  for (const payload of PAYLOADS) {
    it(`neutralises ${JSON.stringify(payload).slice(0, 60)}`, () => {
      const html = renderMarkdown(`前置き ${payload} 後書き`);
      assertSafe(html);
      expect(html).toContain('前置き');
    });
  }

  it('keeps ordinary Markdown: emphasis, lists, code, tables, safe links', () => {
    const html = renderMarkdown(
      '**太字** _斜体_ ~~取消~~\n\n- 一\n- 二\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n[社内](/communities) [外部](https://example.com) [mail](mailto:a@example.com)',
    );
    expect(html).toContain('<strong>太字</strong>');
    expect(html).toContain('<em>斜体</em>');
    expect(html).toContain('<s>取消</s>');
    expect(html).toContain('<li>一</li>');
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('<th style="text-align:left">a</th>');
    expect(html).toContain('href="/communities"');
    expect(html).toContain('href="https://example.com" rel="noopener noreferrer nofollow" target="_blank"');
    expect(html).toContain('href="mailto:a@example.com"');
    assertSafe(html);
  });

  it('shows typed HTML as text instead of dropping it', () => {
    expect(renderMarkdown('<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('allows images only from our own attachment URLs', () => {
    const html = renderMarkdown(
      `![ok](${ATTACHMENT}) ![thumb](${ATTACHMENT}/thumb) ![no](https://x.example/a.png)`,
    );
    expect(html).toContain(`<img src="${ATTACHMENT}" alt="ok" />`);
    expect(html).toContain(`<img src="${ATTACHMENT}/thumb" alt="thumb" />`);
    expect(html).not.toContain('x.example');
  });

  it('sanitises HTML from elsewhere (AI output) with the same allowlist', () => {
    const html = sanitizeHtml(
      '<p onclick="x">ok</p><a href="javascript:alert(1)">a</a><svg><script>alert(1)</script></svg><img src="https://evil.example/a.png"><a href="https://example.com">b</a>',
    );
    expect(html).toContain('<p>ok</p>');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    assertSafe(html);
  });
});

describe('mentions', () => {
  const resolution = (name: string): MentionResolution => ({
    byId: new Map([[USER_ID, { id: USER_ID, name }]]),
    byLocalpart: new Map([['tanaka', { id: 'user-tanaka', name: '田中 一郎' }]]),
  });

  it('links mentions to the profile with the CURRENT name, escaped, whatever the label says', () => {
    const doc = parseMarkdown(`@[社長](user:${USER_ID}) さん、@tanakaさん、よろしく`);
    expect([...doc.mentions.ids]).toEqual([USER_ID]);
    expect([...doc.mentions.localparts]).toEqual(['tanaka']);
    const html = renderParsed(doc, resolution('<img src=x onerror=alert(1)>"山田"'));
    expect(html).toContain(`href="/people/${USER_ID}" class="mention" data-user-id="${USER_ID}"`);
    expect(html).toContain('@&lt;img src=x onerror=alert(1)&gt;"山田"</a>');
    expect(html).not.toContain('社長');
    expect(html).toContain('>@田中 一郎</a>さん');
    assertSafe(html);
  });

  it('leaves unknown people, e-mail addresses and code alone', () => {
    const doc = parseMarkdown(
      '@[<b>誰か</b>](user:nobody) と foo@example.com と `@tanaka` と\n\n```\n@tanaka\n```',
    );
    expect([...doc.mentions.localparts]).toEqual([]);
    const html = renderParsed(doc, { byId: new Map(), byLocalpart: new Map() });
    expect(html).toContain('@&lt;b&gt;誰か&lt;/b&gt;');
    expect(html).not.toContain('class="mention"');
    assertSafe(html);
  });

  it('finds plain @localpart mentions next to Japanese text, not inside addresses', () => {
    expect(
      parseMentions('佐藤さん@sato.taro、確認お願いします').map((m) => m.kind === 'local' && m.localpart),
    ).toEqual(['sato.taro']);
    expect(parseMentions('mail: sato@example.com')).toEqual([]);
    expect(parseMentions('@sato.')).toMatchObject([{ kind: 'local', localpart: 'sato' }]);
  });
});

/** Arbitrary input with a bias towards the pieces attacks are made of. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        ...PAYLOADS,
        '<',
        '>',
        '"',
        "'",
        '`',
        '[',
        '](',
        ')',
        '![',
        'javascript:',
        'data:',
        ' onerror=',
        ' onload=',
        '&#',
        '\\',
        '@[',
        '](user:',
        '\n\n',
        '*',
        '_',
        '|',
        '```',
        '<svg',
        '<a href=',
        'https://',
        ATTACHMENT,
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('properties (fast-check)', () => {
  it('the renderer never outputs scripts, event attributes, dangerous URLs or foreign images', () => {
    fc.assert(
      fc.property(hostile, (source) => {
        assertSafe(renderMarkdown(source));
        assertSafe(renderParsed(parseMarkdown(source), resolutionFor('<script>x</script>')));
      }),
      { numRuns: 1000 },
    );
  });

  it('sanitizeHtml output is safe for arbitrary HTML-ish input', () => {
    fc.assert(
      fc.property(hostile, (html) => assertSafe(sanitizeHtml(html))),
      { numRuns: 1000 },
    );
  });

  const name = fc
    .string({ minLength: 1, maxLength: 100, unit: 'grapheme' })
    .filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s));
  const id = fc.uuid();
  const prose = fc.string({ maxLength: 40, unit: 'grapheme' }).map((s) => s.replace(/[@\\]/g, ''));

  it('mention syntax round-trips any display name (brackets, backslashes, HTML, Japanese)', () => {
    fc.assert(
      fc.property(name, id, prose, prose, (n, uid, before, after) => {
        const text = `${before} ${formatMention({ id: uid, name: n })}${after}`;
        const found = parseMentions(text).filter((m) => m.kind === 'user');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ kind: 'user', id: uid, label: n });
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(formatMention({ id: uid, name: n }));
      }),
      { numRuns: 1000 },
    );
  });

  it('a rendered mention links to the person and shows their escaped name', () => {
    fc.assert(
      fc.property(name, (n) => {
        const html = renderMarkdown(
          `テスト ${formatMention({ id: USER_ID, name: 'ラベル' })} です`,
          resolutionFor(n),
        );
        const link =
          /<a href="\/people\/[^"]+" class="mention" data-user-id="([^"]+)"[^>]*>@([^<]*)<\/a>/.exec(html);
        expect(link?.[1]).toBe(USER_ID);
        expect(unescapeHtml(link![2]!)).toBe(n);
        assertSafe(html);
      }),
      { numRuns: 500 },
    );
  });
});

function resolutionFor(name: string): MentionResolution {
  return { byId: new Map([[USER_ID, { id: USER_ID, name }]]), byLocalpart: new Map() };
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
