/**
 * Issue 20 (non-author try), the pharmacist's card in a browser: a switch awaiting review says what approval will
 * do ("将替换 …：审核通过后原医嘱停止"), never "已替换 …（原医嘱已停止）"; when a clinician stopped the order it
 * replaces after signing, the card says so and when. Server on port 4901 (this helper's range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AWAITING_REVIEW_REASON } from '@qihuang/pharmacy-review';
import { HAS_CHROMIUM, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

const PORT = 4901;
warnIfNoChromium('care-wording-pharmacy.e2e');

const order = (id: string, patient: string, text: string, mg: number, extra: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  id,
  intent: 'order',
  subject: { reference: `Patient/${patient}` },
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

describe.skipIf(!HAS_CHROMIUM)(
  'the pharmacist card says what approval will do (needs /usr/bin/chromium)',
  () => {
    let stack: Stack | undefined;
    let browser: Browser | undefined;
    const put = (resource: { id: string }) =>
      stack!.api(`/fhir/R4/MedicationRequest/${resource.id}`, {
        method: 'PUT',
        body: JSON.stringify(resource),
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    const pending = (id: string, patient: string, prior: string) =>
      order(id, patient, 'Chlorthalidone 12.5 mg', 12.5, {
        status: 'draft',
        statusReason: AWAITING_REVIEW_REASON,
        priorPrescription: { reference: `MedicationRequest/${prior}`, display: 'Hydrochlorothiazide 25 mg' },
      });

    beforeAll(async () => {
      ensureWebBuild();
      stack = await startServer({}, PORT);
      await putPatient(stack, 'rxw-open', 'Nolan', 'Reba', '1950-02-01');
      await putPatient(stack, 'rxw-stopped', 'Barrows', 'Marcos', '1952-03-01');
      await put(order('rxw-h1', 'rxw-open', 'Hydrochlorothiazide 25 mg', 25, { status: 'active' }));
      await put(pending('rxw-c1', 'rxw-open', 'rxw-h1'));
      await put(order('rxw-h2', 'rxw-stopped', 'Hydrochlorothiazide 25 mg', 25, { status: 'active' }));
      await put(pending('rxw-c2', 'rxw-stopped', 'rxw-h2'));
      // Stopped outright by a clinician after the switch was signed.
      await put(order('rxw-h2', 'rxw-stopped', 'Hydrochlorothiazide 25 mg', 25, { status: 'stopped' }));
      await createUser(stack, 'wording-rx', 'pharmacist');
      browser = await launchBrowser();
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    it('pending: 将替换, never 已替换; a replaced order stopped meanwhile is said with when', async () => {
      const { context, page } = await newPage(browser!, 'zh-CN');
      try {
        await signIn(page, stack!.base, 'wording-rx');
        await page.goto(`${stack!.base}/pharmacy`);
        const lines = page.getByTestId('rx-replaces');
        await expect.poll(() => lines.count(), { timeout: 60_000 }).toBe(2);
        const texts = await lines.allInnerTexts();
        expect(texts.join('\n')).not.toMatch(/已替换/);
        expect(texts.some((s) => /将替换 氢氯噻嗪 25 mg：审核通过后原医嘱停止/.test(s))).toBe(true);
        expect(texts.some((s) => /原医嘱已于 .+ 被停用：请确认本处方是否仍需开始/.test(s))).toBe(true);
      } finally {
        await context.close();
      }
    }, 240_000);
  },
);
