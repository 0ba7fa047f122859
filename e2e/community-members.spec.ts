import { test, expect, type Locator, type Page } from '@playwright/test';
import { DEMO, logInJa } from './helpers.ts';

/** Demo colleagues (all share the demo password): 鈴木 健太 (manager) and 田中 陽菜 (HR). */
const MANAGER = 'manager@demo.engawa.example';
const HR = 'hr@demo.engawa.example';

async function openCreateDialog(page: Page): Promise<Locator> {
  await page.goto('/community');
  await page.getByRole('button', { name: 'コミュニティをつくる' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新しいコミュニティ' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillRequired(dialog: Locator, name: string) {
  await dialog.getByLabel('名前').fill(name);
  await dialog.getByLabel('目的').fill('部署をこえて、日々の工夫を持ち寄る場所です。');
  await dialog.getByLabel('ルール').fill('質問は歓迎。困りごとも気軽に。');
}

test('an organizer picks a co-organizer by a part of a Japanese name, and adds a member to a private community', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const organizerCtx = await browser.newContext();
  const memberCtx = await browser.newContext();
  const managerCtx = await browser.newContext();
  try {
    const page = await organizerCtx.newPage();
    await logInJa(page, DEMO.employee);
    const suffix = Date.now().toString(36);

    // 1. An open community with 鈴木 健太 as co-organizer, chosen by typing 「鈴木」.
    const openName = `テスト設計の会 ${suffix}`;
    let dialog = await openCreateDialog(page);
    await fillRequired(dialog, openName);
    const organizers = dialog.getByLabel('一緒に運営する人（任意）');
    await organizers.fill('鈴木');
    const suzuki = page.getByRole('option', { name: /鈴木 健太/ });
    await expect(suzuki).toBeVisible();
    await expect(suzuki).toContainText('プロダクト開発部');
    await page.screenshot({ path: testInfo.outputPath('picker-options.png') });
    // Enter confirming a Japanese conversion (IME) must not pick anyone…
    await organizers.evaluate((el) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          code: 'Enter',
          keyCode: 229,
          isComposing: true,
          bubbles: true,
        }),
      ),
    );
    await expect(dialog.getByRole('button', { name: '鈴木 健太さんを外す' })).toHaveCount(0);
    await expect(suzuki).toBeVisible();
    // …a real Enter picks the pre-selected first suggestion, and does not submit the form.
    await organizers.press('Enter');
    await expect(dialog.getByRole('button', { name: '鈴木 健太さんを外す' })).toBeVisible();
    await expect(dialog).toBeVisible();
    await expect(organizers).toHaveValue('');
    await dialog.getByRole('button', { name: 'つくる', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: openName })).toBeVisible();
    await expect(page.getByText(/運営: .*鈴木 健太/)).toBeVisible();

    // 2. A private community: nobody can ask to join it, so the organizer adds 田中 陽菜.
    const privateName = `人事との相談室 ${suffix}`;
    dialog = await openCreateDialog(page);
    await fillRequired(dialog, privateName);
    await dialog.getByRole('radio', { name: '非公開' }).check();
    await dialog.getByLabel('非公開にする理由').fill('個別の相談内容を扱うため。');
    await dialog.getByRole('button', { name: 'つくる', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: privateName })).toBeVisible();
    const communityUrl = page.url();

    await page.getByRole('button', { name: 'コミュニティ', exact: true }).click();
    await page.getByRole('menuitem', { name: 'コミュニティの設定' }).click();
    const section = page.getByRole('region', { name: 'メンバー', exact: true });
    await expect(section).toBeVisible();
    await expect(section.getByRole('listitem')).toHaveCount(1); // only the creator so far
    const add = section.getByLabel('メンバーを追加');
    await add.fill('田中');
    await page.getByRole('option', { name: /田中 陽菜/ }).click();
    await section.getByRole('button', { name: '追加', exact: true }).click();
    await expect(page.getByText('田中 陽菜さんをメンバーに追加しました')).toBeVisible();
    const tanaka = section.getByRole('listitem').filter({ hasText: '田中 陽菜' });
    await expect(tanaka).toBeVisible();
    await expect(tanaka).toContainText('メンバー');
    await expect(section.getByText('2人が参加しています')).toBeVisible();

    // Screenshots of the members section: phone width and desktop width.
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: testInfo.outputPath('members-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: testInfo.outputPath('members-desktop.png') });

    // 3. 田中 陽菜 signs in and finds the private community among hers, and can open it.
    const memberPage = await memberCtx.newPage();
    await logInJa(memberPage, HR);
    await memberPage.goto('/community?scope=joined');
    await memberPage.getByRole('link', { name: privateName }).click();
    await expect(memberPage.getByRole('heading', { level: 1, name: privateName })).toBeVisible();
    expect(new URL(memberPage.url()).pathname).toBe(new URL(communityUrl).pathname);

    // 4. The organizer makes her an organizer, steps her back, then removes her after confirming.
    await tanaka.getByRole('button', { name: '田中 陽菜さんの操作' }).click();
    await page.getByRole('menuitem', { name: '運営者にする' }).click();
    await expect(tanaka).toContainText('運営者');
    await tanaka.getByRole('button', { name: '田中 陽菜さんの操作' }).click();
    await page.getByRole('menuitem', { name: '運営者から外す' }).click();
    await expect(tanaka).toContainText('メンバー');
    await tanaka.getByRole('button', { name: '田中 陽菜さんの操作' }).click();
    await page.getByRole('menuitem', { name: 'コミュニティから外す' }).click();
    const confirm = page.getByRole('dialog', { name: 'メンバーを外しますか？' });
    await expect(confirm).toContainText('外すとこのコミュニティは見えなくなります');
    await confirm.getByRole('button', { name: 'コミュニティから外す' }).click();
    await expect(confirm).toBeHidden();
    await expect(section.getByRole('listitem')).toHaveCount(1);

    // …and now it is hidden from her.
    await memberPage.reload();
    await expect(memberPage.getByRole('heading', { level: 1, name: privateName })).toHaveCount(0);

    // The only organizer cannot step down: the server's reason is shown as it is.
    await section.getByRole('button', { name: '佐藤 美咲さんの操作' }).click();
    await page.getByRole('menuitem', { name: '運営者をやめる' }).click();
    const stepDown = page.getByRole('dialog', { name: '運営者をやめますか？' });
    await stepDown.getByRole('button', { name: '運営者をやめる' }).click();
    await expect(stepDown.getByRole('alert')).toHaveText(
      'コミュニティには少なくとも1人の運営者が必要です。先に別の運営者を追加してください。',
    );
    await stepDown.getByRole('button', { name: 'キャンセル' }).click();
    await expect(section.getByRole('listitem').filter({ hasText: '佐藤 美咲' })).toContainText('運営者');

    // The manager (co-organizer of the first community) sees it among the communities he runs.
    const managerPage = await managerCtx.newPage();
    await logInJa(managerPage, MANAGER);
    await managerPage.goto('/community');
    await managerPage.getByRole('link', { name: openName }).click();
    await expect(managerPage.getByRole('button', { name: 'コミュニティ', exact: true })).toBeVisible();
    await managerPage.getByRole('button', { name: 'コミュニティ', exact: true }).click();
    await managerPage.getByRole('menuitem', { name: 'コミュニティの設定' }).click();
    // With two organizers, he can step down; the settings are then no longer his.
    await managerPage.getByRole('button', { name: '鈴木 健太さんの操作' }).click();
    await managerPage.getByRole('menuitem', { name: '運営者をやめる' }).click();
    await managerPage
      .getByRole('dialog', { name: '運営者をやめますか？' })
      .getByRole('button', { name: '運営者をやめる' })
      .click();
    await expect(managerPage.getByRole('heading', { level: 1, name: openName })).toBeVisible();
    await expect(managerPage.getByText(/運営: 佐藤 美咲$/)).toBeVisible();
    await managerPage.getByRole('button', { name: 'コミュニティ', exact: true }).click();
    await expect(managerPage.getByRole('menuitem', { name: '退出する' })).toBeVisible();
    await expect(managerPage.getByRole('menuitem', { name: 'コミュニティの設定' })).toHaveCount(0);
  } finally {
    await organizerCtx.close();
    await memberCtx.close();
    await managerCtx.close();
  }
});
