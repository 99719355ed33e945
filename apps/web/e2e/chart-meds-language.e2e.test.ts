/**
 * Issue 20 try, the chart's 用药 list in Chromium (port 7800): on a Chinese screen a demo order reads by its zh name
 * and a zh dose line ('氯噻酮 12.5 mg 片', not 'Chlorthalidone 12.5 mg oral tablet'), and a superseded draft
 * (已取消) and an order the pharmacist returned (已退回) are not among the medications; the English chart shows
 * the same list in English.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ORDERS, demoMedicationRequest } from '@qihuang/demo';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('chart-meds-language.e2e');
const PID = 'meds-1';
const subject = { reference: `Patient/${PID}` };
const amlodipine = (id: string, mg: number) => ({
  text: `Amlodipine ${mg} mg`,
  coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'amlodipine' }],
});
const dose = (mg: number) => [
  {
    text: `${mg} mg once daily`,
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
    doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
  },
];

const ORDERS = [
  // Signed and with the pharmacist, as the demo writes it (its zh text as a translation extension).
  {
    ...(demoMedicationRequest(
      DEMO_ORDERS.find((o) => o.id === 'demo-rx-barrows-chlorthalidone')!,
      new Date(),
    ) as object),
    id: 'meds-chlorthalidone',
    subject,
  },
  // A superseded proposal (withdrawn when a newer one was made).
  {
    resourceType: 'MedicationRequest',
    id: 'meds-old-draft',
    status: 'cancelled',
    intent: 'proposal',
    subject,
    authoredOn: '2026-03-01T03:00:00Z',
    medicationCodeableConcept: amlodipine('meds-old-draft', 2.5),
    dosageInstruction: dose(2.5),
  },
  // Returned by the pharmacist: back with the prescriber on the Care tab.
  {
    resourceType: 'MedicationRequest',
    id: 'meds-returned',
    status: 'draft',
    intent: 'order',
    subject,
    authoredOn: '2026-03-02T03:00:00Z',
    statusReason: {
      coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'returned-by-pharmacist' }],
    },
    extension: [
      {
        url: 'urn:qihuang:pharmacy-review',
        extension: [
          { url: 'state', valueCode: 'returned' },
          { url: 'reason', valueString: '重复给药' },
        ],
      },
    ],
    medicationCodeableConcept: amlodipine('meds-returned', 10),
    dosageInstruction: dose(10),
  },
];

describe.skipIf(!HAS_CHROMIUM)('the chart medication list (needs chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 7800);
    await putPatient(stack, PID, '马', '可', '1950-03-01');
    // stack.api throws on a non-2xx answer.
    for (const r of ORDERS)
      await stack.api(`/fhir/R4/MedicationRequest/${(r as { id: string }).id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify(r),
      });
    await createUser(stack, 'meds-doctor', 'clinician');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it.each([
    ['zh-CN', '氯噻酮 12.5 mg 片', '口服，每日一次，每次12.5 mg'],
    ['en-US', 'Chlorthalidone 12.5 mg oral tablet', '12.5 mg by mouth once daily'],
  ])(
    '%s: the demo order in the page language, no cancelled or returned order',
    async (locale, name, line) => {
      const { context, page } = await newPage(browser!, locale);
      try {
        await signIn(page, stack!.base, 'meds-doctor');
        await page.goto(`${stack!.base}/patients/${PID}`);
        const rows = page.locator('section[aria-labelledby=sec-meds] li');
        await rows.first().waitFor({ timeout: 60_000 });
        const texts = await rows.allInnerTexts();
        expect(texts).toHaveLength(1);
        expect(texts[0]).toContain(name);
        expect(texts[0]).toContain(line);
        expect(texts.join('\n')).not.toMatch(/已取消|已退回|Cancelled|Returned|Amlodipine|氨氯地平/);
        await page.screenshot({ path: join(SHOTS, `qihuang-chart-meds-${locale}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
