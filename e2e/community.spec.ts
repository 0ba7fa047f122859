import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, logInJa } from './helpers.ts';

/** A second demo account in the same company (鈴木 健太, プロダクト開発部長); all share the demo password. */
const MANAGER = 'manager@demo.engawa.example';

/**
 * Working hours under which "now" (and the next 20 minutes) is inside a working window by the
 * server's rule (modules/notifications/working-hours.ts: windows start on Monday–Friday in the
 * person's zone, an overnight window belongs to the day it starts). 00:00–23:59 alone is not enough
 * on weekends, so this picks a zone where it is a weekday now, or an overnight window that began on
 * a Friday. The server is not weakened: the test only chooses settings any person could choose.
 */
export function alwaysWorkingHours(now = new Date()): {
  timeZone: string;
  workStart: string;
  workEnd: string;
} {
  const zones = ['Asia/Tokyo', 'UTC', 'America/Los_Angeles', 'Etc/GMT-14', 'Etc/GMT+12', 'Pacific/Pago_Pago'];
  const windows: Array<[string, string]> = [
    ['00:00', '23:59'],
    ['23:59', '23:58'],
  ];
  const local = (t: Date, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
    return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  };
  const weekday = (d: number) => d >= 1 && d <= 5;
  const inWindow = (t: Date, timeZone: string, [start, end]: [string, string]) => {
    const { day, minutes } = local(t, timeZone);
    const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    const s = toMin(start);
    const e = toMin(end);
    if (e > s) return weekday(day) && minutes >= s && minutes < e;
    // Overnight: started today (after s) or yesterday (before e).
    return (minutes >= s && weekday(day)) || (minutes < e && weekday((day + 6) % 7));
  };
  for (const timeZone of zones) {
    for (const w of windows) {
      let ok = true;
      for (let m = 0; m <= 20 && ok; m++) ok = inWindow(new Date(now.getTime() + m * 60_000), timeZone, w);
      if (ok) return { timeZone, workStart: w[0], workEnd: w[1] };
    }
  }
  throw new Error('no working-hours setting covers the next 20 minutes');
}

