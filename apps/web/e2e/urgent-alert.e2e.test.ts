/**
 * Browser test of issues 16 and 20 (decision 0022): a consultation whose triage is urgent — a suspected TIA whose
 * signs went away — reaches the care team's inbox at once. The patient reports it through the real consultation
 * API; the nurse's alerts page (zh-CN) lists it as 患者报告需当日处理 with the reported episode, as a warning
 * (警示) with no critical-value clock, beside the other alerts.
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

const PATIENT = 'urgent-e2e-tia';
const TIA = '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事';

warnIfNoChromium('urgent-alert.e2e');

describe.skipIf(!HAS_CHROMIUM)('BP alert inbox: an urgent consultation result is listed at once', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, 7741);
    await putPatient(stack, PATIENT, '赵', '淑芬', '1952-06-18');
    await createUser(stack, 'urgent-e2e-nurse', 'nurse');
    await createUser(stack, 'urgent-e2e-patient', 'patient', PATIENT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the patient reports a suspected TIA; the alerts page lists it in Chinese', async () => {
    const { access_token: patient } = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'urgent-e2e-patient', password: USER_PASSWORD }),
    });
    const started = await stack.api<{ id: string }>(
      `/api/care/patients/${PATIENT}/consultations`,
      { method: 'POST', body: JSON.stringify({ language: 'zh' }) },
      patient,
    );
    const reply = await fetch(`${stack.base}/api/care/consultations/${started.id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: TIA }),
    });
    expect(reply.status).toBe(200);
    const events = await reply.text();
    expect(events).toContain('"level":"urgent"');
    expect(events).not.toContain('"status":"stopped"');

    const nurse = await newPage(browser, 'zh-CN');
    await signIn(nurse.page, stack.base, 'urgent-e2e-nurse');
    await nurse.page.goto(`${stack.base}/alerts`);
    const card = nurse.page.locator('[data-testid="alert-list"] li', { hasText: '赵淑芬' });
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).toContain('患者报告需当日处理');
    expect(text).toContain('警示');
    expect(text).toContain(
      '患者问诊中报告需当日处理的情况：疑似短暂性脑缺血发作（症状已缓解）。请当天联系患者评估。',
    );
    // One language on the screen, and no critical-value clock for a warning.
    expect(text).not.toMatch(/reported-urgent|same-day|Contact the patient/);
    expect(await card.getByTestId('alert-due').count()).toBe(0);
    expect(await card.getByTestId('alert-overdue').count()).toBe(0);
    await nurse.page.screenshot({ path: join(SHOTS, 'qihuang-alert-urgent-zh.png'), fullPage: true });
    await nurse.context.close();
  });
});
