/**
 * Decision 0027 (issue 20, brief P item 1): one current home average on every screen — the clinician's BP page tile,
 * the care panel, the patient's home and the patient's BP tab show the same figure and name the same window
 * (近7天（不含第1天）), at 1280 px for the clinician and on a 375 px phone for the patient.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots: $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  newPage,
  putPatient,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

warnIfNoChromium('p20-current-mean.e2e');

const PATIENT = 'p20-mean-1';
const LABEL = '近7天（不含第1天）';

describe.skipIf(!HAS_CHROMIUM)('one current home average on every screen', () => {
  let stack: Stack;
  let browser: Browser;
  let figure = '';

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({});
    await putPatient(stack, PATIENT, '孙', '立群', '1962-08-02');
    await createUser(stack, 'p20-mean-pt', 'patient', PATIENT);
    await createUser(stack, 'p20-mean-doc', 'clinician');
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    const { access_token: doc } = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'p20-mean-doc', password: USER_PASSWORD }),
    });
    await stack.api(
      `/api/care/patients/${PATIENT}/care-plan`,
      { method: 'PUT', body: JSON.stringify({ guideline: 'china-2018' }) },
      doc,
    );
    const home = await stack.api<{
      progress: { lastSevenDays: { shown: { sbp: string; dbp: string }; label: { zh: string } } };
    }>(`/api/care/patients/${PATIENT}/home?guideline=china-2018`, {}, doc);
    expect(home.progress.lastSevenDays.label.zh).toBe(LABEL);
    figure = `${home.progress.lastSevenDays.shown.sbp}/${home.progress.lastSevenDays.shown.dbp}`;
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the clinician: BP page tile and care panel (1280 px)', async () => {
    const { context, page } = await newPage(browser, 'zh-CN', { width: 1280, height: 900 });
    try {
      await signIn(page, stack.base, 'p20-mean-doc');
      await page.goto(`${stack.base}/patients/${PATIENT}/blood-pressure`);
      const tile = page.getByTestId('tile-hbpm');
      await tile.getByText(LABEL).waitFor({ timeout: 30_000 });
      expect(await tile.innerText()).toContain(figure);
      await tile.screenshot({ path: join(SHOTS, 'qihuang-p20-bp-tile-1280.png') });
      await page.goto(`${stack.base}/care/panel`);
      const mean = page.locator(`tr[data-patient="${PATIENT}"] [data-testid="panel-home-mean"]`);
      await mean.waitFor({ timeout: 30_000 });
      expect(await mean.innerText()).toBe(`${LABEL}均值 ${figure} mmHg`);
      await page.screenshot({ path: join(SHOTS, 'qihuang-p20-panel-1280.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the patient: home and BP tab on a 375 px phone', async () => {
    const { context, page } = await newPage(browser, 'zh-CN', { width: 375, height: 812 });
    try {
      await signIn(page, stack.base, 'p20-mean-pt');
      await page.goto(`${stack.base}/care`);
      const summary = page.getByTestId('progress-summary');
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.innerText()).toContain(`${LABEL}均值`);
      expect(await summary.innerText()).toContain(`${figure} mmHg`);
      await summary.screenshot({ path: join(SHOTS, 'qihuang-p20-home-375.png') });
      await page.goto(`${stack.base}/patients/${PATIENT}/blood-pressure`);
      const last7 = page.getByTestId('pbp-last7');
      await last7.waitFor({ timeout: 30_000 });
      expect(await last7.innerText()).toContain(LABEL);
      expect(await last7.innerText()).toContain(`${figure} mmHg`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);
      await page.screenshot({ path: join(SHOTS, 'qihuang-p20-bp-tab-375.png') });
    } finally {
      await context.close();
    }
  }, 120_000);
});
