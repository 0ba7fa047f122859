import { test, expect, type Page } from '@playwright/test';
import { DEMO, mainNav, submitLoginJa } from './helpers.ts';

/**
 * キャリア: an employee fills the profile in Japanese (a learning goal, a skill, a strength, a value
 * card and an own value, one experience ledger entry; all still there after a reload), sees
 * recommendations with their reasons and applies through the consent screen; hr sees the
 * application; the employee shares one 1on1 agenda item and keeps another private; the manager
 * sees the shared item and not the private one. A private career talk's summary becomes a draft
 * agenda item (edited, still private); a colleague sees the employee's published skills on their
 * public page and not the unpublished goals.
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
  const talk = `仕事の任され方を1on1で相談したい${run}`;
  const draftTopic = `任され方の相談${run}`;
  const strength = `相手の話を最後まで聞き切る${run}`;
  const ownValue = `家族との時間${run}`;
  const experience = `問い合わせ分析の自動化${run}`;

  // The employee fills the profile in Japanese: a learning goal, a skill, a strength, values, an experience.
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

  const strengths = page.getByRole('region', { name: '強み', exact: true });
  await strengths.getByRole('textbox', { name: '強み', exact: true }).fill(strength);
  await strengths.getByRole('button', { name: '追加', exact: true }).click();
  await expect(strengths.getByText(strength, { exact: true })).toBeVisible();

  // A card from the card sort, then one in my own words (each save waits for the one before).
  const values = page.getByRole('region', { name: '価値観', exact: true });
  const curiosity = values.getByRole('checkbox', { name: '好奇心', exact: true });
  await expect(curiosity).not.toBeChecked();
  await values.getByText('好奇心', { exact: true }).click();
  await expect(curiosity).toBeChecked();
  await values.getByRole('textbox', { name: '自分の言葉で追加' }).fill(ownValue);
  await values.getByRole('button', { name: '追加', exact: true }).click();
  await expect(values.getByText(new RegExp(`^\\d+\\. ${ownValue}$`))).toBeVisible();

  // One entry of the experience ledger: project, role, challenge, outcome, learning, when.
  const ledger = page.getByRole('region', { name: '経験', exact: true });
  await ledger.getByRole('button', { name: '経験を追加' }).click();
  await ledger.getByRole('textbox', { name: 'プロジェクト・仕事' }).fill(experience);
  await ledger.getByRole('textbox', { name: '役割', exact: true }).fill('取りまとめ役');
  await ledger.getByRole('textbox', { name: '挑戦したこと' }).fill('初めてPythonで集計を自動化した');
  await ledger.getByRole('textbox', { name: '結果', exact: true }).click();
  await page.getByRole('option', { name: '一部できた', exact: true }).click();
  await ledger.getByRole('textbox', { name: '学んだこと' }).fill('小さく試してから広げる');
  await ledger.getByLabel('開始（年月）').fill('2025-04');
  await ledger.getByLabel('終了（年月）').fill('2025-09');
  await ledger.getByRole('button', { name: '保存', exact: true }).click();
  const entry = ledger.getByRole('article', { name: experience });
  await expect(entry).toBeVisible();

  // Everything is still there after a reload (saved on the server, not only on screen).
  await page.reload();
  await expect(strengths.getByText(strength, { exact: true })).toBeVisible();
  await expect(curiosity).toBeChecked();
  await expect(values.getByText(new RegExp(`^\\d+\\. ${ownValue}$`))).toBeVisible();
  await expect(skills.getByText('Excel・スプレッドシート', { exact: true })).toBeVisible();
  await expect(goals.getByText(goalTitle, { exact: true })).toBeVisible();
  await expect(entry.getByText('一部できた', { exact: true })).toBeVisible();
  await expect(entry).toContainText('プロジェクト · 取りまとめ役 · 2025-04〜2025-09');
  await expect(entry).toContainText('挑戦したこと: 初めてPythonで集計を自動化した');
  await expect(entry).toContainText('学んだこと: 小さく試してから広げる');

  // Every part is private until its own switch is turned on.
  await expect(goals.getByText('非公開', { exact: true })).toBeVisible();

  // My public page shows only the published parts; remember where it is for a colleague.
  await page.getByRole('link', { name: '公開プロフィールを見る' }).click();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  const publicPage = new URL(page.url()).pathname;
  const publicCareer = page.getByRole('region', { name: '公開しているキャリア情報' });
  await expect(publicCareer.getByText('Excel・スプレッドシート')).toBeVisible();
  await expect(publicCareer.getByText(goalTitle)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/career$/);

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

  // A private career talk, summarised, becomes a draft agenda item that stays private; then edited.
  await page.goto('/companion');
  await page.getByLabel('会話を残すかどうか').selectOption('30');
  const box = page.getByRole('textbox', { name: 'メッセージ' });
  await box.fill(talk);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/companion\?c=[0-9a-f-]{36}$/);
  const talkUrl = new URL(page.url()).pathname + new URL(page.url()).search;
  await page.getByRole('button', { name: 'まとめる' }).click();
  await expect(page.getByRole('region', { name: 'まとめ' })).toBeVisible();
  await page.goto('/career/oneonone');
  await page.getByRole('button', { name: '相談のまとめから下書き' }).click();
  const picker = page.getByRole('dialog', { name: 'キャリア相談のまとめから下書きを作る' });
  await picker
    .getByRole('article')
    .filter({ hasText: talk })
    .getByRole('button', { name: 'この会話から下書きを作る' })
    .click();
  const editor = page.getByRole('dialog', { name: '項目を編集' });
  await expect(editor.getByLabel('話したいこと')).toHaveValue(new RegExp(talk.slice(0, 8)));
  await editor.getByLabel('話したいこと').fill(draftTopic);
  await editor.getByRole('radio', { name: '聞いてほしい', exact: true }).check();
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor).toBeHidden();
  const drafted = page.getByRole('article', { name: draftTopic });
  await expect(drafted.getByText('キャリア相談から', { exact: true })).toBeVisible();
  await expect(drafted.getByText('聞いてほしい', { exact: true })).toBeVisible();
  await expect(drafted.getByText('非公開', { exact: true })).toBeVisible();

  // The talk itself is deleted; the draft made from it is a copy and stays.
  await page.goto(talkUrl);
  await page.getByRole('button', { name: 'この会話の操作' }).click();
  await page.getByRole('menuitem', { name: 'この会話を削除' }).click();
  await page
    .getByRole('dialog', { name: 'この会話を削除しますか？' })
    .getByRole('button', { name: '削除する' })
    .click();
  await expect(page).toHaveURL(/\/companion\/conversations$/);
  await page.goto('/career/oneonone');
  await expect(page.getByRole('article', { name: draftTopic })).toBeVisible();

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
  // The list is paged; the keyword filter finds it wherever it is.
  await page.getByRole('searchbox', { name: 'キーワード' }).fill(title);
  await expect(page.getByText(/^\d+件中 \d+件を表示$/)).toBeVisible();
  const managed = page.getByRole('article').filter({ hasText: title }).first();
  await expect(managed).toBeVisible();
  await managed.getByRole('button', { name: '応募を見る' }).click();
  const applications = page.getByRole('dialog');
  await expect(applications.getByTestId('application').first()).toBeVisible();
  await expect(applications.getByText(goalTitle)).toBeVisible();
  await page.keyboard.press('Escape');

  // hr names the owner by searching the directory for part of a Japanese name.
  await managed.getByRole('button', { name: '編集', exact: true }).click();
  const form = page.getByRole('dialog', { name: '機会を編集' });
  await form.getByLabel('担当者').fill('鈴木');
  await page.getByRole('option', { name: /鈴木 健太/ }).click();
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(managed).toContainText('担当者: 鈴木 健太');
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
  expect(await page.content()).not.toContain(draftTopic);

  // A colleague on the employee's public page: the published skills, not the private goals.
  await page.goto(publicPage);
  const career = page.getByRole('region', { name: '公開しているキャリア情報' });
  await expect(career.getByText('Excel・スプレッドシート')).toBeVisible();
  await expect(career.getByText(/レベル\d/).first()).toBeVisible();
  await expect(page.getByText(goalTitle)).toHaveCount(0);
  expect(await page.content()).not.toContain(goalTitle);
});
