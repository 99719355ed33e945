/**
 * Issue 20 in a browser (zh-CN, 1366 px): a doctor edits a prescription draft's dose before signing — the form
 * offers the drug's unit, the frequency list, days and quantity; a dose above the drug's maximum daily dose is
 * refused in Chinese before anything is sent (decision 0019); the saved draft shows the new dosage line and
 * 总量/天数 and the review run again; signing (confirmation showing the new dose) moves it under its own heading
 * 待药师审核 with no edit, no signing and no 打印 (decision 0017); its slip says it is not for dispensing. Server on
 * port 4761 (this helper's range). Screenshots: /tmp/qihuang-draft-edit-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  createUser,
  newPage,
  openCare,
  putPatient,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'care-e2e-draft-edit';
const DRAFT = 'care-e2e-draft-edit-aml';
const PORT = 4761;
warnIfNoChromium('draft-edit.e2e');

describe.skipIf(!HAS_CHROMIUM)('editing a prescription draft in a browser (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, PORT);
    await putPatient(stack, PATIENT, '郑', '秀兰', '1962-04-01');
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    // An unsigned draft as the engine's proposal writes one: amlodipine 5 mg once daily.
    await stack.api(`/fhir/R4/MedicationRequest/${DRAFT}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'MedicationRequest',
        id: DRAFT,
        meta: { tag: [{ system: 'urn:qihuang:care', code: 'treatment-proposal' }] },
        status: 'draft',
        intent: 'proposal',
        authoredOn: new Date().toISOString(),
        subject: { reference: `Patient/${PATIENT}` },
        medicationCodeableConcept: {
          text: 'Amlodipine 5 mg',
          coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
        },
        dosageInstruction: [
          {
            text: '5 mg once daily',
            timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
            route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
            doseAndRate: [
              { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
            ],
          },
        ],
        dispenseRequest: {
          quantity: { value: 28, unit: 'tablet', system: 'http://unitsofmeasure.org', code: '{tbl}' },
          expectedSupplyDuration: { value: 28, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
          numberOfRepeatsAllowed: 0,
        },
      }),
    });
    await createUser(stack, 'edit-doctor', 'clinician');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('edits the dose in Chinese, refuses one above the maximum, signs it; it then waits under 待药师审核', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'edit-doctor');
      await openCare(page, stack!.base, PATIENT);
      const toSign = page.getByTestId('draft-group-toSign');
      const card = toSign.locator(`[data-testid="draft"][data-id="${DRAFT}"]`);
      await card.waitFor({ timeout: 60_000 });
      expect(await toSign.locator('h3').innerText()).toBe('待签署的处方草稿');
      expect(await card.getByTestId('draft-supply').innerText()).toBe('总量 28 片 · 28 天');

      await card.getByTestId('edit-draft').click();
      const form = card.getByTestId('draft-edit');
      await form.waitFor();
      expect(await form.getByTestId('edit-unit').inputValue()).toBe('mg');
      const frequencies = await form.getByTestId('edit-frequency').locator('option').allInnerTexts();
      expect(frequencies).toEqual(['每日一次', '每日两次', '每日三次', '每日四次', '每晚一次']);
      expect(await form.innerText()).toMatch(/规格：2\.5 \/ 5 \/ 10 mg；每日最大剂量 10 mg/);

      // Above the maximum daily dose: said in Chinese, nothing sent.
      await form.getByTestId('edit-dose').fill('10');
      await form.getByTestId('edit-frequency').selectOption('bid');
      await form.getByTestId('edit-save').click();
      expect(await form.getByTestId('edit-problem').innerText()).toBe(
        '未保存：每日 20 mg，超过每日最大剂量 10 mg。',
      );

      await form.getByTestId('edit-frequency').selectOption('qd');
      await form.getByTestId('edit-days').fill('14');
      await page.screenshot({ path: '/tmp/qihuang-draft-edit-form.png', fullPage: false });
      await form.getByTestId('edit-save').click();
      await card.getByTestId('draft-edit-saved').waitFor({ timeout: 30_000 });
      expect(await card.getByTestId('draft-dosage').innerText()).toBe('口服 10 mg，每日一次');
      expect(await card.getByTestId('draft-supply').innerText()).toBe('总量 14 片 · 14 天');
      expect(await card.locator('h4').innerText()).toMatch(/氨氯地平 10 mg/);
      expect(await card.innerText()).not.toMatch(/amlodipine|once daily|tablet/i);

      await card.getByTestId('sign-draft').click();
      const dialog = page.getByTestId('sign-dialog');
      await dialog.waitFor({ timeout: 10_000 });
      const facts = await dialog.getByTestId('sign-dialog-facts').innerText();
      expect(facts).toMatch(/10 mg/);
      expect(facts).toMatch(/每日一次/);
      await page.getByTestId('sign-confirm').click();

      const awaiting = page.getByTestId('draft-group-awaiting');
      const signed = awaiting.locator(`[data-testid="draft"][data-id="${DRAFT}"]`);
      await signed.waitFor({ timeout: 30_000 });
      expect(await awaiting.locator('h3').innerText()).toBe('待药师审核');
      expect(await toSign.count()).toBe(0);
      expect(await signed.getByTestId('edit-draft').count()).toBe(0);
      expect(await signed.getByTestId('sign-draft').count()).toBe(0);
      expect(await signed.getByTestId('print-slip-link').count()).toBe(0);
      await page.setViewportSize({ width: 1366, height: 900 });
      await awaiting.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/qihuang-draft-edit-awaiting.png', fullPage: false });

      // The slip of an order with the pharmacist says it is not for dispensing.
      await page.goto(`${stack!.base}/prescriptions/${DRAFT}/print`);
      const note = page.getByTestId('slip-draft-note');
      await note.waitFor({ timeout: 30_000 });
      expect(await note.innerText()).toBe('已签署，待药师审核：审核通过前不能作为处方调配。');
      expect(await page.getByTestId('slip-watermark').innerText()).toBe('待药师审核，不可调配');
      expect(await page.getByTestId('slip-line').innerText()).toMatch(/总量 14 片　天数 14天/);
    } finally {
      await context.close();
    }
  }, 300_000);
});
