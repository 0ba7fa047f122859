import { expect, type Page } from '@playwright/test';

/** The demo company's accounts; scripts/e2e.mjs starts the server with the default demo password. */
export const DEMO_PASSWORD = 'engawa-demo';
export const DEMO = {
  admin: 'admin@demo.engawa.example',
  employee: 'employee@demo.engawa.example',
} as const;

/** The main navigation as a signed-in user sees it, by language (the shell's menu order). */
export const NAV = {
  ja: ['ホーム', 'コミュニティ', 'キャリア相談', 'キャリア', 'サンクス', 'ナレッジ'],
  en: ['Home', 'Communities', 'Career talk', 'Career', 'Thanks', 'Know-how'],
} as const;

/** The main navigation landmark of the signed-in shell (メインメニュー / Main menu). */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: /^(メインメニュー|Main menu)$/ });
}

/** The main navigation's links, in order, by their visible names. */
export async function navLinkNames(page: Page): Promise<string[]> {
  return (await mainNav(page).getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** Fills and submits the Japanese login page, the way a person does (labelled fields, ログイン). */
export async function submitLoginJa(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'ログイン', exact: true })).toBeVisible();
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** Signs in through the Japanese login page and waits for the Japanese signed-in shell. */
export async function logInJa(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLoginJa(page, email, password);
  await expect(mainNav(page).getByRole('link', { name: 'ホーム', exact: true })).toBeVisible();
}
