/**
 * Browser test of issue 20 (decision 0031) on a 375 px phone: 195/132 yesterday evening, then 185/125 and a recheck
 * of 186/126 this morning. The red box names the most recent crisis reading (186/126), not the highest or oldest,
 * and does not ask to "rest 5 minutes and measure again" (that was the recheck). Once the care team closed the
 * crisis alerts, the box says it was handled, no "act now", not announced as an alert, with its 120 step kept.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots go to $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  createUser,
  newPage,
  putPatient,
  signIn,
  startServer,
  USER_PASSWORD,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'home-crisis-box-e2e';
const PHONE = { width: 375, height: 812 };
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

warnIfNoChromium('home-crisis-box.e2e');

describe.skipIf(!HAS_CHROMIUM)('the home crisis box is about the most recent crisis reading', () => {
  let stack: Stack;
  let browser: Browser;
  let patient = '';
  let doctor = '';
  const login = async (username: string) =>
    (
      await stack.api<{ access_token: string }>('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username, password: USER_PASSWORD }),
      })
    ).access_token;
  const upload = async (time: string, sbp: number, dbp: number, id = PATIENT) => {
    const answer = await fetch(`${stack.base}/api/bp/patients/${id}/readings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'text/csv' },
      body: `time,sbp,dbp,unit,heart_rate,device_id\n${time},${sbp},${dbp},mmHg,72,cuff-A`,
    });
    expect(answer.status).toBe(201);
  };
  const boxOn = async (
    language: 'zh-CN' | 'en',
    shot: string,
    user = 'home-crisis-box-patient',
    named = '186/126',
  ) => {
    const { context, page } = await newPage(browser, language, PHONE);
    await signIn(page, stack.base, user);
    await page.goto(`${stack.base}/care`);
    const box = page.getByTestId('crisis-advice');
    await box.waitFor({ timeout: 30_000 });
    // The server's box of the recent readings arrives after the home: wait for the named reading.
    await page.waitForFunction(
      (value) => document.querySelector('[data-testid="crisis-advice"]')?.textContent?.includes(value),
      named,
      { timeout: 30_000 },
    );
    const result = {
      text: await box.innerText(),
      role: await box.getAttribute('role'),
      handled: await box.getAttribute('data-handled'),
      monitoring: await page.getByTestId('monitoring-adherence').innerText(),
      fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    };
    await page.screenshot({ path: join(SHOTS, shot), fullPage: false });
    await context.close();
    return result;
  };

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 4851);
    await putPatient(stack, PATIENT, '郑', '秋菊', '1952-06-11');
    await createUser(stack, 'home-crisis-box-patient', 'patient', PATIENT);
    await createUser(stack, 'home-crisis-box-doctor', 'clinician');
    await putPatient(stack, `${PATIENT}-2`, '钱', '志远', '1950-01-20');
    await createUser(stack, 'home-crisis-box-patient-2', 'patient', `${PATIENT}-2`);
    patient = await login('home-crisis-box-patient');
    doctor = await login('home-crisis-box-doctor');
    browser = await launchBrowser();
    await upload(ago(16 * 60), 195, 132);
    await upload(ago(30), 185, 125);
    await upload(ago(25), 186, 126);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('open alert: names 186/126, the recheck, with no "measure again"', async () => {
    // The open alert's own box names 186/126 too and arrives first; the server's steps (the recheck's) follow it —
    // wait for them (a full run read the alert's box before they came).
    const zh = await boxOn('zh-CN', 'qihuang-home-crisis-open-zh.png', undefined, '这次复测仍然非常高');
    expect(zh.text).toContain('186/126');
    expect(zh.text).not.toContain('195/132');
    expect(zh.text).not.toContain('然后再测一次血压');
    expect(zh.text).toContain('立即拨打 120');
    expect(zh.role).toBe('alert');
    expect(zh.fits).toBe(true);
  });

  it('after the close: handled, no "act now", the 120 step kept, one bracket style and a single day once', async () => {
    const alerts = await stack.api<{ id: string; kind: string; severity: string }[]>(
      `/api/bp/alerts?status=active&patient=${PATIENT}`,
      {},
      doctor,
    );
    const crisis = alerts.filter((a) => a.kind === 'crisis' && a.severity === 'critical');
    expect(crisis.length).toBeGreaterThan(0);
    for (const a of crisis)
      await stack.api(
        `/api/bp/alerts/${a.id}/close`,
        {
          method: 'POST',
          body: JSON.stringify({
            contactedBy: 'Dr Li',
            contactedAt: new Date().toISOString(),
            method: 'phone',
            patientReached: true,
            action: 'Advised amlodipine now, visit tomorrow',
          }),
        },
        doctor,
      );
    const zh = await boxOn('zh-CN', 'qihuang-home-crisis-handled-zh.png');
    expect(zh.text).toContain('186/126');
    expect(zh.text).not.toContain('195/132');
    expect(zh.text).toContain('医疗团队已于');
    expect(zh.text).not.toMatch(/马上|然后再测一次血压/);
    expect(zh.text).toContain('立即拨打 120');
    expect(zh.role).toBe('status');
    expect(zh.handled).toBe('true');
    expect(zh.monitoring).not.toMatch(/[()]/);
    expect(zh.fits).toBe(true);
    const en = await boxOn('en', 'qihuang-home-crisis-handled-en.png');
    expect(en.text).toContain('186/126 mmHg');
    expect(en.text).toContain('your care team handled it');
    expect(en.text).not.toMatch(/do this now/i);
    expect(en.text).toContain('call 120 now');
    expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.role).toBe('status');
    expect(en.monitoring).not.toMatch(/[（）]/);
    expect(en.fits).toBe(true);
  });

  it('an open alert about an earlier day, lower readings since: "contact your clinic today" said once', async () => {
    patient = await login('home-crisis-box-patient-2');
    // 30 h ago is always an earlier local day; the lower reading is today's.
    await upload(ago(30 * 60), 192, 126, `${PATIENT}-2`);
    await upload(ago(10), 142, 90, `${PATIENT}-2`);
    const zh = await boxOn(
      'zh-CN',
      'qihuang-home-crisis-earlier-zh.png',
      'home-crisis-box-patient-2',
      '142/90',
    );
    expect(zh.text).toContain('192/126');
    expect(zh.text.split('今天之内联系').length - 1).toBe(1);
    expect(zh.text.split('已收到提醒').length - 1).toBe(1);
    expect(zh.text).toContain('立即拨打 120');
    const en = await boxOn('en', 'qihuang-home-crisis-earlier-en.png', 'home-crisis-box-patient-2', '142/90');
    expect(en.text.split(/contact your clinic or doctor today/i).length - 1).toBe(1);
    expect(en.text.split(/been alerted/).length - 1).toBe(1);
  });
});
