import { test, expect } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, NAV, logInJa, mainNav, navLinkNames, submitLoginJa } from './helpers.ts';

// The journey leaves the demo employee in English; later specs expect Japanese, so put it back.
test.afterAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  try {
    const csrf = async () =>
      ((await (await api.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
    await api.post('/api/auth/login', {
      data: { email: DEMO.employee, password: DEMO_PASSWORD },
      headers: { 'x-csrf-token': await csrf() },
    });
    const res = await api.patch('/api/me', {
      data: { locale: 'ja' },
      headers: { 'x-csrf-token': await csrf() },
    });
    expect(res.status()).toBe(200);
  } finally {
    await api.dispose();
  }
});

test('an employee signs in in Japanese, switches to English for good, and signs out', async ({
  page,
  browser,
}) => {
  await logInJa(page, DEMO.employee);

  // Japanese home with the whole navigation, and no 管理 anywhere for an employee.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect.poll(() => navLinkNames(page)).toEqual([...NAV.ja]);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('さん');
  await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
  await expect(page.getByText('管理', { exact: true })).toHaveCount(0);
  // Typing the address does not help: /admin is "not found" for an employee, with no admin screen.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '管理', exact: true })).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await mainNav(page).getByRole('link', { name: 'ホーム', exact: true }).click();

  // Switch to English in the header: the choice is saved to the account (PATCH /api/me).
  const saved = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH',
  );
  await page.getByRole('combobox', { name: '言語 / Language' }).selectOption('en');
  expect((await saved).status()).toBe(200);
  await expect.poll(() => navLinkNames(page)).toEqual([...NAV.en]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);

  // Reload: still English.
  await page.reload();
  await expect.poll(() => navLinkNames(page)).toEqual([...NAV.en]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Remembered per user, not only in this browser: a fresh browser (nothing stored) shows the login
  // page in Japanese, and this employee's English once they have signed in.
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    await submitLoginJa(page2, DEMO.employee);
    await expect(mainNav(page2).getByRole('link', { name: 'Home', exact: true })).toBeVisible();
    await expect.poll(() => navLinkNames(page2)).toEqual([...NAV.en]);
  } finally {
    await other.close();
  }

  // Sign out from the user menu: back on the login page, and the app is closed again.
  await page.getByRole('button', { name: /^User menu \(/ }).click();
  await page.getByRole('menuitem', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  const session = await page.request.get('/api/auth/session');
  expect(((await session.json()) as { user: unknown }).user).toBeNull();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(mainNav(page)).toHaveCount(0);
});
