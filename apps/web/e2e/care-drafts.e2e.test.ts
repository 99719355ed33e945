/**
 * Issue 20 in a browser: a dose change of an active drug is drafted and shown as a change ("5 mg → 10 mg", no
 * critical duplicate to acknowledge), and the care tab's draft times carry the same zone as its alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
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
});
