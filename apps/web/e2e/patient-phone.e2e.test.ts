/**
 * Issue 20, a patient on a 375 px phone (no model): the emergency number is a tap-to-call link with a large call
 * button on the emergency banner, warnings land where the patient is looking (the banner below the sticky header,
 * a very high saved reading's advice beside the form), the header is one compact row, and after the last
 * question the input closes with wording that names the "完成并保存" button.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('patient-phone.e2e');
const PHONE = { width: 375, height: 812 };

/** An element's top and bottom in the viewport, and the sticky header's bottom. */
async function placement(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!.getBoundingClientRect();
    const header = document.querySelector('header.topbar')!.getBoundingClientRect();
    return { top: el.top, bottom: el.bottom, header: header.bottom, height: window.innerHeight };
  }, selector);
}

describe.skipIf(!HAS_CHROMIUM)('the patient side on a 375 px phone (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' });
    await putPatient(stack, 'phone-1', '赵', '敏', '1960-05-01');
    await createUser(stack, 'phone-patient', 'patient', 'phone-1');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('call links, warnings in view, one-row header, closed input after the last question', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN', PHONE);
    try {
      await signIn(page, stack!.base, 'phone-patient');
      await page.getByTestId('care-home').waitFor();
      // One compact header row (it took 151 px in three rows).
      expect((await placement(page, 'header.topbar')).bottom).toBeLessThanOrEqual(64);

      // A very high reading: the advice appears beside the form, in view, with 120 to tap.
      const form = page.getByTestId('reading-form');
      await form.locator('input[name=sbp]').fill('192');
      await form.locator('input[name=dbp]').fill('126');
      await form.locator('button[type=submit]').click();
      await page.getByTestId('crisis-advice').waitFor();
      await page.waitForTimeout(800); // smooth scroll
      const box = await placement(page, '[data-testid=crisis-advice]');
      expect(box.top).toBeGreaterThanOrEqual(box.header - 1);
      expect(box.top).toBeLessThan(box.height / 2);
      expect(await page.getByTestId('crisis-advice').locator('a[href="tel:120"]').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('reading-status').innerText()).toContain('非常高');
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-crisis.png') });

      // An emergency in the consultation: the banner is below the header, with a large call button.
      await page.goto(`${stack!.base}/care/consultation/new`);
      await page.getByTestId('consultation-begin').click();
      await page.getByTestId('consultation-input').waitFor();
      await page.getByTestId('consultation-input').fill('胸口像压了块石头，出冷汗');
      await page.getByTestId('consultation-send').click();
      await page.getByTestId('emergency-banner').waitFor();
      await page.waitForTimeout(500);
      const banner = await placement(page, '[data-testid=emergency-banner]');
      expect(banner.top).toBeGreaterThanOrEqual(banner.header - 1);
      expect(banner.top).toBeLessThan(banner.height / 2);
      const call = page.getByTestId('emergency-banner').getByTestId('call-emergency');
      expect(await call.getAttribute('href')).toBe('tel:120');
      expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-emergency.png') });

      // After the last question: no input, no send, the prompt names the finish button.
      await page.goto(`${stack!.base}/care/consultation/new`);
      await page.getByTestId('consultation-begin').click();
      for (let i = 0; i < 6; i++) {
        await page.getByTestId('consultation-input').fill('没有');
        await page.getByTestId('consultation-send').click();
        await page.waitForFunction(
          // The streaming reply has the same class: count only the saved messages, which arrive with the new state.
          (n) => document.querySelectorAll('.care-msg-assistant:not([data-testid=streaming-reply])').length >= n,
          3 + i,
        );
      }
      await page.getByTestId('consultation-finish').waitFor();
      expect(await page.getByTestId('consultation-send').count()).toBe(0);
      expect(await page.getByTestId('consultation-input').isVisible()).toBe(false);
      // The button to press next is on screen.
      const button = await placement(page, '[data-testid=consultation-finish]');
      expect(button.bottom).toBeLessThanOrEqual(button.height + 1);
      const finish = await page.getByTestId('consultation-finish').innerText();
      expect(await page.getByTestId('consultation-input-label').innerText()).toContain(`“${finish}”`);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-all-answered.png') });
    } finally {
      await context.close();
    }
  }, 240_000);
});
