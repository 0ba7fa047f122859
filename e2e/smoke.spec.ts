import { test, expect } from '@playwright/test';

/** The harness's own check: the server it started answers, and serves the web app. */
test('the server is ready and serves the web app', async ({ page, request }) => {
  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ok: true });

  const session = await request.get('/api/auth/session');
  expect(session.status()).toBe(200);
  const body = (await session.json()) as { user: unknown; demo: { enabled: boolean } };
  expect(body.user).toBeNull();
  expect(body.demo.enabled).toBe(true);

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', /^(ja|en)/);
  await expect(page.locator('#root')).not.toBeEmpty();
});
