/**
 * Issue 20, item 3 of brief P: the alert's contact-time field was read in the browser's zone. A nurse whose browser
 * is set to New York, closing an alert about a patient in Shanghai (the hospital's zone, the one every care screen
 * shows times in — patient-time-zone.ts), saw and typed New York wall-clock times. The field now shows and reads
 * the patient's/hospital's zone and names it.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots: $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

const PATIENT = 'p20-zone-1';
const ZONE = 'Asia/Shanghai';

warnIfNoChromium('p20-contact-time-zone.e2e');

/** The wall clock "YYYY-MM-DDTHH:mm" of an instant in a zone. */
function wallClock(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

describe.skipIf(!HAS_CHROMIUM)(
  'the alert contact time in the patient’s zone, from a browser in New York',
  () => {
    let stack: Stack;
    let browser: Browser;

    beforeAll(async () => {
      ensureWebBuild();
      stack = await startServer({ QIHUANG_TIME_ZONE: ZONE });
      await putPatient(stack, PATIENT, '钱', '建华', '1958-05-02');
      await createUser(stack, 'p20-zone-nurse', 'nurse');
      // A crisis reading measured 20 minutes ago raises a critical alert at once.
      const at = new Date(Date.now() - 20 * 60_000).toISOString();
      const response = await fetch(`${stack.base}/api/bp/patients/${PATIENT}/readings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'text/csv' },
        body: `time,sbp,dbp,unit,heart_rate,device_id\n${at},188,122,mmHg,80,cuff-p20`,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    it('shows Shanghai wall-clock time, names the zone and sends that instant', async () => {
      const context = await browser.newContext({
        locale: 'en-US',
        timezoneId: 'America/New_York',
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await signIn(page, stack.base, 'p20-zone-nurse');
      await page.goto(`${stack.base}/alerts`);
      const item = page.locator('[data-testid="alert-list"] li', { hasText: /建华|p20-zone-1/ });
      await item.waitFor({ timeout: 30_000 });
      await item.getByRole('button', { name: 'Record action and close' }).click();
      const form = item.getByTestId('alert-action-form');
      await form.waitFor();
      // The zone is named beside the field, in the page's language.
      await form.getByTestId('contacted-at-zone').waitFor({ timeout: 10_000 });
      expect(await form.getByTestId('contacted-at-zone').innerText()).toMatch(/China Standard Time/);
      const field = form.locator('input[type="datetime-local"]');
      await expect.poll(async () => field.getAttribute('data-time-zone'), { timeout: 10_000 }).toBe(ZONE);
      // The default is now on Shanghai's clock, not New York's (12 or 13 hours apart).
      const shown = await field.inputValue();
      const now = Date.now();
      const candidates = [-1, 0, 1].map((m) => wallClock(new Date(now + m * 60_000), ZONE));
      expect(candidates).toContain(shown);
      expect(shown).not.toBe(wallClock(new Date(now), 'America/New_York'));
      await page.screenshot({ path: join(SHOTS, 'qihuang-p20-contact-zone-1280.png'), fullPage: true });

      await form.getByLabel('Who contacted the patient').fill('Nurse Wang');
      await form.getByLabel('Patient (or carer) reached').check();
      await form.getByLabel('What was done').fill('Repeated after rest 170/100, no symptoms; clinic today');
      const request = page.waitForRequest((r) => r.url().includes('/acknowledge') && r.method() === 'POST');
      await form.getByRole('button', { name: 'Close alert' }).click();
      const sent = (await request).postDataJSON() as { contactedAt: string };
      // The instant sent is the typed Shanghai wall clock, whatever the browser's zone.
      expect(wallClock(new Date(sent.contactedAt), ZONE)).toBe(shown);
      expect(Math.abs(Date.parse(sent.contactedAt) - now)).toBeLessThan(3 * 60_000);
      await item.waitFor({ state: 'detached', timeout: 10_000 });
      await context.close();
    });
  },
);
