/**
 * Issue 20, prescription workflow after a non-author try, in a browser (zh-CN): the sign dialog shows the supply
 * the draft carries (天数 / 总量), the pharmacist's card shows it too; once approved, the Care tab lists the order
 * under 药师已审核通过 with who approved it and its print-slip link; a potassium of 5.8 measured after the approval
 * shows on the approved order (care tab and pharmacist card) as having appeared after the approval, with its time.
 * Server on port 7750 (this helper's range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
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

const PATIENT = 'care-e2e-approved';
const PORT = 7750;
warnIfNoChromium('approved-supply.e2e');

async function openCare(page: Page, base: string) {
  await page.goto(`${base}/patients/${PATIENT}/care`);
  await page.getByTestId('care-tab').waitFor({ timeout: 60_000 });
}

describe.skipIf(!HAS_CHROMIUM)('supply, approval and later findings (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let orderId = '';

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, PORT);
    await putPatient(stack, PATIENT, '郑', '国强', '1965-04-01');
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    await createUser(stack, 'appr-doctor', 'clinician');
    await createUser(stack, 'appr-pharmacist', 'pharmacist');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the sign dialog and the pharmacist card show 天数 and 总量', async () => {
    const doctor = await newPage(browser!, 'zh-CN');
    try {
      await signIn(doctor.page, stack!.base, 'appr-doctor');
      await openCare(doctor.page, stack!.base);
      await doctor.page.getByTestId('propose-treatment').click();
      const card = doctor.page.locator('[data-testid="draft"][data-status="draft"]').first();
      await card.waitFor({ timeout: 60_000 });
      orderId = (await card.getAttribute('data-id')) ?? '';
      for (const box of await card.getByTestId('acknowledge').all()) await box.check();
      await card.getByTestId('sign-draft').click();
      const dialog = doctor.page.getByTestId('sign-dialog');
      await dialog.waitFor({ timeout: 10_000 });
      const facts = await dialog.getByTestId('sign-dialog-facts').innerText();
      expect(facts).toMatch(/天数\s*\d+ 天/);
      expect(facts).toMatch(/总量\s*\d+ 片/);
      expect(facts).not.toMatch(/tablets?|days/);
      await doctor.page.getByTestId('sign-confirm').click();
      await doctor.page
        .locator(`[data-testid="draft"][data-id="${orderId}"] [data-testid="draft-awaiting-review"]`)
        .waitFor({ timeout: 30_000 });
    } finally {
      await doctor.context.close();
    }
    const rx = await newPage(browser!, 'zh-CN');
    try {
      await signIn(rx.page, stack!.base, 'appr-pharmacist');
      await rx.page.goto(`${stack!.base}/pharmacy`);
      const card = rx.page.getByTestId('pharmacy-queue').locator('li').first();
      await card.waitFor({ timeout: 30_000 });
      expect(await card.innerText()).toMatch(/天数 \d+ 天 · 总量 \d+ 片/);
    } finally {
      await rx.context.close();
    }
  }, 240_000);

  it('approved: the Care tab lists it with who approved it and its slip; a later K⁺ 5.8 is marked as after the approval', async () => {
    const login = await stack!.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'appr-pharmacist', password: USER_PASSWORD }),
    });
    const queue = await stack!.api<{ items: { id: string; findings: { id: string; severity: string }[] }[] }>(
      '/api/pharmacy/queue',
      {},
      login.access_token,
    );
    const findings = queue.items.find((i) => i.id === orderId)?.findings ?? [];
    const overrides = Object.fromEntries(
      findings.filter((f) => f.severity !== 'info').map((f) => [f.id, '已核对']),
    );
    await stack!.api(
      `/api/pharmacy/queue/${orderId}/approve`,
      { method: 'POST', body: JSON.stringify({ overrides }) },
      login.access_token,
    );

    const doctor = await newPage(browser!, 'zh-CN');
    try {
      await signIn(doctor.page, stack!.base, 'appr-doctor');
      await openCare(doctor.page, stack!.base);
      const group = doctor.page.getByTestId('draft-group-approved');
      await group.waitFor({ timeout: 30_000 });
      expect(await group.locator('h3').innerText()).toBe('药师已审核通过');
      const card = group.locator(`[data-testid="draft"][data-id="${orderId}"]`);
      expect(await card.getByTestId('draft-approved').innerText()).toMatch(/^药师 .+ 于 .+ 审核通过$/);
      const link = card.getByTestId('print-slip-link');
      expect(await link.innerText()).toBe('打印处方笺');
      expect(await link.getAttribute('href')).toBe(`/prescriptions/${encodeURIComponent(orderId)}/print`);

      // A potassium of 5.8 now, after the approval (REFERENCE §5.3: K⁺ >5.5 with a RAAS blocker).
      await stack!.api(`/fhir/R4/Observation/${PATIENT}-k`, {
        method: 'PUT',
        body: JSON.stringify({
          resourceType: 'Observation',
          id: `${PATIENT}-k`,
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
          subject: { reference: `Patient/${PATIENT}` },
          effectiveDateTime: new Date().toISOString(),
          valueQuantity: { value: 5.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        }),
        headers: { 'Content-Type': 'application/fhir+json' },
      });
      await openCare(doctor.page, stack!.base);
      const note = doctor.page
        .locator(`[data-testid="draft"][data-id="${orderId}"]`)
        .getByTestId('finding-after-approval');
      await note.first().waitFor({ timeout: 30_000 });
      expect(await note.first().innerText()).toMatch(
        /^药师审核通过（.+）后出现，依据 .+ 的检验结果，不属于审核通过的内容$/,
      );
    } finally {
      await doctor.context.close();
    }

    const rx = await newPage(browser!, 'zh-CN');
    try {
      await signIn(rx.page, stack!.base, 'appr-pharmacist');
      await rx.page.goto(`${stack!.base}/pharmacy`);
      await rx.page.getByTestId('pharmacy-queue').or(rx.page.getByText('暂无处方。')).first().waitFor();
      await rx.page.locator('select').first().selectOption('approved');
      const note = rx.page.getByTestId('rx-finding-after-approval');
      await note.first().waitFor({ timeout: 30_000 });
      expect(await note.first().innerText()).toMatch(/^药师审核通过（.+）后出现，依据 .+ 的检验结果/);
    } finally {
      await rx.context.close();
    }
  }, 240_000);
});
