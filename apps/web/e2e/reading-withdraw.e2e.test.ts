/**
 * Issue 20 (decision 0020), a patient on a 375 px phone in zh-CN: a reading typed twice is withdrawn from the
 * recent list — 撤回, a confirm dialog that fits the phone with a reason to pick, 确认撤回 — and leaves the list;
 * the clinician's BP page offers 标记为录入错误 with a required reason, and keeps the reading listed as 已撤回.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('reading-withdraw.e2e');
const PHONE = { width: 375, height: 812 };
/** Fixer C's port range (4800–4819). */
const PORT = 4807;

describe.skipIf(!HAS_CHROMIUM)('withdrawing a reading entered in error (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, PORT);
    await putPatient(stack, 'wd-phone-1', '钱', '芳', '1958-03-02');
    await createUser(stack, 'wd-patient', 'patient', 'wd-phone-1');
    await createUser(stack, 'wd-doctor', 'clinician');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('on the phone: 撤回 → dialog → 确认撤回; the reading leaves the list, the page stays 375 px wide', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN', PHONE);
    try {
      await signIn(page, stack!.base, 'wd-patient');
      await page.getByTestId('care-home').waitFor();
      const form = page.getByTestId('reading-form');
      for (const [sbp, dbp] of [
        ['132', '84'],
        ['168', '84'], // the same reading typed with a wrong digit
      ]) {
        await form.locator('input[name=sbp]').fill(sbp!);
        await form.locator('input[name=dbp]').fill(dbp!);
        await form.locator('button[type=submit]').click();
        await page.getByTestId('recent-readings').getByText(`${sbp}/${dbp}`).waitFor();
      }
      const list = page.getByTestId('recent-readings');
      const wrong = list.locator('li', { hasText: '168/84' });
      await wrong.getByTestId('reading-withdraw').click();
      const dialog = page.getByTestId('withdraw-dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('撤回这条读数？');
      // No reason picked: the dialog says so and nothing is sent.
      await dialog.getByTestId('withdraw-confirm').click();
      expect(await dialog.getByRole('alert').innerText()).toContain('请填写原因');
      await dialog.getByLabel('数值输错了').check();
      expect(await dialog.getByRole('alert').count()).toBe(0);
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-withdraw-dialog.png') });
      await dialog.getByTestId('withdraw-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      await list.locator('li', { hasText: '168/84' }).waitFor({ state: 'detached' });
      expect(await list.innerText()).toContain('132/84');
      expect(await page.getByTestId('reading-status').innerText()).toContain('读数已撤回');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-withdrawn.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('on the clinician BP page: 标记为录入错误 needs a reason, then the reading is listed as 已撤回', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'wd-doctor');
      await page.goto(`${stack!.base}/patients/wd-phone-1/blood-pressure`);
      const card = page.getByTestId('bp-readings-card');
      await card.getByText('132/84').waitFor();
      await card.locator('tr', { hasText: '132/84' }).getByTestId('reading-mark-error').click();
      const dialog = page.getByTestId('withdraw-dialog');
      await dialog.getByTestId('withdraw-confirm').click();
      expect(await dialog.getByRole('alert').innerText()).toContain('请填写原因');
      await dialog.getByTestId('withdraw-reason').fill('患者来电：袖带松脱，重测 126/80');
      expect(await dialog.getByRole('alert').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'qihuang-bp-mark-error.png') });
      await dialog.getByTestId('withdraw-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await card.getByTestId('bp-readings-status').innerText()).toContain('已标记为录入错误');
      // Still listed for the care team (issue 20), struck through, with who, when and why; never offered again.
      const row = card.locator('tr[data-withdrawn="true"]', { hasText: '132/84' });
      await row.waitFor();
      expect(await row.innerText()).toMatch(
        /已撤回[\s\S]*医护人员（wd-doctor）于 .+ 撤回：患者来电：袖带松脱，重测 126\/80/,
      );
      expect(await row.getByTestId('reading-mark-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 180_000);
});