/** PATCH /api/me through the page's own session (with its CSRF token), as the settings page does. */
async function setWorkingHours(request: APIRequestContext) {
  const session = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await request.patch('/api/me', {
    data: alwaysWorkingHours(),
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.status()).toBe(200);
}

/** The post card (article) whose text contains `text`. */
function postCard(page: Page, text: string) {
  return page.getByRole('article').filter({ hasText: text });
}

test('two colleagues: a mention reaches a non-member, a post appears live, a reaction and a comment reach the author, search finds 研修', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const a = await browser.newContext();
  const b = await browser.newContext();
  try {
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await logInJa(pageA, DEMO.employee);
    await logInJa(pageB, MANAGER);
    await setWorkingHours(pageA.request);
    await setWorkingHours(pageB.request);

    // A starts a community: name, purpose and rules are required.
    const name = `新人研修サポート ${Date.now().toString(36)}`;
    await pageA
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'コミュニティ' })
      .click();
    await pageA.getByRole('button', { name: 'コミュニティをつくる' }).first().click();
    const create = pageA.getByRole('dialog', { name: '新しいコミュニティ' });
    await create.getByLabel('名前').fill(name);
    await create.getByLabel('目的').fill('新人研修の進め方や悩みを、部署をこえて相談し合う場所です。');
    await create.getByLabel('ルール').fill('質問は歓迎。答えるときは出典を添える。');
    await create.getByRole('button', { name: 'つくる', exact: true }).click();
    await expect(pageA.getByRole('heading', { level: 1, name })).toBeVisible();

    // A's first post ever: the company code of conduct comes first, then the post is published.
    await pageA.getByRole('textbox', { name: '本文' }).fill('新人研修の資料置き場をつくりました。');
    await pageA.getByRole('button', { name: '投稿する', exact: true }).click();
    const conduct = pageA.getByRole('dialog', { name: '行動規範' });
    await expect(conduct).toBeVisible();
    await conduct.getByRole('button', { name: '行動規範を確認しました' }).click();
    await expect(postCard(pageA, '新人研修の資料置き場をつくりました。')).toBeVisible();

    // A mentions a colleague who is not a member (B has not joined yet) by typing part of a Japanese
    // name: the picker searches the company directory, and B is notified without reload.
    const body = pageA.getByRole('textbox', { name: '本文' });
    await body.fill('資料の置き場所を共有します。');
    await body.pressSequentially('@健太');
    await expect(pageA.getByRole('option', { name: /鈴木 健太/ })).toBeVisible();
    await body.press('Enter');
    await expect(body).toHaveValue(/^資料の置き場所を共有します。@\[鈴木 健太\]\(user:[\w-]+\) $/);
    await body.press('Control+Enter');
    await expect(postCard(pageA, '資料の置き場所を共有します。')).toBeVisible();
    const bellB = pageB.getByRole('button', { name: /^通知（未読 \d+件）$/ });
    await expect(bellB).toBeVisible({ timeout: 15_000 });
    await bellB.click();
    await expect(pageB.getByRole('dialog', { name: /^通知/ })).toContainText(
      '佐藤 美咲さんが「資料の置き場所を共有します。@鈴木 健太」であなたをメンションしました',
    );
    await pageB.keyboard.press('Escape');

    // B finds the community, reads its purpose and rules on the first visit, and joins.
    await pageB.goto('/community?scope=all');
    await pageB.getByRole('link', { name }).click();
    await expect(pageB.getByText('新人研修の進め方や悩みを、部署をこえて相談し合う場所です。')).toBeVisible();
    await pageB.getByRole('button', { name: '目的とルールを確認して参加する' }).click();
    await expect(pageB.getByRole('button', { name: 'コミュニティ', exact: true })).toBeVisible();

    // B waits on the home feed; A posts with a two-character Japanese word: it appears without reload.
    await pageB
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'ホーム' })
      .click();
    await expect(pageB.getByRole('heading', { name: 'あなたのコミュニティの新着' })).toBeVisible();
    await pageB.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    const token = Date.now().toString(36);
    const text = `来週の研修は水曜日です（${token}）`;
    await pageA.getByRole('textbox', { name: '本文' }).fill(text);
    await pageA.getByRole('textbox', { name: '本文' }).press('Control+Enter');
    await expect(postCard(pageA, text)).toBeVisible();
    const live = postCard(pageB, text);
    await expect(live).toBeVisible({ timeout: 15_000 });
    await expect(live.getByText('未読')).toBeVisible();
    expect(await pageB.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // B reacts: A sees the count change live on the community page.
    await live.getByRole('button', { name: 'リアクションする' }).click();
    await pageB.getByRole('button', { name: 'いいね', exact: true }).click();
    await expect(live.getByRole('button', { name: 'いいね 1件' })).toHaveAttribute('aria-pressed', 'true');
    await expect(postCard(pageA, text).getByRole('button', { name: 'いいね 1件' })).toBeVisible({
      timeout: 15_000,
    });
    // …and A gets a notification of the reaction, without reload.
    await expect(pageA.getByRole('button', { name: '通知（未読 1件）' })).toBeVisible({ timeout: 15_000 });

    // B comments (B's first post ever: the code of conduct again); A's bell shows it without reload.
    await live.getByRole('link', { name: /コメント/ }).click();
    await pageB.getByRole('textbox', { name: 'コメント' }).fill('参加します。研修の資料、助かります！');
    await pageB.getByRole('button', { name: 'コメントする' }).click();
    await pageB
      .getByRole('dialog', { name: '行動規範' })
      .getByRole('button', { name: '行動規範を確認しました' })
      .click();
    await expect(pageB.getByRole('article', { name: '鈴木 健太さんのコメント' })).toBeVisible();
    await expect(pageA.getByRole('button', { name: '通知（未読 2件）' })).toBeVisible({ timeout: 15_000 });
    await pageA.getByRole('button', { name: '通知（未読 2件）' }).click();
    await expect(pageA.getByRole('dialog', { name: /^通知/ })).toContainText('鈴木 健太さんがあなたの投稿');
    await expect(pageA.getByRole('dialog', { name: /^通知/ })).toContainText('リアクションしました');
    await pageA.screenshot({ path: testInfo.outputPath('community-a-bell.png'), fullPage: true });

    // B finds the post by the two-character word 研修, highlighted.
    await pageB.getByRole('search').getByRole('textbox', { name: '検索する言葉' }).fill('研修');
    await pageB.getByRole('search').getByRole('textbox', { name: '検索する言葉' }).press('Enter');
    await expect(pageB).toHaveURL(/\/search\?q=/);
    const hit = pageB.getByRole('article').filter({ hasText: token });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark', { hasText: '研修' }).first()).toBeVisible();
    await pageB.screenshot({ path: testInfo.outputPath('community-b-search.png'), fullPage: true });
  } finally {
    await a.close();
    await b.close();
  }
});
