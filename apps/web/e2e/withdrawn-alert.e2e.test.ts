/**
 * Browser test of issue 20 (SAFETY, a non-author try): a patient enters 185/122 and reports stroke symptoms in the
 * consultation — two critical alerts — then withdraws 185/122 as "不是我的读数". Both alerts keep their deadline,
 * then are marked overdue and escalated like any other (the header counts them); the BP tab lists the withdrawn
 * reading struck through with who, when and why; the chart's emergency banner says it was withdrawn.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 * Screenshots go to $QIHUANG_E2E_SHOTS.
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
  type Stack,
} from './care-stack.ts';

warnIfNoChromium('withdrawn-alert.e2e');
/** This fix's port (7770–7779). */
const PORT = 7770;
const PATIENT = 'wa-e2e-patient';
const OTHER = 'wa-e2e-other';

describe.skipIf(!HAS_CHROMIUM)('a withdrawn reading never silences a critical alert (needs chromium)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_BP_ALERT_ESCALATE_MINUTES: '1', QIHUANG_MODEL_BASE_URL: '' }, PORT);
    await putPatient(stack, PATIENT, '吴', '国庆', '1956-04-09');
    await putPatient(stack, OTHER, '郑', '丽华', '1952-11-20');
    await createUser(stack, 'wa-e2e-phone', 'patient', PATIENT);
    await createUser(stack, 'wa-e2e-doctor', 'clinician');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('crisis reading + reported emergency, reading withdrawn: the alerts page keeps both with their clock', async () => {
    const { access_token: phone } = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'wa-e2e-phone', password: USER_PASSWORD }),
    });
    const measured = new Date(Date.now() - 60_000).toISOString();
    const uploaded = await stack.api<{ records: { id: string }[] }>(
      `/api/bp/patients/${PATIENT}/readings`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: `time,sbp,dbp\n${measured},185,122\n`,
      },
      phone,
    );
    const reading = uploaded.records[0]!.id;
    const started = await stack.api<{ id: string }>(
      `/api/care/patients/${PATIENT}/consultations`,
      { method: 'POST', body: JSON.stringify({ language: 'zh' }) },
      phone,
    );
    const reply = await fetch(`${stack.base}/api/care/consultations/${started.id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${phone}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '今天早上突然一侧手脚无力，说话不清楚' }),
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('"careTeamAlerted":true');
    // Another patient's crisis alert: the control.
    await stack.api(`/api/bp/patients/${OTHER}/readings`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: `time,sbp,dbp\n${measured},192,126\n`,
    });
    const started2 = Date.now();
    await stack.api(
      `/api/bp/patients/${PATIENT}/readings/${encodeURIComponent(reading)}/entered-in-error`,
      { method: 'POST', body: JSON.stringify({ reason: '不是我的读数' }) },
      phone,
    );

    const doctor = await newPage(browser, 'zh-CN');
    await signIn(doctor.page, stack.base, 'wa-e2e-doctor');
    await doctor.page.goto(`${stack.base}/alerts`);
    const cards = doctor.page.locator('[data-testid="alert-list"] li', { hasText: '吴国庆' });
    await cards.first().waitFor({ timeout: 30_000 });
    const critical = doctor.page.locator('[data-testid="alert-list"] li.severity-critical', {
      hasText: '吴国庆',
    });
    expect(await critical.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const card = critical.nth(i);
      await card.getByTestId('alert-due').waitFor();
      expect(await card.getByTestId('alert-due').innerText()).toMatch(/须于 .+ 前处置/);
      expect(await card.getByTestId('alert-withdrawn').innerText()).toContain('不是我的读数');
    }
    await doctor.page.screenshot({ path: join(SHOTS, 'qihuang-withdrawn-alert-due-zh.png'), fullPage: true });

    // Past the 1-minute target: escalated by the notifier (every 5 s), marked overdue like the other patient's.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 75_000 - (Date.now() - started2))));
    await doctor.page.reload();
    await critical.first().waitFor({ timeout: 30_000 });
    for (let i = 0; i < 2; i++) {
      const overdue = critical.nth(i).getByTestId('alert-overdue');
      await overdue.waitFor({ timeout: 30_000 });
      const text = await overdue.innerText();
      expect(text).toContain('超时未处置');
      expect(text).toMatch(/已于 .+ 升级/);
    }
    const other = doctor.page.locator('[data-testid="alert-list"] li.severity-critical', {
      hasText: '郑丽华',
    });
    await other.getByTestId('alert-overdue').waitFor({ timeout: 30_000 });
    // The header counts all three marked cards.
    const marked = await doctor.page.locator('[data-testid="alert-list"] li.overdue').count();
    expect(marked).toBe(3);
    const header = await doctor.page.getByTestId('alert-timeliness').innerText();
    expect(header).toContain(`${marked} 条超时未处置`);
    await doctor.page.screenshot({
      path: join(SHOTS, 'qihuang-withdrawn-alert-overdue-zh.png'),
      fullPage: true,
    });

    // The BP tab lists the withdrawn reading, struck through, with who, when and why; the banner says so.
    await doctor.page.goto(`${stack.base}/patients/${PATIENT}/blood-pressure`);
    const row = doctor.page.getByTestId('bp-readings-card').locator('tr[data-withdrawn="true"]');
    await row.waitFor({ timeout: 30_000 });
    const rowText = await row.innerText();
    expect(rowText).toContain('185/122');
    expect(rowText).toContain('已撤回');
    expect(rowText).toMatch(/患者本人于 .+ 撤回：不是我的读数/);
    expect(await row.locator('s').count()).toBeGreaterThan(0);
    const banner = doctor.page.getByTestId('overview-emergency');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('已由患者撤回');
    await doctor.page.screenshot({
      path: join(SHOTS, 'qihuang-withdrawn-reading-bp-zh.png'),
      fullPage: true,
    });
    await doctor.context.close();
  }, 240_000);
});
