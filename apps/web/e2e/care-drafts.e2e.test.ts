/**
 * Issue 20 in a browser: a dose change of an active drug is drafted and shown as a change ("5 mg → 10 mg", no
 * critical duplicate to acknowledge), and the care tab's draft times carry the same zone as its alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  localDay,
  newPage,
  putPatient,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'care-e2e-titrate';
warnIfNoChromium('care-drafts.e2e');

describe.skipIf(!HAS_CHROMIUM)('care drafts in a browser (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({});
    await putPatient(stack, PATIENT, '周', '国华', '1960-02-01');
    await stack.api(`/fhir/R4/MedicationRequest/${PATIENT}-aml5`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'MedicationRequest',
        id: `${PATIENT}-aml5`,
        status: 'active',
        intent: 'order',
        subject: { reference: `Patient/${PATIENT}` },
        authoredOn: localDay(60),
        medicationCodeableConcept: {
          text: 'Amlodipine 5 mg',
          coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
        },
        dosageInstruction: [
          {
            text: '5 mg once daily',
            timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
            doseAndRate: [
              { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
            ],
          },
        ],
      }),
    });
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    await createUser(stack, 'titrate-doctor', 'clinician');
    await createUser(stack, 'titrate-pharmacist', 'pharmacist');
    // An order awaiting the pharmacist (intent order, status draft), returned with a reason.
    await stack.api(`/fhir/R4/MedicationRequest/${PATIENT}-los`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'MedicationRequest',
        id: `${PATIENT}-los`,
        status: 'draft',
        intent: 'order',
        subject: { reference: `Patient/${PATIENT}` },
        authoredOn: new Date().toISOString(),
        medicationCodeableConcept: {
          text: 'Losartan 50 mg',
          coding: [{ system: 'urn:qihuang:drug', code: 'losartan', display: 'Losartan' }],
        },
      }),
    });
    const rx = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'titrate-pharmacist', password: USER_PASSWORD }),
    });
    await stack.api(
      `/api/pharmacy/queue/${PATIENT}-los/return`,
      { method: 'POST', body: JSON.stringify({ reason: 'Potassium not checked' }) },
      rx.access_token,
    );
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the titration as a change of the active order, with no duplicate to acknowledge', async () => {
    const { context, page } = await newPage(browser!, 'en-US');
    try {
      await signIn(page, stack!.base, 'titrate-doctor');
      await page.goto(`${stack!.base}/patients/${PATIENT}`);
      await page.getByRole('link', { name: /^(Care|管理)$/ }).click();
      await page.getByTestId('care-tab').waitFor({ timeout: 30_000 });
      await page.getByTestId('propose-treatment').click();
      const change = page.getByTestId('draft-change');
      await change.first().waitFor({ timeout: 60_000 });
      expect(await change.count()).toBe(1);
      expect(await change.first().innerText()).toMatch(/amlodipine 5 mg → 10 mg/i);
      const card = page.locator('[data-testid="draft"]', { has: change });
      expect(await card.getByTestId('acknowledge').count()).toBe(0);
      expect(await card.innerText()).not.toMatch(/Duplicate amlodipine/i);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("shows the pharmacist's return on the doctor's draft, with reason and who, to revise or withdraw", async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'titrate-doctor');
      await page.goto(`${stack!.base}/patients/${PATIENT}`);
      await page.getByRole('link', { name: /^(Care|管理)$/ }).click();
      const returned = page.getByTestId('draft-returned');
      await returned.waitFor({ timeout: 60_000 });
      const card = page.locator('[data-testid="draft"]', { has: returned });
      expect(await card.getByTestId('draft-status').innerText()).toBe('已退回');
      expect(await returned.innerText()).toMatch(/titrate-pharmacist[\s\S]*Potassium not checked/);
      expect(await card.getByTestId('sign-draft').count()).toBe(0);
      expect(await card.getByTestId('revise-draft').count()).toBe(1);
      expect(await card.getByTestId('cancel-draft').innerText()).toBe('撤回');
    } finally {
      await context.close();
    }
  }, 180_000);
});
