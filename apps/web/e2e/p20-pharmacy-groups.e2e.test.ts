/**
 * Issue 20 (brief P item 4): the pharmacist's queue grouped by patient — one patient's orders together, the patient
 * named once, the patient's open emergency once, in the server's priority order — at 1280 px and on a 375 px phone.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots: $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { USER_PASSWORD, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('p20-pharmacy-groups.e2e');

const ORDERS: [string, string, string, string, number][] = [
  // id, patient, drug text, RxNorm code, dose mg
  ['p20-rx-a1', 'p20-rx-a', 'Amlodipine 5 mg oral tablet', '17767', 5],
  ['p20-rx-a2', 'p20-rx-a', 'Losartan 50 mg oral tablet', '52175', 50],
  ['p20-rx-b1', 'p20-rx-b', 'Amlodipine 5 mg oral tablet', '17767', 5],
];

describe.skipIf(!HAS_CHROMIUM)('pharmacist queue grouped by patient', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({});
    await putPatient(stack, 'p20-rx-a', '王', '秀英', '1956-03-02');
    await putPatient(stack, 'p20-rx-b', '陈', '静', '1960-04-02');
    const doctor = await stack.api<{ id: string }>('/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        username: 'p20-doc',
        password: USER_PASSWORD,
        role: 'clinician',
        displayName: '李医生',
      }),
    });
    await stack.api('/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        username: 'p20-pharm',
        password: USER_PASSWORD,
        role: 'pharmacist',
        displayName: '王药师',
      }),
    });
    let minutes = 60;
    for (const [id, patient, text, code, dose] of ORDERS) {
      minutes -= 10;
      await stack.api(`/fhir/R4/MedicationRequest/${id}`, {
        method: 'PUT',
        body: JSON.stringify({
          resourceType: 'MedicationRequest',
          id,
          status: 'active',
          intent: 'order',
          subject: { reference: `Patient/${patient}` },
          medicationCodeableConcept: {
            text,
            coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code }],
          },
          dosageInstruction: [
            {
              text: `${dose} mg by mouth once daily`,
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
              doseAndRate: [{ doseQuantity: { value: dose, unit: 'mg' } }],
            },
          ],
          authoredOn: new Date(Date.now() - minutes * 60_000).toISOString(),
          requester: { reference: `Practitioner/user-${doctor.id}`, display: 'p20-doc' },
        }),
      });
    }
    // Patient A's crisis reading: an open critical alert, the emergency the pharmacist must check.
    const r = await fetch(`${stack.base}/api/bp/patients/p20-rx-a/readings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'text/csv' },
      body: `time,sbp,dbp,unit,heart_rate,device_id\n${new Date(Date.now() - 30 * 60_000).toISOString()},205,124,mmHg,80,cuff-p20`,
    });
    expect(r.status, await r.clone().text()).toBe(201);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const [width, height] of [
    [1280, 900],
    [375, 812],
  ] as const)
    it(`one group per patient, named once, the emergency once (${width} px)`, async () => {
      const { context, page } = await newPage(browser, 'zh-CN', { width, height });
      try {
        await signIn(page, stack.base, 'p20-pharm');
        await page.goto(`${stack.base}/pharmacy`);
        const groups = page.getByTestId('rx-patient-group');
        await groups.first().waitFor({ timeout: 30_000 });
        expect(await groups.count()).toBe(2);
        // The patient with the open emergency (critical) first; their two orders together under one name.
        const a = page.locator('[data-testid="rx-patient-group"][data-patient="p20-rx-a"]');
        expect(await groups.first().getAttribute('data-patient')).toBe('p20-rx-a');
        expect(await a.locator('.alert-item').count()).toBe(2);
        expect(await a.locator('h2').innerText()).toMatch(/王秀英|秀英/);
        expect(await a.locator('h2').innerText()).toContain('2 张处方');
        // Named once: the cards' headings are the drugs, not the patient again.
        for (const h of await a.locator('h3').allInnerTexts()) expect(h).not.toMatch(/秀英/);
        // The open emergency once for the patient, not on each order; facts once.
        const emergency = await a.getByTestId('rx-open-emergency').allInnerTexts();
        expect(emergency, emergency.join('\n---\n')).toHaveLength(1);
        expect(await a.getByTestId('rx-facts').count()).toBe(1);
        const b = page.locator('[data-testid="rx-patient-group"][data-patient="p20-rx-b"]');
        expect(await b.locator('.alert-item').count()).toBe(1);
        expect(await b.getByTestId('rx-open-emergency').count()).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width + 1,
        );
        await page.screenshot({
          path: join(SHOTS, `qihuang-p20-pharmacy-groups-${width}.png`),
          fullPage: true,
        });
      } finally {
        await context.close();
      }
    }, 120_000);
});
