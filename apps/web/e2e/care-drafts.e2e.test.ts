/**
 * Issue 20 in a browser: a dose change of an active drug is drafted and shown as a change ("5 mg → 10 mg", no
 * critical duplicate to acknowledge), and the care tab's draft times carry the same zone as its alerts. A signed
 * change awaiting the pharmacist (decision 0017) shows as 药师审核中, with no signing and no acknowledging, while
 * the current order stays the patient's; the pharmacist's approval makes it the order and stops the old one. A
 * returned draft offers revise and withdraw, no acknowledge box. Server on port 7732.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  localDay,
  newPage,
  openCare,
  putPatient,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'care-e2e-titrate';
const AWAITING = 'care-e2e-awaiting';
const PORT = 7732;
warnIfNoChromium('care-drafts.e2e');

function amlodipine(id: string, patient: string, mg: number, extra: Record<string, unknown>) {
  return {
    resourceType: 'MedicationRequest',
    id,
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    medicationCodeableConcept: {
      text: `Amlodipine ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
    ...extra,
  };
}

describe.skipIf(!HAS_CHROMIUM)('care drafts in a browser (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let pharmacistToken = '';

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, PORT);
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
    // A dose change signed by the doctor and awaiting the pharmacist (as care's signing writes it with pharmacy
    // review configured): draft, intent order, statusReason awaiting-pharmacist-review; the 5 mg order stays.
    await putPatient(stack, AWAITING, '吴', '秀英', '1958-07-01');
    await stack.api(`/fhir/R4/MedicationRequest/${AWAITING}-aml5`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(
        amlodipine(`${AWAITING}-aml5`, AWAITING, 5, { status: 'active', authoredOn: localDay(60) }),
      ),
    });
    const signedAt = new Date().toISOString();
    await stack.api(`/fhir/R4/MedicationRequest/${AWAITING}-aml10`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(
        amlodipine(`${AWAITING}-aml10`, AWAITING, 10, {
          status: 'draft',
          authoredOn: signedAt,
          statusReason: {
            coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'awaiting-pharmacist-review' }],
            text: 'Awaiting pharmacist review (待药师审核)',
          },
          priorPrescription: { reference: `MedicationRequest/${AWAITING}-aml5`, display: 'Amlodipine 5 mg' },
          extension: [
            {
              url: 'urn:qihuang:signed',
              valueString: JSON.stringify({ by: '张医生', at: signedAt, acknowledged: [] }),
            },
          ],
        }),
      ),
    });
    pharmacistToken = rx.access_token;
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the titration as a change of the active order, with no duplicate to acknowledge; signing waits for the pharmacist, whose approval updates the plan', async () => {
    const { context, page } = await newPage(browser!, 'en-US');
    try {
      await signIn(page, stack!.base, 'titrate-doctor');
      await openCare(page, stack!.base, PATIENT);
      await page.getByTestId('propose-treatment').click();
      const change = page.getByTestId('draft-change');
      await change.first().waitFor({ timeout: 60_000 });
      expect(await change.count()).toBe(1);
      expect(await change.first().innerText()).toMatch(/amlodipine 5 mg → 10 mg/i);
      const card = page.locator('[data-testid="draft"]', { has: change });
      expect(await card.getByTestId('acknowledge').count()).toBe(0);
      expect(await card.innerText()).not.toMatch(/Duplicate amlodipine/i);

      // Signed here with pharmacy review on (the default, decision 0017): the change waits for the pharmacist and
      // the plan keeps 5 mg; once approved, the care plan's current medication is 10 mg (issue 20).
      await page.getByTestId('save-care-plan').click();
      const planMeds = page.getByTestId('care-plan').getByTestId('care-plan-medications');
      await planMeds.waitFor({ timeout: 30_000 });
      expect(await planMeds.innerText()).toMatch(/5 mg/);
      const id = await card.getAttribute('data-id');
      await card.getByTestId('sign-draft').click();
      // Signing asks first (issue 20): patient, medicine, dose, frequency, and that it goes to the pharmacist.
      const dialog = page.getByTestId('sign-dialog');
      await dialog.waitFor({ timeout: 10_000 });
      expect(await dialog.getByTestId('sign-dialog-facts').innerText()).toMatch(
        /周国华[\s\S]*amlodipine 10 mg[\s\S]*10 mg[\s\S]*once daily/i,
      );
      expect(await dialog.getByTestId('sign-dialog-next').innerText()).toMatch(
        /goes to the pharmacist for review/,
      );
      await dialog.getByTestId('sign-confirm').click();
      const signed = page.locator(`[data-testid="draft"][data-id="${id}"]`);
      await expect
        .poll(() => signed.getByTestId('draft-status').innerText(), { timeout: 30_000 })
        .toMatch(/Awaiting pharmacist review/);
      expect(await signed.getAttribute('data-status')).toBe('draft');
      expect(await planMeds.innerText()).toMatch(/5 mg/);
      await stack!.api(
        `/api/pharmacy/queue/${id}/approve`,
        { method: 'POST', body: JSON.stringify({}) },
        pharmacistToken,
      );
      await page.reload();
      const reloaded = page.getByTestId('care-plan').getByTestId('care-plan-medications');
      await expect.poll(() => reloaded.innerText(), { timeout: 30_000 }).toMatch(/10 mg/);
      expect(await reloaded.innerText()).not.toMatch(/\b5 mg/);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('shows a signed change awaiting the pharmacist as not yet the medication; approval makes it the order', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'titrate-doctor');
      await openCare(page, stack!.base, AWAITING);
      const awaiting = page.getByTestId('draft-awaiting-review');
      await awaiting.waitFor({ timeout: 60_000 });
      const card = page.locator('[data-testid="draft"]', { has: awaiting });
      expect(await card.getByTestId('draft-status').innerText()).toBe('药师审核中（暂勿开始服用）');
      expect(await awaiting.innerText()).toMatch(/原医嘱继续有效/);
      expect(await card.innerText()).toMatch(/张医生 于 .+ 签署/);
      expect(await card.getByTestId('draft-change').innerText()).toMatch(/药师审核通过后原医嘱停止/);
      expect(await card.getByTestId('sign-draft').count()).toBe(0);
      expect(await card.getByTestId('acknowledge').count()).toBe(0);
      expect(await card.getByTestId('cancel-draft').innerText()).toBe('撤回');
    } finally {
      await context.close();
    }
    const statusOf = async (id: string) =>
      (await stack!.api<{ status: string }>(`/fhir/R4/MedicationRequest/${id}`)).status;
    expect(await statusOf(`${AWAITING}-aml5`)).toBe('active');
    await stack!.api(
      `/api/pharmacy/queue/${AWAITING}-aml10/approve`,
      { method: 'POST', body: JSON.stringify({}) },
      pharmacistToken,
    );
    expect(await statusOf(`${AWAITING}-aml10`)).toBe('active');
    // The replaced order is stopped with statusReason 'replaced' on approval (decision 0017).
    expect(await statusOf(`${AWAITING}-aml5`)).toBe('stopped');
  }, 180_000);

  it("shows the pharmacist's return on the doctor's draft, with reason and who, to revise or withdraw", async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'titrate-doctor');
      await openCare(page, stack!.base, PATIENT);
      const returned = page.getByTestId('draft-returned');
      await returned.waitFor({ timeout: 60_000 });
      const card = page.locator('[data-testid="draft"]', { has: returned });
      expect(await card.getByTestId('draft-status').innerText()).toBe('已退回');
      expect(await returned.innerText()).toMatch(/titrate-pharmacist[\s\S]*Potassium not checked/);
      expect(await card.getByTestId('sign-draft').count()).toBe(0);
      expect(await card.getByTestId('revise-draft').count()).toBe(1);
      expect(await card.getByTestId('acknowledge').count()).toBe(0);
      expect(await card.getByTestId('cancel-draft').innerText()).toBe('撤回');
    } finally {
      await context.close();
    }
  }, 180_000);
});
