/**
 * Issue 21, the console's user form in the browser: a refused password reads in the page's language — Chinese on a
 * zh-CN page (no "too common", no reason id), English on an en page — when creating a user and when resetting a
 * password.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { USER_PASSWORD, createUser, newPage, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('password-words.e2e');

describe.skipIf(!HAS_CHROMIUM)('password refusals in the page language (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, 4611); // a fixed port of its own (4600–4649: the browser tests of this brief)
    await stack.api('/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        username: 'ops',
        password: USER_PASSWORD,
        role: 'admin',
      }),
    });
    await createUser(stack, 'nurse.sun', 'nurse');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('zh-CN: creating a user with a common password, and resetting to one, says why in Chinese', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/users`);
      await page.locator('#new-username').fill('nurse.qian');
      await page.locator('#new-password').fill('password');
      await page.locator('#new-role').selectOption('nurse');
      await page.getByRole('button', { name: '创建用户' }).click();
      const refusal = page.getByTestId('password-refusal');
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe('密码太常见（在常用密码列表中），请换一个。');
      await page.screenshot({ path: join(SHOTS, 'issue21-password-zh.png'), fullPage: true });

      const row = page.locator('tr', { hasText: 'nurse.sun' });
      await row.getByRole('button', { name: '重置密码' }).click();
      await page.getByLabel('nurse.sun 的新密码').fill('nurse.sun-1');
      await row.getByRole('button', { name: '保存' }).click();
      await page.getByText('密码与用户名或产品名称太接近（除去它们须至少还有 8 个字符）。').waitFor();
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).not.toMatch(/too common|too close|identity\.password|password:/);
    } finally {
      await context.close();
    }
  });

  it('en: the same refusal in English, the admin minimum with its number', async () => {
    const { context, page } = await newPage(browser!, 'en');
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/users`);
      await page.locator('#new-username').fill('ops.two');
      await page.locator('#new-password').fill('short-but-ok');
      await page.locator('#new-role').selectOption('admin');
      // The hint follows the role (an administrator needs 15), and the page's own words refuse, not the browser's.
      expect(await page.locator('#new-password-hint').textContent()).toBe('At least 15 characters.');
      await page.getByRole('button', { name: 'Create user' }).click();
      const refusal = page.getByTestId('password-refusal');
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe('Password: at least 15 characters for an admin account.');
      expect((await page.locator('main').textContent()) ?? '').not.toMatch(
        /[\u4e00-\u9fff]|identity\.password/,
      );
    } finally {
      await context.close();
    }
  });
});
