import fs from 'node:fs';
import { test, expect, type Page, type Response } from '@playwright/test';
import { DEMO, mainNav, submitLoginJa } from './helpers.ts';

/**
 * キャリア相談 (private career companion) with the built-in offline engine: an employee holds a
 * Japanese conversation, keeps it, finds it, exports it and deletes it, and saves its summary as a
 * private note; then admin, hr and the manager look through every screen they can reach and find
 * no trace of it — not on screen, and not in any API response their browser receives.
 */

const DEMO_HR = 'hr@demo.engawa.example';
const DEMO_MANAGER = 'manager@demo.engawa.example';

/**
 * Signs in and makes sure the account uses Japanese (another journey may have switched this demo
 * account to English for good: the choice is saved per user).
 */
async function logInJa(page: Page, email: string) {
  await submitLoginJa(page, email);
  const home = mainNav(page).getByRole('link', { name: /^(ホーム|Home)$/ });
  await expect(home).toBeVisible();
  if ((await home.innerText()).trim() !== 'ホーム') {
    await page.getByRole('combobox', { name: /^(言語 \/ Language|Language \/ 言語)$/ }).selectOption('ja');
  }
  await expect(mainNav(page).getByRole('link', { name: 'ホーム', exact: true })).toBeVisible();
}

async function openCompanion(page: Page) {
  await mainNav(page).getByRole('link', { name: 'キャリア相談', exact: true }).click();
  await expect(page).toHaveURL(/\/companion$/);
  await expect(page.getByRole('heading', { name: 'キャリア相談', level: 1 })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /^ユーザーメニュー（/ }).click();
  await page.getByRole('menuitem', { name: 'ログアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Waits until the page has finished loading what it shows (no request in flight, no spinner). */
async function settled(page: Page, label = page.url()) {
  await expect(page.locator('#main'), `${label} rendered in the app shell`).toBeVisible();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByText('読み込み中…')).toHaveCount(0);
}

/**
 * Moves to `href` inside the app, as a click on a link does (no page reload: reloading a dozen
 * pages per person would fetch every script again and run into the server's per-minute limit).
 */
async function go(page: Page, href: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, href);
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, '\\?')}$`));
  // The address bar changes at once; the page itself only once its code has loaded.
  await expect(page.locator('#main')).toHaveAttribute('data-path', new URL(href, page.url()).pathname);
  await expect(page.locator('#main')).not.toHaveAttribute('aria-busy', 'true');
}

/**
 * Visits every page `email` can reach from the navigation (and the header), the tabs inside them,
 * the user search for the employee and the companion's direct addresses, and checks the canary
 * appears nowhere on screen and in no API response.
 */
async function sweep(page: Page, email: string, canary: string, privateIds: { note: string }) {
  const apiBodies: string[] = [];
  const onResponse = async (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    try {
      apiBodies.push(await response.text());
    } catch {
      // A redirect or an aborted request has no body to read.
    }
  };
  page.on('response', onResponse);
  const seen: string[] = [];
  const check = async (label: string) => {
    await settled(page, `${email} on ${label}`);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text, `${email} on ${label}`).not.toContain(canary);
    const html = await page.content();
    expect(html, `${email} on ${label} (markup)`).not.toContain(canary);
    seen.push(label);
  };

  await logInJa(page, email);
  await check('/');
  const links = new Set<string>();
  for (const scope of [mainNav(page), page.getByRole('banner')]) {
    for (const href of await scope
      .locator('a[href^="/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      if (href) links.add(href);
    }
  }
  links.add('/settings');
  links.add('/companion/conversations');
  links.add('/companion/notes');
  expect(links.has('/companion')).toBe(true);

  for (const link of links) {
    // 管理 only redirects to its first tab; go there directly so the sweep waits for that page.
    const href = link === '/admin' ? '/admin/users' : link;
    await go(page, href);
    await check(href);
    // Pages with tabs (管理, キャリア相談): every tab.
    const tabs = await page.getByRole('tab').allInnerTexts();
    for (const name of tabs) {
      await page.getByRole('tab', { name, exact: true }).click();
      await check(`${href} › ${name}`);
    }
  }

  if (links.has('/admin')) {
    // 管理 › ユーザー: search for the employee and open their record.
    await go(page, '/admin/users');
    await settled(page);
    await page.getByRole('main').getByRole('searchbox', { name: '検索', exact: true }).fill('employee@demo');
    const row = page.getByRole('row').filter({ hasText: DEMO.employee });
    await expect(row).toHaveCount(1);
    await check('/admin/users?employee');
    await row.getByRole('button').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('/admin/users › employee dialog');
    await page.keyboard.press('Escape');
  }

  // The employee's private note by its address: it does not exist for anyone else.
  await go(page, `/companion/notes/${privateIds.note}`);
  await expect(page.getByText('このメモは見つかりません。', { exact: false })).toBeVisible();
  await check('/companion/notes/<employee note>');

  page.off('response', onResponse);
  expect(apiBodies.length).toBeGreaterThan(5);
  for (const body of apiBodies) expect(body, `an API response ${email} received`).not.toContain(canary);
  expect(seen.length).toBeGreaterThan(6);
  await logOut(page);
}

test('an employee talks, keeps, finds, exports and deletes a conversation; nobody else sees a trace', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const canary = `kanariya${Date.now().toString(36)}${testInfo.workerIndex}`;
  const message = `${canary}の件で、最近モヤモヤしています。`;

  await logInJa(page, DEMO.employee);
  await openCompanion(page);

  // Before typing: what the AI is for and not for, the privacy promise, the company's AI policy.
  await expect(page.getByRole('heading', { name: 'このAIがすること' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'このAIがしないこと' })).toBeVisible();
  await expect(
    page.getByText('決めるのはあなたです。大切なことは、上司やHRBPと話して決めてください。'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'プライバシーの約束' })).toBeVisible();
  await expect(page.getByText('上司も、人事も、システム管理者も読めません。')).toBeVisible();
  await expect(page.getByText('人事評価や異動の判断には一切使いません。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '会社のAI利用方針' })).toBeVisible();
  // …and the promise stays where the employee types.
  const composer = page.getByRole('region', { name: 'メッセージ' });
  await expect(composer.getByRole('note', { name: 'プライバシーの約束' })).toContainText(
    'あなた以外の誰にも読めません',
  );
  await expect(composer.getByRole('note', { name: 'プライバシーの約束' })).toContainText('評価には使わず');

  // A mode, and keep this conversation for 30 days.
  await page.getByText('モヤモヤ整理', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'モヤモヤ整理' })).toBeChecked();
  await expect(page.getByText('今、気になっていること・モヤモヤしていることを')).toBeVisible();
  await page.getByLabel('会話を残すかどうか').selectOption('30');

  // Watch the answer grow while it streams in.
  const log = page.getByRole('log', { name: 'キャリア相談との会話' });
  await page.evaluate(() => {
    const w = window as unknown as { __lengths: number[] };
    w.__lengths = [];
    const target = document.querySelector('[role="log"]')!;
    new MutationObserver(() => w.__lengths.push(target.textContent?.length ?? 0)).observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const box = page.getByRole('textbox', { name: 'メッセージ' });
  await box.fill(message);
  const chat = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/companion/chat');
  await box.press('Enter');
  expect((await chat).headers()['content-type']).toContain('text/event-stream');
  await expect(box).toHaveValue('');
  await expect(log.getByText(message, { exact: true })).toBeVisible();
  // The offline engine reflects the employee's own words back, then asks the next question.
  await expect(log).toContainText(`「${canary}の件で、最近モヤモヤしています」と書いてくれましたね。`);
  await expect(log).toContainText('それは、いつ頃から、どんな場面で感じることが多いですか？');
  await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
  const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
  expect(new Set(lengths).size, 'the answer arrived in several pieces').toBeGreaterThan(5);
  // Kept: the address now names the conversation, and its head shows how long it is kept.
  await expect(page).toHaveURL(/\/companion\?c=[0-9a-f-]{36}$/);
  const conversationId = new URL(page.url()).searchParams.get('c')!;
  await expect(page.getByLabel('保存期間')).toHaveValue('30');

  // まとめる → a summary in the employee's own words → 非公開メモに保存.
  await page.getByRole('button', { name: 'まとめる' }).click();
  const summary = page.getByRole('region', { name: 'まとめ' });
  await expect(summary.getByRole('heading', { name: 'モヤモヤの整理' })).toBeVisible();
  await expect(summary).toContainText(message);
  const saved = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/companion/notes' && r.request().method() === 'POST',
  );
  await summary.getByRole('button', { name: '非公開メモに保存' }).click();
  const noteId = ((await (await saved).json()) as { id: string }).id;
  await expect(summary.getByText('非公開メモに保存しました')).toBeVisible();

  // 残した会話: search by a word from it (and by one that is not in it), then open it.
  await page.getByRole('tab', { name: '残した会話' }).click();
  await expect(page).toHaveURL(/\/companion\/conversations$/);
  const search = page.getByRole('searchbox', { name: '会話を検索' });
  await search.fill('存在しないことば');
  await expect(page.getByText('「存在しないことば」を含む会話は見つかりませんでした。')).toBeVisible();
  await search.fill(canary);
  const item = page.getByRole('link').filter({ hasText: canary });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('モヤモヤ整理');
  await expect(item).toContainText('30日間残す');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/companion\\?c=${conversationId}$`));
  await expect(page.getByRole('log')).toContainText(message);

  // Export as Markdown: a download that holds the conversation.
  await page.getByRole('button', { name: 'この会話の操作' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Markdownで書き出す' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^engawa-companion-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain('# キャリア相談の記録');
  expect(markdown).toContain(message);

  // Delete, after a confirmation that says it cannot be undone.
  await page.getByRole('button', { name: 'この会話の操作' }).click();
  await page.getByRole('menuitem', { name: 'この会話を削除' }).click();
  const dialog = page.getByRole('dialog', { name: 'この会話を削除しますか？' });
  await expect(dialog).toContainText('削除すると元に戻せません。');
  await dialog.getByRole('button', { name: '削除する' }).click();
  await expect(page).toHaveURL(/\/companion\/conversations$/);
  // (Other journeys may have kept talks of their own for this demo account: look for this one only.)
  await expect(page.getByRole('main')).not.toContainText(message);
  const list = await page.request.get('/api/companion/conversations');
  expect(JSON.stringify(await list.json())).not.toContain(canary);
  expect(JSON.stringify(await list.json())).not.toContain(conversationId);
  const gone = await page.request.get(`/api/companion/conversations/${conversationId}`);
  expect(gone.status()).toBe(404);

  // The private note (from the summary) is still the employee's own.
  await page.getByRole('tab', { name: '非公開メモ' }).click();
  await page.getByRole('link').filter({ hasText: 'モヤモヤの整理' }).click();
  await expect(page.getByRole('article')).toContainText(message);
  await logOut(page);

  // Nobody else finds a trace: not the admin, not hr, not the employee's manager.
  for (const email of [DEMO.admin, DEMO_HR, DEMO_MANAGER]) {
    await sweep(page, email, canary, { note: noteId });
  }

  // The checks above could have failed: the canary was there all along, in the note its owner reads.
  await logInJa(page, DEMO.employee);
  await page.goto(`/companion/notes/${noteId}`);
  await expect(page.getByRole('article')).toContainText(canary);
  await page.getByRole('button', { name: '削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
  await expect(page).toHaveURL(/\/companion\/notes$/);
});

test('Enter while a Japanese IME is composing never sends; Enter after it does', async ({ page }) => {
  await logInJa(page, DEMO.employee);
  const kept = async () =>
    ((await (await page.request.get('/api/companion/conversations')).json()) as { items: unknown[] }).items;
  const keptBefore = await kept();
  await openCompanion(page);
  let chats = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/companion/chat') chats++;
  });
  const box = page.getByRole('textbox', { name: 'メッセージ' });
  await box.click();

  // A real composition through the browser's IME interface (what an IME does while converting).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'へんかん', selectionStart: 4, selectionEnd: 4 });
  await page.keyboard.press('Enter');
  // Safari-style confirmation: keyCode 229 without isComposing.
  await box.evaluate((el) => {
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, cancelable: true }),
    );
  });
  await page.waitForTimeout(500);
  expect(chats).toBe(0);
  await expect(page.getByRole('log').getByText('へんかん')).toHaveCount(0);

  // The conversion is confirmed; now Enter sends (Shift+Enter only adds a line).
  await cdp.send('Input.insertText', { text: '変換' });
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('二行目');
  expect(chats).toBe(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log')).toContainText('二行目');
  expect(chats).toBe(1);
  await expect(page.getByRole('log')).toContainText('変換');
  // Not kept (the default): nothing was stored.
  expect(await kept()).toEqual(keptBefore);
});

