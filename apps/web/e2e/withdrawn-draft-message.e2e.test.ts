/**
 * Issue 20 (non-author try), the Care tab: a draft withdrawn elsewhere (by another proposal) while this page shows
 * it. Signing it says so in the page's language — and the page then re-reads its drafts, which took the card away
 * and the message with it. The message is the page's now: it stays after the card has gone, until dismissed or the
 * next action (a proposal). Server on port 4612 (this brief's range, 4600–4649).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  newPage,
  openCare,
  putPatient,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'care-e2e-withdrawn-message';
warnIfNoChromium('withdrawn-draft-message.e2e');

describe.skipIf(!HAS_CHROMIUM)(
  'a withdrawn draft’s message stays on the page (needs /usr/bin/chromium)',
  () => {
    let stack: Stack | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      ensureWebBuild();
      stack = await startServer({}, 4612);
      await putPatient(stack, PATIENT, '郑', '和', '1959-06-01');
      await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
        method: 'POST',
        body: threeWeeksCsv(),
        headers: { 'Content-Type': 'text/csv' },
      });
      await createUser(stack, 'wd-doctor', 'clinician');
      browser = await launchBrowser();
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    it('zh-CN: signing a draft withdrawn elsewhere — the message outlives the card until dismissed', async () => {
      const { context, page } = await newPage(browser!, 'zh-CN');
      try {
        await signIn(page, stack!.base, 'wd-doctor');
        await openCare(page, stack!.base, PATIENT);
        const unsigned = page.locator(
          '[data-testid="draft"][data-status="draft"]:has([data-testid="sign-draft"])',
        );
        await page.getByTestId('propose-treatment').click();
        await unsigned.first().waitFor({ timeout: 60_000 });
        const id = await unsigned.first().getAttribute('data-id');
        const card = page.locator(`[data-testid="draft"][data-id="${id}"]`);
        for (const box of await card.getByTestId('acknowledge').all()) await box.check();
        // Another proposal (another tab) withdraws this page's unsigned drafts.
        const doctor = await stack!.api<{ access_token: string }>('/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'wd-doctor', password: USER_PASSWORD }),
        });
        await stack!.api(
          `/api/care/patients/${PATIENT}/proposal`,
          { method: 'POST', body: JSON.stringify({ guideline: 'china-2018', language: 'zh' }) },
          doctor.access_token,
        );
        await card.getByTestId('sign-draft').click();
        await page.getByTestId('sign-confirm').click();
        // The page re-reads its drafts: the withdrawn card goes …
        await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
        // … and the message stays, on the page, in Chinese.
        const message = page.getByTestId('care-page-message');
        await message.waitFor({ timeout: 10_000 });
        await page.waitForTimeout(1500);
        expect(await message.count()).toBe(1);
        const said = await message.innerText();
        expect(said).toMatch(/此草稿已被撤回（被新的治疗建议替代，或已在别处撤回）/);
        expect(said).not.toMatch(/only a draft can be signed|MedicationRequest/);
        await page.screenshot({ path: join(SHOTS, 'issue20-withdrawn-message.png'), fullPage: true });
        await message.getByRole('button', { name: '关闭' }).click();
        await expect.poll(() => message.count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 240_000);
  },
);
