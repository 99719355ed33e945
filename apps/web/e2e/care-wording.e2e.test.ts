/**
 * Issue 20 (non-author try), what the clinician's draft says will really happen, in a browser: a draft that is not
 * the engine's tagged proposal, replacing an order referenced without a name, reads as a dose change of that
 * order ("Hydrochlorothiazide 25 mg → 12.5 mg", stopping when the pharmacist approves), and its sign dialog shows
 * the frequency and that signing sends it to the pharmacist and stops the order it replaces on approval. A second
 * pending change of the same order is refused with the server's reason visible, not folded under Details.
 * Server on port 4900 (this helper's range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  newPage,
  openCare,
  putPatient,
  signIn,
  startServer,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'care-e2e-wording';
const PORT = 4900;
warnIfNoChromium('care-wording.e2e');

const order = (id: string, text: string, mg: number, extra: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  id,
  intent: 'proposal',
  status: 'draft',
  subject: { reference: `Patient/${PATIENT}` },
  authoredOn: new Date().toISOString(),
  medicationCodeableConcept: { text },
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
});

describe.skipIf(!HAS_CHROMIUM)('what a draft says signing will do (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const put = (resource: { id: string }) =>
    stack!.api(`/fhir/R4/MedicationRequest/${resource.id}`, {
      method: 'PUT',
      body: JSON.stringify(resource),
      headers: { 'Content-Type': 'application/fhir+json' },
    });

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, PORT);
    await putPatient(stack, PATIENT, 'Nolan', 'Reba', '1950-02-01');
    await put(order('w-hctz25', 'Hydrochlorothiazide 25 mg', 25, { status: 'active', intent: 'order' }));
    // Not a tagged proposal; the order it replaces referenced without a display.
    const replacing = { priorPrescription: { reference: 'MedicationRequest/w-hctz25' } };
    await put(order('w-hctz125', 'Hydrochlorothiazide 12.5 mg', 12.5, replacing));
    await put(order('w-amlo', 'Amlodipine 2.5 mg', 2.5, replacing));
    await put(order('w-losartan', 'Losartan 50 mg', 50, {}));
    await createUser(stack, 'wording-doctor', 'clinician');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an untagged dose-change draft: named change, pharmacist review and frequency in the sign dialog', async () => {
    const { context, page } = await newPage(browser!, 'en-US');
    try {
      await signIn(page, stack!.base, 'wording-doctor');
      await openCare(page, stack!.base, PATIENT);
      const card = page.locator('[data-testid="draft"][data-id="w-hctz125"]');
      await card.waitFor({ timeout: 60_000 });
      const change = await card.getByTestId('draft-change').innerText();
      expect(change).toMatch(/^Dose change/);
      expect(change).toMatch(/Hydrochlorothiazide 25 mg → 12\.5 mg/);
      expect(change).toMatch(/stops when the pharmacist approves/);
      for (const box of await card.getByTestId('acknowledge').all()) await box.check();
      await card.getByTestId('sign-draft').click();
      const dialog = page.getByTestId('sign-dialog');
      await dialog.waitFor({ timeout: 10_000 });
      expect(await dialog.getByTestId('sign-dialog-facts').innerText()).toMatch(/Frequency\s+once daily/);
      const next = await dialog.getByTestId('sign-dialog-next').innerText();
      expect(next).toMatch(/goes to the pharmacist for review/);
      expect(next).toMatch(/current order \(Hydrochlorothiazide 25 mg\) stops/);
      expect(next).not.toMatch(/at once/);
      await page.getByTestId('sign-confirm').click();
      await card.getByTestId('draft-awaiting-review').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  }, 240_000);

  it('a second pending change of the same order: the refusal reason is visible', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'wording-doctor');
      await openCare(page, stack!.base, PATIENT);
      const card = page.locator('[data-testid="draft"][data-id="w-amlo"]');
      await card.waitFor({ timeout: 60_000 });
      for (const box of await card.getByTestId('acknowledge').all()) await box.check();
      await card.getByTestId('sign-draft').click();
      await page.getByTestId('sign-confirm').click();
      const error = card.getByTestId('care-error');
      await error.waitFor({ timeout: 30_000 });
      // Visible without opening anything: no <details> holds the reason.
      expect(await error.locator('details').count()).toBe(0);
      const said = await error.innerText();
      expect(said).toMatch(/处方未签署/);
      expect(said).toMatch(/不能签署：两个待生效的变更替换同一医嘱/);
      expect(said).toMatch(/请撤回其中一个/);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('withdrawing asks first, and the card then says 已撤回 under 本页已签署或撤回 (one word)', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'wording-doctor');
      await openCare(page, stack!.base, PATIENT);
      const card = page.locator('[data-testid="draft"][data-id="w-losartan"]');
      await card.waitFor({ timeout: 60_000 });
      expect(await card.getByTestId('cancel-draft').innerText()).toBe('撤回草稿');
      await card.getByTestId('cancel-draft').click();
      const confirm = card.getByTestId('withdraw-confirm');
      await confirm.waitFor({ timeout: 10_000 });
      expect(await confirm.innerText()).toMatch(/撤回此草稿？/);
      // 返回 keeps the draft.
      await confirm.getByTestId('withdraw-back').click();
      expect(await card.getAttribute('data-status')).toBe('draft');
      await card.getByTestId('cancel-draft').click();
      await card.getByTestId('withdraw-yes').click();
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 30_000 }).toBe('cancelled');
      expect(await card.getByTestId('draft-status').innerText()).toBe('已撤回');
      expect(await page.getByTestId('care-tab').innerText()).toMatch(/本页已签署或撤回/);
      expect(await page.getByTestId('care-tab').innerText()).not.toMatch(/作废/);
    } finally {
      await context.close();
    }
  }, 240_000);
});
