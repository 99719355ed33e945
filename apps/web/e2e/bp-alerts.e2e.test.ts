/**
 * Browser test of issue 17 items 2 and 3 against the real server (`node bin/qihuang.mjs serve`):
 * a patient on a 375 px phone enters a crisis reading → the advice box (repeat after rest, 120 with symptoms,
 * clinic today) is visible at once and nothing on the page says "已完成"; a nurse's alerts page (already open)
 * receives the alert live, without reloading; closing it without the action taken is refused (in the page and
 * by the API), and with the action it leaves the inbox.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 * Screenshots go to $QIHUANG_E2E_SHOTS (default: the OS temp dir, qihuang-bp-alerts-*.png).
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

const PATIENT = 'bp-alert-e2e-1';

warnIfNoChromium('bp-alerts.e2e');

describe.skipIf(!HAS_CHROMIUM)('BP crisis: patient advice and the critical-value loop in the browser', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({});
    await putPatient(stack, PATIENT, '周', '建国', '1957-03-02');
    await createUser(stack, 'bp-e2e-patient', 'patient', PATIENT);
    await createUser(stack, 'bp-e2e-nurse', 'nurse');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('patient sees the crisis advice at once; the nurse sees the alert arrive and must record an action', async () => {
    // The nurse's inbox is open before the reading arrives.
    const nurse = await newPage(browser, 'en-US');
    await signIn(nurse.page, stack.base, 'bp-e2e-nurse');
    await nurse.page.goto(`${stack.base}/alerts`);
    await nurse.page.getByTestId('alerts-live').waitFor();
    await nurse.page.getByText('No active alerts.').waitFor({ timeout: 30_000 });

    const patient = await newPage(browser, 'zh-CN', { width: 375, height: 740 });
    await signIn(patient.page, stack.base, 'bp-e2e-patient');
    await patient.page.getByTestId('reading-form').waitFor({ timeout: 30_000 });
    await patient.page.locator('input[name="sbp"]').fill('186');
    await patient.page.locator('input[name="dbp"]').fill('124');
    const started = Date.now();
    await patient.page.locator('[data-testid="reading-form"] button[type="submit"]').click();

    const box = patient.page.getByTestId('crisis-advice');
    await box.waitFor({ timeout: 10_000 });
    const advice = await box.innerText();
    expect(advice).toContain('186/124');
    expect(advice).toMatch(/休息 5 分钟/);
    expect(advice).toMatch(/立即拨打 120/);
    expect(advice).toMatch(/今天之内联系/);
    expect(advice).toContain('中国高血压防治指南');
    expect(advice).not.toMatch(/REFERENCE|UNVERIFIED/);
    // Prominent on a phone: on screen, full width of the content, above the fold.
    const rect = (await box.boundingBox())!;
    expect(rect.width).toBeGreaterThan(300);
    expect(rect.y).toBeLessThan(740);
    const reading = patient.page.locator('[data-testid="recent-readings"] li').first();
    await reading.waitFor();
    expect(await reading.getAttribute('data-category')).toBe('crisis');
    // No "done" status over the crisis: no reminder badge says 已完成 (the adherence count "已完成 0 次" is a number).
    expect(await patient.page.locator('.badge-done').count()).toBe(0);
    expect(await patient.page.getByText('已完成', { exact: true }).count()).toBe(0);
    await patient.page.screenshot({ path: join(SHOTS, 'qihuang-bp-alerts-patient-375.png'), fullPage: true });
    // After a reload the advice is still there (crisis reading of the last 24 hours).
    await patient.page.reload();
    await patient.page.getByTestId('reading-form').waitFor({ timeout: 30_000 });
    await patient.page
      .getByTestId('crisis-advice')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        await patient.page.screenshot({ path: join(SHOTS, 'qihuang-bp-alerts-reload.png'), fullPage: true });
        throw new Error(`${String(error)}\n${await patient.page.locator('body').innerText()}`);
      });

    // The nurse's page shows it without a reload.
    const item = nurse.page.locator('[data-testid="alert-list"] li', { hasText: /建国|bp-alert-e2e-1/ });
    await item.waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const alertId = (await item.getAttribute('data-alert-id'))!;
    await nurse.page.screenshot({ path: join(SHOTS, 'qihuang-bp-alerts-nurse-live.png'), fullPage: true });

    // Closing without the action: refused in the page …
    await item.getByRole('button', { name: 'Record action and close' }).click();
    const form = item.getByTestId('alert-action-form');
    await form.waitFor();
    await form.getByRole('button', { name: 'Close alert' }).click();
    await item.getByTestId('action-required').waitFor();
    // … and by the server (400, the alert stays active).
    const { access_token: nurseToken } = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'bp-e2e-nurse', password: USER_PASSWORD }),
    });
    const bare = await fetch(`${stack.base}/api/bp/alerts/${alertId}/acknowledge`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${nurseToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(400);
    const active = await stack.api<{ id: string }[]>('/api/bp/alerts');
    expect(active.map((a) => a.id)).toContain(alertId);
    await nurse.page.screenshot({
      path: join(SHOTS, 'qihuang-bp-alerts-action-required.png'),
      fullPage: true,
    });

    // With the action: closed, gone from the inbox, kept as FHIR Task.
    await form.getByLabel('Who contacted the patient').fill('Nurse Li');
    await form.getByLabel('Patient (or carer) reached').check();
    await form
      .getByLabel('What was done')
      .fill('Repeated after rest 176/104, no symptoms; clinic visit today 16:00');
    await form.getByRole('button', { name: 'Close alert' }).click();
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    const task = await stack.api<{ status: string }>(`/fhir/R4/Task/cv-task-${alertId}`);
    expect(task.status).toBe('completed');
    await nurse.page.screenshot({ path: join(SHOTS, 'qihuang-bp-alerts-closed.png'), fullPage: true });
    await nurse.context.close();
    await patient.context.close();
  });
});
