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
import { translateResource } from '@qihuang/demo';
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

/** Width and height of every visible element matching `selector` (touch targets). */
async function sizes(page: Page, selector: string) {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)]
        .map((el) => ({ text: (el as HTMLElement).innerText.trim(), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .map(({ text, box }) => ({ text, width: Math.round(box.width), height: Math.round(box.height) })),
    selector,
  );
}
/** The targets smaller than 44 × 44 px (height only for full-width rows). */
function small(found: { text: string; width: number; height: number }[]) {
  return found.filter((f) => f.height < 44 || f.width < 44);
}

describe.skipIf(!HAS_CHROMIUM)('the patient side on a 375 px phone (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' });
    await putPatient(stack, 'phone-1', '赵', '敏', '1960-05-01');
    // A Synthea-style English condition as the demo loader stores it (zh-CN translation extension).
    await stack.api('/fhir/R4/Condition/phone-1-htn', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(
        translateResource({
          resourceType: 'Condition',
          id: 'phone-1-htn',
          subject: { reference: 'Patient/phone-1' },
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: {
            text: 'Hypertension',
            coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }],
          },
        }),
      ),
    });
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
      // Issue 20: the status line above the advice is below the sticky header too (it ended under it).
      const status = await placement(page, '[data-testid=reading-status]');
      expect(status.top).toBeGreaterThanOrEqual(status.header - 1);
      // The 120 in the red box is a button-sized link (it was 33 × 19 px).
      expect(small(await sizes(page, '[data-testid=crisis-advice] a[href="tel:120"]'))).toEqual([]);
      // Header links, the account menu's language switch and sign-out: ≥ 44 px on a phone (41 and 40 before).
      expect(small(await sizes(page, 'header.topbar .nav-link'))).toEqual([]);
      await page.getByTestId('account-menu').locator('summary').click();
      expect(small(await sizes(page, '.topbar-menu-body .button'))).toEqual([]);
      await page.getByTestId('account-menu').locator('summary').click();
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
      // The guideline by name with its section on a zh patient screen (was "ACC/AHA 2017 §11.2").
      const bannerText = await page.getByTestId('emergency-banner').innerText();
      expect(bannerText).toContain('美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节');
      expect(bannerText).not.toContain('§');
      // The 120 in the chat and the banner text are button-sized links; so is "← 返回我的管理".
      expect(small(await sizes(page, 'a[href="tel:120"]'))).toEqual([]);
      expect(small(await sizes(page, '.breadcrumb a'))).toEqual([]);
      const call = page.getByTestId('emergency-banner').getByTestId('call-emergency');
      expect(await call.getAttribute('href')).toBe('tel:120');
      expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-emergency.png') });

      // After the last question: no input, no send, the prompt names the finish button.
      await page.goto(`${stack!.base}/care/consultation/new`);
      await page.getByTestId('consultation-begin').click();
      for (let i = 0; i < 7; i++) {
        await page.getByTestId('consultation-input').fill('没有');
        await page.getByTestId('consultation-send').click();
        await page.waitForFunction(
          // The streaming reply has the same class: count only the saved messages, which arrive with the new state.
          (n) =>
            document.querySelectorAll('.care-msg-assistant:not([data-testid=streaming-reply])').length >= n,
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

      // The record: the English condition in Chinese, and "血压" on one line in the latest-values table.
      await page.goto(`${stack!.base}/patients/phone-1`);
      await page.locator('section[aria-labelledby=sec-problems] .item-title').first().waitFor();
      const problems = await page
        .locator('section[aria-labelledby=sec-problems] .item-title')
        .allInnerTexts();
      expect(problems).toContain('高血压');
      expect(problems.join(' ')).not.toMatch(/Hypertension/);
      await page.locator('table.latest-values td').first().waitFor();
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('table.latest-values tbody td:first-child')].map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return {
            text: (td as HTMLElement).innerText,
            lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          };
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      for (const cell of lines) expect(cell, cell.text).toMatchObject({ lines: 1 });
      expect(small(await sizes(page, 'main select, main .link-button'))).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'qihuang-phone-record.png'), fullPage: true });
      // The blood-pressure tab's range drop-down (36 px before).
      await page.goto(`${stack!.base}/patients/phone-1/blood-pressure`);
      await page.locator('main select').first().waitFor();
      expect(small(await sizes(page, 'main select'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
