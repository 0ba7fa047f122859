import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';

/**
 * Japanese must actually render: not tofu boxes. Checked three ways, each able to fail on a machine
 * without fonts-noto-cjk: fontconfig knows a Japanese font; Chromium's own record of which platform
 * font drew the login page's Japanese text names a CJK font; and two different kanji drawn in the
 * page's font stack produce different pixels (every missing glyph draws the same .notdef box).
 */
test('the login page renders Japanese in a CJK font', async ({ page }, testInfo) => {
  const families = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  expect(families).toMatch(/Noto Sans CJK JP/);

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'ログイン', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: testInfo.outputPath('login-ja.png'), fullPage: true });
  await testInfo.attach('login-ja', { path: testInfo.outputPath('login-ja.png'), contentType: 'image/png' });

  // Which platform fonts Chromium used to draw the heading's text (ログイン), via DevTools.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'h1' });
  const used = new Set<string>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) used.add(f.familyName);
  }
  expect([...used].join(', ')).toMatch(/CJK|Noto Sans JP|Hiragino|Yu Gothic|Meiryo/);

  // Two different kanji in the body's font stack must not draw identical (tofu) glyphs.
  const glyphs = await page.evaluate(() => {
    const family = getComputedStyle(document.body).fontFamily;
    const draw = (ch: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#000';
      ctx.font = `48px ${family}`;
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 4, 4);
      const data = ctx.getImageData(0, 0, 64, 64).data;
      let ink = 0;
      let signature = '';
      for (let i = 3; i < data.length; i += 4) {
        if (data[i]! > 128) ink += 1;
        signature += data[i]! > 128 ? '1' : '0';
      }
      return { ink, signature, width: ctx.measureText(ch).width };
    };
    const en = draw('縁');
    const gawa = draw('側');
    return { family, inkEn: en.ink, inkGawa: gawa.ink, same: en.signature === gawa.signature };
  });
  expect(glyphs.family).toMatch(/Noto Sans CJK JP/);
  expect(glyphs.inkEn).toBeGreaterThan(300); // a tofu box draws ~100 pixels at this size
  expect(glyphs.inkGawa).toBeGreaterThan(300); // a tofu box draws ~100 pixels at this size
  expect(glyphs.same).toBe(false);
});
