import { test, expect, type Page } from '@playwright/test';
import { DEMO, mainNav, submitLoginJa } from './helpers.ts';

/**
 * キャリア: an employee fills part of the profile in Japanese (a learning goal and a skill), sees
 * recommendations with their reasons and applies through the consent screen; hr sees the
 * application; the employee shares one 1on1 agenda item and keeps another private; the manager
 * sees the shared item and not the private one.
 */

const DEMO_HR = 'hr@demo.engawa.example';
const DEMO_MANAGER = 'manager@demo.engawa.example';

async function logInJa(page: Page, email: string) {
  await submitLoginJa(page, email);
  const home = mainNav(page).getByRole('link', { name: /^(ホーム|Home)$/ });
  await expect(home).toBeVisible();
  if ((await home.innerText()).trim() !== 'ホーム') {
    await page.getByRole('combobox', { name: /^(言語 \/ Language|Language \/ 言語)$/ }).selectOption('ja');
  }
  await expect(mainNav(page).getByRole('link', { name: 'ホーム', exact: true })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /^ユーザーメニュー（/ }).click();
  await page.getByRole('menuitem', { name: 'ログアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('career profile, explained recommendations, consent to apply, and the 1on1 bridge', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const goalTitle = `データで意思決定を支える${run}`;
  const sharedTopic = `来期の役割について相談したい${run}`;
  const privateTopic = `まだ言えない転職の迷い${run}`;

  // The employee fills a learning goal and a skill, in Japanese.
  await logInJa(page, DEMO.employee);
  await mainNav(page).getByRole('link', { name: 'キャリア', exact: true }).click();
  await expect(page).toHaveURL(/\/career$/);
  await expect(page.getByRole('heading', { name: 'キャリア', level: 1 })).toBeVisible();
  await expect(page.getByText('プロフィールは初期設定ではあなただけが見られます')).toBeVisible();

  const goals = page.getByRole('region', { name: '目標', exact: true });
  await goals.getByRole('button', { name: '学びの目標を追加' }).click();
  await goals.getByLabel('目標', { exact: true }).last().fill(goalTitle);
  await goals.getByLabel('身につけたいスキル').last().fill('RAG、LLM');
  await goals.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('保存しました').first()).toBeVisible();

  const skills = page.getByRole('region', { name: 'スキル', exact: true });
  await skills.getByRole('textbox', { name: 'スキル', exact: true }).fill('Excel');
  await skills.getByRole('button', { name: '追加', exact: true }).click();
  await expect(skills.getByText('Excel・スプレッドシート', { exact: true })).toBeVisible();

  // Every part is private until its own switch is turned on.
  await expect(goals.getByText('非公開', { exact: true })).toBeVisible();

  // Recommendations, each with its reason in plain words.
  await page.getByRole('tab', { name: '社内の機会', exact: true }).click();
  await expect(page).toHaveURL(/\/career\/opportunities$/);
  const goalReason = page.getByText(new RegExp(`目標『${goalTitle}』に必要な『.+』が身につく`)).first();
  await expect(goalReason).toBeVisible();
  const card = page.getByRole('article').filter({ has: goalReason }).first();
  const title = (await card.getByRole('heading').innerText()).trim();

  // Apply: the consent screen shows exactly what the owner and hr will receive.
  await card.getByRole('button', { name: '応募する', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('応募すると、下に表示されている内容だけが')).toBeVisible();
  const preview = dialog.getByTestId('apply-preview');
  // Nothing of the profile is sent unless ticked.
  await expect(preview.getByText('プロフィールの項目は送られません。')).toBeVisible();
  await dialog.getByRole('checkbox', { name: '目標', exact: true }).check();
  await expect(preview.getByText(goalTitle)).toBeVisible();
  await expect(preview.getByText(/人事/)).toBeVisible();
  await dialog.getByRole('button', { name: 'この内容で応募する' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: '応募したもの', exact: true }).click();
  await expect(page.getByText(title, { exact: true })).toBeVisible();

  // The 1on1 agenda: one item shared, one kept private.
  await page.getByRole('tab', { name: '1on1', exact: true }).click();
  await expect(page).toHaveURL(/\/career\/oneonone$/);
  for (const [topic, want] of [
    [sharedTopic, '助言がほしい'],
    [privateTopic, '聞いてほしい'],
  ] as const) {
    await page.getByLabel('話したいこと', { exact: true }).fill(topic);
    await page.getByRole('radio', { name: want, exact: true }).check();
    await page.getByRole('button', { name: '項目を追加', exact: true }).click();
    await expect(page.getByRole('article', { name: topic })).toBeVisible();
  }
  await page.getByRole('article', { name: sharedTopic }).getByRole('button', { name: '共有する' }).click();
  await expect(page.getByRole('article', { name: sharedTopic }).getByText(/に共有中$/)).toBeVisible();
  await expect(
    page.getByRole('article', { name: privateTopic }).getByText('非公開', { exact: true }),
  ).toBeVisible();

  // The preview shows what the manager will see: the shared item only.
  await page.getByRole('button', { name: '上司に見える内容を確認' }).click();
  const managerPreview = page.getByRole('dialog').getByTestId('manager-preview');
  await expect(managerPreview.getByText(sharedTopic)).toBeVisible();
  await expect(managerPreview.getByText(privateTopic)).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();
  await logOut(page);

  // hr sees the application in the catalog management.
  await logInJa(page, DEMO_HR);
  await page.goto('/career/manage');
  const managed = page.getByRole('article').filter({ hasText: title }).first();
  await expect(managed).toBeVisible();
  await managed.getByRole('button', { name: '応募を見る' }).click();
  const applications = page.getByRole('dialog');
  await expect(applications.getByTestId('application').first()).toBeVisible();
  await expect(applications.getByText(goalTitle)).toBeVisible();
  await page.keyboard.press('Escape');
  await logOut(page);

  // The manager sees the shared item and not the private one.
  await logInJa(page, DEMO_MANAGER);
  await page.goto('/career/oneonone');
  const members = page.getByRole('region', { name: 'メンバーとの1on1' });
  await expect(members).toBeVisible();
  const links = members.getByRole('link');
  const count = await links.count();
  let found = false;
  for (let i = 0; i < count && !found; i++) {
    await page.goto('/career/oneonone');
    await members.getByRole('link').nth(i).click();
    await expect(page).toHaveURL(/\/career\/oneonone\/.+/);
    await expect(page.getByText('メンバーが共有した項目だけが表示されます')).toBeVisible();
    found = (await page.getByText(sharedTopic).count()) > 0;
  }
  expect(found).toBe(true);
  await expect(page.getByText(sharedTopic)).toBeVisible();
  await expect(page.getByText(privateTopic)).toHaveCount(0);
  expect(await page.content()).not.toContain(privateTopic);
});
