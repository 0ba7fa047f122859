import { test, expect } from '@playwright/test';
import { DEMO, logInJa, mainNav } from './helpers.ts';

/**
 * 管理 › CSV取り込み with one bad row: the report names the line, the column and the reason, and
 * nothing is imported — not even the good row before it (all or nothing).
 */
test('an admin imports a users CSV with one bad row: exact report, nothing imported', async ({
  page,
}, testInfo) => {
  const stamp = `${Date.now()}${testInfo.workerIndex}`;
  const goodEmail = `e2e-import-${stamp}@example.com`;
  const goodName = `取込 良子${stamp}`;
  // Line 1 is the header; line 2 is fine; line 3 has an e-mail address that is not one.
  const csv = [
    'email,name,name_kana',
    `${goodEmail},${goodName},トリコミ ヨシコ`,
    'not-an-email,取込 悪夫,',
  ].join('\r\n');

  await logInJa(page, DEMO.admin);
  await mainNav(page).getByRole('link', { name: '管理', exact: true }).click();
  await expect(page.getByRole('heading', { name: '管理', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'CSV取り込み' }).click();
  await expect(page).toHaveURL(/\/admin\/import$/);

  await page.getByLabel('ユーザーCSV（users.csv）').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  const answered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/admin/import' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  const status = (await answered).status();
  expect(status >= 400 && status < 500, `import answered ${status}`).toBe(true);

  // The report: exactly one issue, on line 3, column email, with the reason in Japanese.
  await expect(page.getByText('取り込めませんでした')).toBeVisible();
  await expect(page.getByRole('heading', { name: '見つかった問題（1件）' })).toBeVisible();
  const issues = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '理由' }) });
  const rows = issues.getByRole('row');
  await expect(rows).toHaveCount(2); // header + the one issue
  const cells = rows.nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('users.csv');
  await expect(cells.nth(1)).toHaveText('3');
  await expect(cells.nth(2)).toHaveText('email');
  await expect(cells.nth(3)).toHaveText('メールアドレスの形式が正しくありません');
  await page.screenshot({ path: testInfo.outputPath('import-report.png'), fullPage: true });

  // Nothing was imported: the good row's person is not in the user list (screen and API agree).
  await page.getByRole('tab', { name: 'ユーザー', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('row').filter({ hasText: DEMO.employee })).toHaveCount(1);
  await expect(page.getByText(goodEmail)).toHaveCount(0);
  await expect(page.getByText(goodName)).toHaveCount(0);
  const list = await page.request.get(`/api/admin/users?q=${encodeURIComponent(goodEmail)}&status=all`);
  expect(list.status()).toBe(200);
  expect(JSON.stringify(await list.json())).not.toContain(goodEmail);

  // The check above could have failed: without the bad row, the same file would import its person
  // (a dry run, 検証のみ, so the demo company stays as it is for the other journeys).
  await page.getByRole('tab', { name: 'CSV取り込み' }).click();
  await page.getByLabel('ユーザーCSV（users.csv）').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.split('\r\n').slice(0, 2).join('\r\n'), 'utf8'),
  });
  await page.getByRole('checkbox', { name: /検証のみ/ }).check();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByText('ユーザー: 新規 1件・更新 0件・変更なし 0件')).toBeVisible();
  await expect(page.getByText('検証が完了しました（まだ取り込んでいません）')).toBeVisible();
  const after = await page.request.get(`/api/admin/users?q=${encodeURIComponent(goodEmail)}&status=all`);
  expect(JSON.stringify(await after.json())).not.toContain(goodEmail);
});
