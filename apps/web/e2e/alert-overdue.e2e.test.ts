/**
 * Browser test of issue 20 (a try of the inbox): "N 条超时未处置" in the header and no card saying which. With the
 * escalation time at 1 minute, a crisis alert is first "to be closed by …", then marked 超时未处置 with since when
 * and its escalation, listed first; the header's count is the number of marked cards. A patient-reported
 * emergency's card shows the BP the patient typed (190/125) and when it was reported.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots go to $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

const CRISIS = 'due-e2e-crisis';
const REPORTED = 'due-e2e-reported';

warnIfNoChromium('alert-overdue.e2e');

describe.skipIf(!HAS_CHROMIUM)('BP alert inbox: overdue cards marked, reported BP shown', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_BP_ALERT_ESCALATE_MINUTES: '1' }, 4801);
    await putPatient(stack, CRISIS, '周', '建国', '1957-03-02');
    await putPatient(stack, REPORTED, '李', '秀兰', '1950-08-12');
    await createUser(stack, 'due-e2e-nurse', 'nurse');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('marks the overdue card, lists it first, and the header counts the marked cards', async () => {
    const measured = new Date(Date.now() - 60_000).toISOString();
    await stack.api(`/api/bp/patients/${CRISIS}/readings`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: `time,sbp,dbp\n${measured},192,126\n`,
    });
    // A reported emergency as the consultation raises it (packages/care emergency-flag.ts): symptoms in its text,
    // the typed BP in its values.
    const at = new Date().toISOString();
    await stack.api(`/fhir/R4/Flag/alert-reported-e2e`, {
      method: 'PUT',
      body: JSON.stringify({
        resourceType: 'Flag',
        id: 'alert-reported-e2e',
        status: 'active',
        code: { coding: [{ system: 'urn:qihuang:bp-alert', code: 'reported-emergency' }] },
        subject: { reference: `Patient/${REPORTED}` },
        period: { start: at },
        extension: [
          {
            url: 'urn:qihuang:bp-alert-detail',
            valueString: JSON.stringify({
              key: `reported-emergency-${at}`,
              severity: 'critical',
              readingIds: ['typed-0'],
              values: { sbp: 190, dbp: 125 },
              display: {
                zh: '患者问诊中报告急症症状：胸痛',
                en: 'Emergency symptoms reported in the consultation: chest pain',
              },
            }),
          },
        ],
      }),
    });
    const started = Date.now();

    const nurse = await newPage(browser, 'zh-CN');
    await signIn(nurse.page, stack.base, 'due-e2e-nurse');
    await nurse.page.goto(`${stack.base}/alerts`);
    const crisisCard = nurse.page.locator('[data-testid="alert-list"] li', { hasText: '周建国' });
    await crisisCard.waitFor({ timeout: 30_000 });
    await crisisCard.getByTestId('alert-due').waitFor();
    expect(await crisisCard.getByTestId('alert-overdue').count()).toBe(0);

    const reported = nurse.page.locator('[data-testid="alert-list"] li', { hasText: '李秀兰' });
    const reading = reported.getByTestId('alert-reading');
    await reading.waitFor();
    expect(await reading.innerText()).toMatch(/患者报告的血压：190\/125 mmHg，.+在问诊中报告/);
    await nurse.page.screenshot({ path: join(SHOTS, 'qihuang-alert-due-zh.png'), fullPage: true });

    // Past the 1-minute target and escalated by the notifier (every 5 s).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 75_000 - (Date.now() - started))));
    await nurse.page.reload();
    const overdue = crisisCard.getByTestId('alert-overdue');
    await overdue.waitFor({ timeout: 30_000 });
    const text = await overdue.innerText();
    expect(text).toContain('超时未处置');
    expect(text).toMatch(/自 .+ 起超过 1 分钟处置时限/);
    expect(text).toMatch(/已于 .+ 升级/);
    // Listed first; the header's count is the number of marked cards.
    const first = nurse.page.locator('[data-testid="alert-list"] li').first();
    expect(await first.innerText()).toContain('周建国');
    const marked = await nurse.page.locator('[data-testid="alert-list"] li.overdue').count();
    const header = await nurse.page.getByTestId('alert-timeliness').innerText();
    expect(header).toContain(`${marked} 条超时未处置`);
    expect(marked).toBeGreaterThanOrEqual(1);
    await nurse.page.screenshot({ path: join(SHOTS, 'qihuang-alert-overdue-zh.png'), fullPage: true });

    // English: the same marks in English.
    const en = await newPage(browser, 'en-US');
    await signIn(en.page, stack.base, 'due-e2e-nurse');
    await en.page.goto(`${stack.base}/alerts`);
    const enCard = en.page.locator('[data-testid="alert-list"] li').first();
    await enCard.getByTestId('alert-overdue').waitFor({ timeout: 30_000 });
    expect(await enCard.getByTestId('alert-overdue').innerText()).toMatch(/Overdue.*since.*Escalated at/s);
    expect(await en.page.getByTestId('alert-timeliness').innerText()).toContain(`${marked} open past target`);
    await en.page.screenshot({ path: join(SHOTS, 'qihuang-alert-overdue-en.png'), fullPage: true });
    await en.context.close();
    await nurse.context.close();
  });
});
