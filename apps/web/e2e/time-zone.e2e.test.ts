/**
 * Browser check of issue 17 item 1 against the real server: a reading sent in UTC is shown in the hospital's zone
 * (QIHUANG_TIME_ZONE=Asia/Shanghai), not the browser's (America/New_York here), with the zone's abbreviation
 * because the two clocks differ — on the patient's 375 px home page and in the nurse's alert inbox.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

const PATIENT = 'tz-e2e-1';

warnIfNoChromium('time-zone.e2e');

describe.skipIf(!HAS_CHROMIUM)('times in the hospital zone, not the browser zone', () => {
  let stack: Stack;
  let browser: Browser;
  // Yesterday 13:00 UTC = 21:00 in Shanghai, 08:00 or 09:00 in New York.
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const instant = `${day}T13:00:00Z`;
  const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(instant),
  );

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_TIME_ZONE: 'Asia/Shanghai' });
    await putPatient(stack, PATIENT, '吴', '海', '1958-04-02');
    await createUser(stack, 'tz-e2e-patient', 'patient', PATIENT);
    await createUser(stack, 'tz-e2e-nurse', 'nurse');
    // A crisis-range reading, so the inbox has an alert naming it.
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: `time,sbp,dbp,unit,heart_rate,device_id\n${instant},186,124,mmHg,80,cuff-tz`,
      headers: { 'Content-Type': 'text/csv' },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('patient home (375 px) and alert inbox show Shanghai clock times (GMT+8) to a browser in New York', async () => {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
      viewport: { width: 375, height: 740 },
    });
    const desk = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    try {
      const p = await phone.newPage();
      await signIn(p, stack.base, 'tz-e2e-patient');
      const reading = p.locator('[data-testid="recent-readings"] li').first();
      await reading.waitFor({ timeout: 30_000 });
      expect(await reading.innerText()).toContain(`${shanghaiDay} 21:00 GMT+8`);
      await p.screenshot({ path: join(SHOTS, 'qihuang-time-zone-patient.png'), fullPage: true });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);

      const n = await desk.newPage();
      await signIn(n, stack.base, 'tz-e2e-nurse');
      await n.goto(`${stack.base}/alerts`);
      const item = n.locator('li.alert-item').first();
      await item.waitFor({ timeout: 30_000 });
      const text = await item.innerText();
      // The alert's time as a clock in Shanghai shows it (the browser is in New York).
      const [alert] = await stack.api<{ createdAt: string }[]>(`/api/bp/alerts?patient=${PATIENT}`);
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(new Date(alert!.createdAt))
          .map((x) => [x.type, x.value]),
      );
      expect(text).toContain(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} GMT+8`);
      await n.screenshot({ path: join(SHOTS, 'qihuang-time-zone-inbox.png'), fullPage: true });
    } finally {
      await phone.close();
      await desk.close();
    }
  }, 180_000);
});
