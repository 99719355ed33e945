/**
 * Browser test of issue 20/16 (decision 0024) on a 375 px phone: a patient with an open crisis-reading alert from
 * yesterday reports chest pain in a consultation (the real API) and goes back to 我的管理. The box at the top is the
 * emergency they reported — what, when, the big 120 button — and the reading's box still shows below it, not
 * announced as the page's alert. Once a clinician closes the emergency alert with its action, the reading's box
 * leads again.
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

const PATIENT = 'home-reported-e2e';
const PHONE = { width: 375, height: 812 };

warnIfNoChromium('home-reported.e2e');

describe.skipIf(!HAS_CHROMIUM)('the patient home leads with the emergency the patient reported', () => {
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

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 5111);
    await putPatient(stack, PATIENT, '钱', '建国', '1955-03-02');
    await createUser(stack, 'home-reported-patient', 'patient', PATIENT);
    await createUser(stack, 'home-reported-doctor', 'clinician');
    patient = await login('home-reported-patient');
    doctor = await login('home-reported-doctor');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('chest pain reported after a crisis reading: the emergency box leads, the reading box below', async () => {
    // A crisis reading measured 20 hours ago: its open alert's box ("contact your clinic today").
    const measured = new Date(Date.now() - 20 * 3_600_000).toISOString();
    const upload = await fetch(`${stack.base}/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'text/csv' },
      body: `time,sbp,dbp,unit,heart_rate,device_id\n${measured},186,118,mmHg,72,cuff-A`,
    });
    expect(upload.status).toBe(201);
    const started = await stack.api<{ id: string }>(
      `/api/care/patients/${PATIENT}/consultations`,
      { method: 'POST', body: JSON.stringify({ language: 'zh' }) },
      patient,
    );
    const reply = await fetch(`${stack.base}/api/care/consultations/${started.id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '胸口疼得厉害，喘不上气' }),
    });
    expect(await reply.text()).toContain('"level":"emergency"');

    const { context, page } = await newPage(browser, 'zh-CN', PHONE);
    await signIn(page, stack.base, 'home-reported-patient');
    await page.goto(`${stack.base}/care`);
    await page.getByTestId('crisis-advice').waitFor({ timeout: 30_000 });
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="reported-advice"], [data-testid="crisis-advice"]')].map(
        (b) => `${b.getAttribute('data-testid')}:${b.getAttribute('role')}`,
      ),
    );
    expect(boxes).toEqual(['reported-advice:alert', 'crisis-advice:region']);
    // The reading's box below does not tell the patient to sit and measure again under the 120 instruction.
    const readingBox = await page.getByTestId('crisis-advice').innerText();
    expect(readingBox).toContain('请按上方步骤立即拨打 120，不要等复测结果');
    expect(readingBox).not.toMatch(/休息\s*5\s*分钟|再测/);
    // …nor a softer instruction in its title ("请今天之内联系…") under "call 120 now".
    expect(readingBox).not.toContain('今天之内');
    expect(readingBox).toMatch(/测的血压非常高（\d+\/\d+ mmHg），医生已收到提醒。/);
    const box = page.getByTestId('reported-advice');
    const text = await box.innerText();
    expect(text).toContain('您在问诊中报告的症状可能是急症');
    expect(text).toMatch(/您报告：胸痛\/胸闷、呼吸困难/);
    expect(await box.locator('ol li').first().innerText()).toMatch(/^现在就拨打\s*120/);
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    const call = box.getByTestId('call-emergency');
    expect(await call.getAttribute('href')).toBe('tel:120');
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'qihuang-home-reported-emergency-zh.png') });

    // The clinician closes the emergency alert with its action: the reading's box leads again.
    const alerts = await stack.api<{ id: string; kind: string }[]>(
      `/api/bp/alerts?status=active&patient=${PATIENT}`,
      {},
      doctor,
    );
    for (const a of alerts.filter((x) => x.kind === 'reported-emergency'))
      await stack.api(
        `/api/bp/alerts/${a.id}/close`,
        {
          method: 'POST',
          body: JSON.stringify({
            contactedBy: 'Dr Li',
            contactedAt: new Date().toISOString(),
            method: 'phone',
            patientReached: true,
            action: 'Called the patient; seen in the emergency department',
          }),
        },
        doctor,
      );
    await page.reload();
    await page.getByTestId('crisis-advice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reported-advice').count()).toBe(0);
    expect(await page.getByTestId('crisis-advice').getAttribute('role')).toBe('alert');
    await context.close();
  });
});
