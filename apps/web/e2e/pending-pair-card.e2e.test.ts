/**
 * Issue 20 (non-author try), the pharmacist's card in the browser: two changes of one order awaiting review (a
 * switch to chlorthalidone and a hydrochlorothiazide dose change, both replacing hydrochlorothiazide 25 mg). The
 * finding 'two pending changes' cannot be overridden away: each card says why approval is refused, in the page's
 * language, and offers only 退回 — no 通过, so no override box. Server on port 4613 (this brief's range).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { USER_PASSWORD, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

const PATIENT = 'rx-e2e-pair';
warnIfNoChromium('pending-pair-card.e2e');

const order = (id: string, text: string, code: string, mg: number, awaiting: boolean) => ({
  resourceType: 'MedicationRequest',
  id,
  status: awaiting ? 'draft' : 'active',
  intent: 'order',
  ...(awaiting
    ? {
        statusReason: {
          coding: [
            {
              system: 'urn:qihuang:pharmacy-review',
              code: 'awaiting-pharmacist-review',
              display: 'Awaiting pharmacist review',
            },
          ],
        },
        priorPrescription: { reference: 'MedicationRequest/rx-e2e-pair-hctz' },
      }
    : {}),
  subject: { reference: `Patient/${PATIENT}` },
  medicationCodeableConcept: { text, coding: [{ system: 'urn:qihuang:drug', code }] },
  dosageInstruction: [
    {
      text: `${mg} mg once daily`,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
    },
  ],
  authoredOn: new Date(Date.now() - (awaiting ? 30 : 900 * 24 * 60) * 60_000).toISOString(),
});

describe.skipIf(!HAS_CHROMIUM)('two pending changes on the pharmacist card (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, 4613);
    await putPatient(stack, PATIENT, '孙', '平', '1955-02-01');
    await stack.api('/admin/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'pair-rx', password: USER_PASSWORD, role: 'pharmacist' }),
    });
    for (const r of [
      order('rx-e2e-pair-hctz', 'Hydrochlorothiazide 25 mg', 'hydrochlorothiazide', 25, false),
      order('rx-e2e-pair-ctd', 'Chlorthalidone 12.5 mg', 'chlorthalidone', 12.5, true),
      order('rx-e2e-pair-h12', 'Hydrochlorothiazide 12.5 mg', 'hydrochlorothiazide', 12.5, true),
    ])
      await stack.api(`/fhir/R4/MedicationRequest/${r.id}`, {
        method: 'PUT',
        body: JSON.stringify(r),
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('zh-CN: each card says why, offers only 退回', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'pair-rx');
      await page.goto(`${stack!.base}/pharmacy`);
      const group = page.locator(`[data-testid="rx-patient-group"][data-patient="${PATIENT}"]`);
      await group.waitFor({ timeout: 60_000 });
      const refused = group.getByTestId('rx-approval-refused');
      await expect.poll(() => refused.count(), { timeout: 30_000 }).toBe(2);
      for (const text of await refused.allInnerTexts()) {
        expect(text).toMatch(/^不能通过：两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）/);
        expect(text).toContain('请先退回其中一个');
        expect(text).not.toMatch(/MedicationRequest|rx-e2e|Cannot/);
      }
      expect(await group.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
      expect(await group.getByRole('button', { name: '退回', exact: true }).count()).toBe(2);
      await page.screenshot({ path: join(SHOTS, 'issue20-pending-pair-card.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 240_000);
});
