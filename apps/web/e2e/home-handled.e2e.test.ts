/**
 * Browser test of issue 20 (decision 0024 amended) on a 375 px phone: a patient reports chest pain, a clinician
 * closes the emergency alert with the patient reached and clinical shorthand as the action. The home then shows a
 * calm status note (role="status") after the still-open crisis reading's box, with a fixed phrase, not the shorthand.
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

const PATIENT = 'home-handled-e2e';
const PHONE = { width: 375, height: 812 };

warnIfNoChromium('home-handled.e2e');

describe.skipIf(!HAS_CHROMIUM)('the patient hears their reported emergency was handled', () => {
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
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 5240);
    await putPatient(stack, PATIENT, '孙', '立新', '1955-03-02');
    await createUser(stack, 'home-handled-patient', 'patient', PATIENT);
    await createUser(stack, 'home-handled-doctor', 'clinician');
    patient = await login('home-handled-patient');
    doctor = await login('home-handled-doctor');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('after the close: a calm status note after the open reading box, not announced as an alert', async () => {
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
            action: 'Tel f/u, ED r/o ACS, d/c',
          }),
        },
        doctor,
      );
    const { context, page } = await newPage(browser, 'zh-CN', PHONE);
    await signIn(page, stack.base, 'home-handled-patient');
    await page.goto(`${stack.base}/care`);
    await page.getByTestId('handled-note').waitFor({ timeout: 30_000 });
    const boxes = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '[data-testid="reported-advice"], [data-testid="crisis-advice"], [data-testid="handled-note"]',
        ),
      ].map((b) => `${b.getAttribute('data-testid')}:${b.getAttribute('role')}`),
    );
    expect(boxes).toEqual(['crisis-advice:alert', 'handled-note:status']);
    const text = await page.getByTestId('handled-note').innerText();
    expect(text).toMatch(/报告的胸痛\/胸闷/);
    expect(text).toContain('与您联系并处理：');
    expect(text).toContain('如果症状再次出现，请立即拨打 120。');
    expect(text).not.toContain('ACS');
    // The close form's free-text contact field never reaches the patient: a fixed 您的医疗团队.
    expect(text).toContain('您的医疗团队已于');
    expect(text).not.toContain('Dr Li');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'qihuang-home-handled-zh.png'), fullPage: true });
    await context.close();
  });
});
