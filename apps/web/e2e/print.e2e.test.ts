/**
 * Issue 20, printing, in Chromium under print media: the 处方笺 of a signed order carries the hospital, patient
 * (name, sex, age, MRN), diagnosis, Rp line in the drug knowledge base's Chinese name, prescriber and the
 * pharmacist's review, with no navigation or buttons on paper; an unsigned draft prints under the "draft — not a
 * prescription" watermark; a chart page prints the running patient header. PDFs and screenshots go to SHOTS.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  E2E_ADMIN_PASSWORD,
  HAS_CHROMIUM,
  SHOTS,
  ensureWebBuild,
  launchBrowser,
  startServer,
  warnIfNoChromium,
} from './support.ts';
import { createUser, localDay, newPage, signIn, threeWeeksCsv, type Stack } from './care-stack.ts';

const PATIENT = 'print-e2e-wang';
const HOSPITAL = '岐黄市第一人民医院';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
warnIfNoChromium('print.e2e');

/** The real server on this helper's port (7651), no demo data, the hospital's name configured. */
async function startStack(): Promise<Stack> {
  const server = await startServer(
    { QIHUANG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, QIHUANG_DEMO: '0', QIHUANG_HOSPITAL_NAME: HOSPITAL },
    { dataDirPrefix: 'qihuang-print-e2e-', port: 7651 },
  );
  const stack: Stack = {
    base: server.base,
    adminToken: '',
    stop: server.stop,
    api: async <T>(path: string, init: RequestInit = {}, token?: string): Promise<T> => {
      const bearer = token ?? stack.adminToken;
      const response = await fetch(`${server.base}${path}`, {
        ...init,
        headers: {
          Accept: 'application/json',
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${path} → ${response.status}: ${text.slice(0, 400)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
  const login = await stack.api<{ access_token: string }>('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
  });
  stack.adminToken = login.access_token;
  return stack;
}

const fhirPut = (stack: Stack, path: string, body: object) =>
  stack.api(`/fhir/R4/${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(body),
  });

function order(id: string, status: string, extension: object[]) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: `Patient/${PATIENT}` },
    authoredOn: `${localDay(0)}T08:00:00Z`,
    medicationCodeableConcept: {
      text: 'amlodipine 5 mg',
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    dosageInstruction: [
      {
        text: '5 mg once daily',
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
        doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg' } }],
      },
    ],
    dispenseRequest: {
      quantity: { value: 28, unit: '片' },
      expectedSupplyDuration: { value: 28, unit: 'days', code: 'd' },
    },
    ...(extension.length > 0 ? { extension } : {}),
  };
}

/** Under print media: the console frame is gone, the page is black on white. */
async function expectPaper(page: Page) {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('header.topbar').isVisible()).toBe(false);
  expect(await page.locator('nav').first().isVisible()).toBe(false);
  for (const button of await page.locator('button').all()) expect(await button.isVisible()).toBe(false);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toMatch(/rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/);
}

describe.skipIf(!HAS_CHROMIUM)('printing in a browser (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startStack();
    await fhirPut(stack, `Patient/${PATIENT}`, {
      resourceType: 'Patient',
      id: PATIENT,
      name: [{ family: '王', given: ['秀英'] }],
      gender: 'female',
      birthDate: '1958-03-02',
      identifier: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
          value: 'MZ0012345',
        },
      ],
    });
    await fhirPut(stack, `Condition/${PATIENT}-htn`, {
      resourceType: 'Condition',
      id: `${PATIENT}-htn`,
      subject: { reference: `Patient/${PATIENT}` },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: {
        text: 'Essential hypertension',
        _text: {
          extension: [
            {
              url: TRANSLATION,
              extension: [
                { url: 'lang', valueCode: 'zh' },
                { url: 'content', valueString: '原发性高血压' },
              ],
            },
          ],
        },
      },
    });
    await createUser(stack, 'print-doctor', 'clinician');
    await createUser(stack, 'print-patient', 'patient', PATIENT);
    const signedAt = new Date().toISOString();
    await fhirPut(
      stack,
      `MedicationRequest/${PATIENT}-signed`,
      order(`${PATIENT}-signed`, 'active', [
        { url: 'urn:qihuang:signed', valueString: JSON.stringify({ by: 'print-doctor', at: signedAt }) },
        {
          url: 'urn:qihuang:pharmacy-review',
          extension: [
            { url: 'state', valueCode: 'approved' },
            { url: 'by', valueString: 'ph.zhao' },
            { url: 'by-name', valueString: '赵敏' },
            { url: 'at', valueDateTime: signedAt },
          ],
        },
      ]),
    );
    await fhirPut(stack, `MedicationRequest/${PATIENT}-draft`, order(`${PATIENT}-draft`, 'draft', []));
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    await stack.api(`/api/care/patients/${PATIENT}/care-plan?lang=zh`, { method: 'PUT', body: '{}' });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('prints the 处方笺 of a signed order: every field, no navigation or buttons', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/prescriptions/${PATIENT}-signed/print`);
      const slip = page.getByTestId('prescription-slip');
      await slip.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('print-button').innerText()).toBe('打印处方笺');
      await expectPaper(page);
      expect(await slip.isVisible()).toBe(true);
      expect(await slip.getAttribute('data-signed')).toBe('true');
      expect(await page.getByTestId('slip-watermark').count()).toBe(0);
      const text = await slip.innerText();
      expect(await page.getByTestId('slip-hospital').innerText()).toBe(HOSPITAL);
      expect(text).toContain('处方笺');
      expect(await page.getByTestId('slip-name').innerText()).toMatch(/王秀英/);
      expect(text).toMatch(/性别\s*：?\s*女/);
      expect(text).toMatch(/年龄\s*：?\s*\d+岁/);
      expect(await page.getByTestId('slip-mrn').innerText()).toMatch(/MZ0012345/);
      expect(await page.getByTestId('slip-diagnosis').innerText()).toMatch(/原发性高血压/);
      const line = await page.getByTestId('slip-line').innerText();
      for (const part of ['氨氯地平', '5 mg', '口服', '每日一次', '28 片', '28天'])
        expect(line).toContain(part);
      expect(await page.getByTestId('slip-prescriber').innerText()).toMatch(/print-doctor/);
      expect(await page.getByTestId('slip-pharmacist').innerText()).toMatch(/赵敏 审核通过/);
      expect(text).not.toMatch(/REFERENCE|UNVERIFIED|amlodipine/i);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(SHOTS, 'print-slip-zh.pdf'), pdf);
      await page.screenshot({ path: join(SHOTS, 'print-slip-zh.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('an unsigned draft prints under the "Draft — not a prescription" watermark (English screen)', async () => {
    const { context, page } = await newPage(browser!, 'en-US');
    try {
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/prescriptions/${PATIENT}-draft/print`);
      await page.getByTestId('prescription-slip').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('slip-draft-note').innerText()).toMatch(
        /cannot be printed as a prescription/,
      );
      await expectPaper(page);
      expect(await page.getByTestId('slip-watermark').innerText()).toBe('Draft — not a prescription');
      expect(await page.getByTestId('slip-watermark').isVisible()).toBe(true);
      expect(await page.getByTestId('slip-draft-note').isVisible()).toBe(false);
      const line = await page.getByTestId('slip-line').innerText();
      expect(line).toMatch(/amlodipine/);
      expect(line).toMatch(/Oral/);
      expect(await page.getByTestId('slip-pharmacist').innerText()).toMatch(
        /Pharmacist review\s+not yet reviewed$/,
      );
      writeFileSync(join(SHOTS, 'print-slip-draft-en.pdf'), await page.pdf({ format: 'A4' }));
      await page.screenshot({ path: join(SHOTS, 'print-slip-draft-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('a chart page prints with the running patient header and print date, without the console frame', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/patients/${PATIENT}/care`);
      await page.getByTestId('care-tab').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('print-header').isVisible()).toBe(false);
      await expectPaper(page);
      const header = page.getByTestId('print-header');
      expect(await header.isVisible()).toBe(true);
      const words = await header.innerText();
      for (const part of ['王秀英', '女', '岁', 'MZ0012345', '打印日期']) expect(words).toContain(part);
      writeFileSync(join(SHOTS, 'print-care-tab-zh.pdf'), await page.pdf({ format: 'A4' }));
      await page.screenshot({ path: join(SHOTS, 'print-care-tab-zh.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it("the care plan's Print button prints the plan alone (targets, medicines, schedule, goals, follow-up)", async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      // window.print() opens no dialog in a test: the button's marking of what to print is what is checked.
      await page.addInitScript(() => {
        window.print = () => undefined;
      });
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/patients/${PATIENT}/care`);
      const plan = page.getByTestId('care-plan');
      await plan.waitFor({ timeout: 60_000 });
      await page.locator('#care-plan-print').getByTestId('print-button').click();
      await expectPaper(page);
      expect(await plan.isVisible()).toBe(true);
      expect(await page.getByTestId('print-header').isVisible()).toBe(true);
      expect(await page.getByTestId('patient-banner').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: '处方', exact: true }).isVisible()).toBe(false);
      // Screenshot first: page.pdf() fires afterprint, which ends the plan-only printing.
      await page.screenshot({ path: join(SHOTS, 'print-care-plan-zh.png'), fullPage: true });
      writeFileSync(join(SHOTS, 'print-care-plan-zh.pdf'), await page.pdf({ format: 'A4' }));
    } finally {
      await context.close();
    }
  }, 180_000);

  it("the patient's home prints as their visit summary, in plain words, without the console frame", async () => {
    const { context, page } = await newPage(browser!, 'zh-CN', { width: 375, height: 812 });
    try {
      await signIn(page, stack!.base, 'print-patient');
      await page.goto(`${stack!.base}/care`);
      await page.getByTestId('care-home').waitFor({ timeout: 30_000 });
      const button = page.getByTestId('print-button');
      await button.waitFor({ timeout: 30_000 });
      expect(await button.innerText()).toBe('打印就诊小结');
      await expectPaper(page);
      expect(await page.getByTestId('summary-print-title').innerText()).toMatch(
        /^就诊小结 · 打印日期 \d{4}-\d{2}-\d{2}$/,
      );
      const text = await page.getByTestId('care-home').innerText();
      expect(text).not.toMatch(/REFERENCE|UNVERIFIED|Condition\//);
      await page.screenshot({ path: join(SHOTS, 'print-patient-summary-zh.png'), fullPage: true });
      writeFileSync(join(SHOTS, 'print-patient-summary-zh.pdf'), await page.pdf({ format: 'A4' }));
    } finally {
      await context.close();
    }
  }, 180_000);
});