test('a failed answer keeps the message and can be sent again; 停止 stops waiting for one', async ({
  page,
}) => {
  await logInJa(page, DEMO.employee);
  await openCompanion(page);
  const box = page.getByRole('textbox', { name: 'メッセージ' });
  const log = page.getByRole('log', { name: 'キャリア相談との会話' });

  // The model fails (what the server streams when the AI endpoint errors): said plainly, text kept.
  const failure =
    'data: {"type":"error","code":"companion.model_failed","message":"AIからの応答を受け取れませんでした。あなたのメッセージは失われていません。"}\n\ndata: {"type":"done"}\n\n';
  await page.route('**/api/companion/chat', (route) =>
    route.fulfill({ status: 200, contentType: 'text/event-stream; charset=utf-8', body: failure }),
  );
  await box.fill('チームの役割分担について相談したいです。');
  await box.press('Enter');
  const alert = log.getByRole('alert');
  await expect(alert).toContainText('このメッセージには、まだ回答がありません。');
  await expect(alert).toContainText('あなたのメッセージは失われていません。');
  await expect(log.getByText('チームの役割分担について相談したいです。', { exact: true })).toBeVisible();

  // Sent again once the model is back: the same message, answered, shown once.
  await page.unroute('**/api/companion/chat');
  await alert.getByRole('button', { name: 'もう一度送る' }).click();
  await expect(log).toContainText('「チームの役割分担について相談したいです」');
  await expect(log.getByRole('alert')).toHaveCount(0);
  await expect(log.getByText('チームの役割分担について相談したいです。', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '送信' })).toBeVisible();

  // 停止 while waiting for an answer (the answer is held back so the click cannot come too late):
  // the message stays, the answer is marked as stopped, and the box is free again.
  await page.route('**/api/companion/chat', () => {
    // Never answered: the page's stop aborts the request.
  });
  await box.fill('次は、来年の目標について話したいと思っています。');
  await box.press('Enter');
  await expect(log.getByText('考えています…')).toBeVisible();
  await page.getByRole('button', { name: '停止' }).click();
  await expect(log.getByText('途中で停止しました')).toBeVisible();
  await expect(log.getByText('考えています…')).toHaveCount(0);
  await expect(log.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
  await expect(
    log.getByText('次は、来年の目標について話したいと思っています。', { exact: true }),
  ).toBeVisible();
});
