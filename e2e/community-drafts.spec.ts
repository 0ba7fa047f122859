import { test, expect, type Locator, type Page } from '@playwright/test';
import { logInJa, mainNav } from './helpers.ts';

/**
 * A demo colleague no other spec signs in as (石川 悠人, 営業): posting here must not use up another
 * spec's "first post ever" (code of conduct) of the shared demo accounts.
 */
const WRITER = 'yuto.ishikawa@demo.engawa.example';

/** Keys of community drafts in this browser's localStorage (apps/web/src/features/community/drafts.ts). */
async function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('engawa.draft:')));
}

/** Sends, passing the company code of conduct if this is the writer's first post ever. */
async function publish(page: Page, button: Locator, published: Locator) {
  await button.click();
  const conduct = page.getByRole('dialog', { name: '行動規範' });
  await expect(conduct.or(published)).toBeVisible();
  if (await conduct.isVisible())
    await conduct.getByRole('button', { name: '行動規範を確認しました' }).click();
  await expect(published).toBeVisible();
}

test('a half-written post and comment survive navigating away, and are gone once sent or on logout', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await logInJa(page, WRITER);

  // A community of one's own, so the composer is there.
  const name = `下書きの練習 ${run}`;
  await mainNav(page).getByRole('link', { name: 'コミュニティ', exact: true }).click();
  await page.getByRole('button', { name: 'コミュニティをつくる' }).first().click();
  const create = page.getByRole('dialog', { name: '新しいコミュニティ' });
  await create.getByLabel('名前').fill(name);
  await create.getByLabel('目的').fill('下書きが消えないことを確かめる場所です。');
  await create.getByLabel('ルール').fill('自由に書いてください。');
  await create.getByRole('button', { name: 'つくる', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const communityUrl = page.url();

  // Half a post, then away to the home page and back: the text is still there, with a note.
  const body = page.getByRole('textbox', { name: '本文' });
  const text = `来週の勉強会の案内（書きかけ ${run}）`;
  await body.fill(text);
  await expect(page.getByText('下書きを復元しました')).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'ホーム', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'あなたのコミュニティの新着' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(body).toHaveValue(text);
  await expect(page.getByText('下書きを復元しました')).toBeVisible();
  // A reload keeps it too.
  await page.reload();
  await expect(body).toHaveValue(text);

  // Sent: it is posted, the composer is empty, and nothing comes back on the next visit.
  await publish(
    page,
    page.getByRole('button', { name: '投稿する', exact: true }),
    page.getByRole('article').filter({ hasText: text }),
  );
  await expect(body).toHaveValue('');
  await expect(page.getByText('下書きを復元しました')).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'ホーム', exact: true }).click();
  await page.goto(communityUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(body).toHaveValue('');
  await expect(page.getByText('下書きを復元しました')).toHaveCount(0);
  expect(await draftKeys(page)).toEqual([]);

  // A comment on that post: kept the same way; 破棄 forgets it.
  await page
    .getByRole('article')
    .filter({ hasText: text })
    .getByRole('link', { name: /コメント/ })
    .click();
  const comment = page.getByRole('textbox', { name: 'コメント' });
  await comment.fill(`参加します（${run}）`);
  await page.goBack();
  await page.goForward();
  await expect(comment).toHaveValue(`参加します（${run}）`);
  await page.getByRole('button', { name: '下書きを破棄する' }).click();
  await expect(comment).toHaveValue('');
  await page.reload();
  await expect(comment).toHaveValue('');
  await expect(page.getByText('下書きを復元しました')).toHaveCount(0);

  // Sending a comment clears its draft.
  await comment.fill(`資料ありがとうございます（${run}）`);
  await page.reload();
  await expect(comment).toHaveValue(`資料ありがとうございます（${run}）`);
  await publish(
    page,
    page.getByRole('button', { name: 'コメントする' }),
    page.getByRole('article').filter({ hasText: `資料ありがとうございます（${run}）` }),
  );
  await expect(comment).toHaveValue('');
  await page.reload();
  await expect(comment).toHaveValue('');

  // Logging out forgets every draft of the person in this browser.
  await comment.fill(`ログアウト前の書きかけ（${run}）`);
  await page.goto(communityUrl);
  await body.fill(`もう一つの書きかけ（${run}）`);
  await expect.poll(() => draftKeys(page).then((k) => k.length)).toBe(2);
  await page.getByRole('button', { name: /^ユーザーメニュー（/ }).click();
  await page.getByRole('menuitem', { name: 'ログアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await draftKeys(page)).toEqual([]);
  await logInJa(page, WRITER);
  await page.goto(communityUrl);
  await expect(body).toHaveValue('');
});
