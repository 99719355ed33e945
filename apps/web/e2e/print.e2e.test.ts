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
const WESTERN = 'print-e2e-barrows';
/** 2026-12-08 00:33 in Shanghai, still 2026-12-07 on a browser in UTC (issue 20 follow-up). */
const BOUNDARY = '2026-12-07T16:33:00Z';
const AWAITING = {
  coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'awaiting-pharmacist-review' }],
};
const HOSPITAL = '岐黄市第一人民医院';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
warnIfNoChromium('print.e2e');

/** The real server on its own port, no demo data, the hospital's name configured (zone: Asia/Shanghai, default). */
async function startStack(): Promise<Stack> {
  const server = await startServer(
    { QIHUANG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, QIHUANG_DEMO: '0', QIHUANG_HOSPITAL_NAME: HOSPITAL },
    { dataDirPrefix: 'qihuang-print-e2e-', port: 4761 },
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

function order(id: string, status: string, extension: object[], patient = PATIENT, authoredOn?: string) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    authoredOn: authoredOn ?? `${localDay(0)}T08:00:00Z`,
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
    // Signed and with the pharmacist (decision 0017): not a draft to write again.
    await fhirPut(stack, `MedicationRequest/${PATIENT}-awaiting`, {
      ...order(`${PATIENT}-awaiting`, 'draft', [
        { url: 'urn:qihuang:signed', valueString: JSON.stringify({ by: 'print-doctor', at: BOUNDARY }) },
      ]),
      statusReason: AWAITING,
    });
    // A Western patient with SNOMED displays and no zh translation, approved at 00:33 Shanghai time.
    await fhirPut(stack, `Patient/${WESTERN}`, {
      resourceType: 'Patient',
      id: WESTERN,
      name: [{ family: 'Barrows', given: ['Marcos'] }],
      gender: 'male',
      birthDate: '1960-12-08',
    });
    for (const [n, text, code] of [
      ['bmi', 'Body mass index 30+ - obesity (finding)', '162864005'],
      ['htn', 'Hypertension (disorder)', '38341003'],
    ] as const) {
      await fhirPut(stack, `Condition/${WESTERN}-${n}`, {
        resourceType: 'Condition',
        id: `${WESTERN}-${n}`,
        subject: { reference: `Patient/${WESTERN}` },
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        code: { text, coding: [{ system: 'http://snomed.info/sct', code, display: text }] },
      });
    }
    await fhirPut(
      stack,
      `MedicationRequest/${WESTERN}-approved`,
      order(
        `${WESTERN}-approved`,
        'active',
        [
          { url: 'urn:qihuang:signed', valueString: JSON.stringify({ by: 'Li Wei', at: BOUNDARY }) },
          {
            url: 'urn:qihuang:pharmacy-review',
            extension: [
              { url: 'state', valueCode: 'approved' },
              { url: 'by', valueString: 'ph.zhao' },
              { url: 'by-name', valueString: 'Zhao Min' },
              { url: 'at', valueDateTime: BOUNDARY },
            ],
          },
        ],
        WESTERN,
        BOUNDARY,
      ),
    );
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

  it("the slip's dates are the hospital's day at 00:33 Shanghai time, from a browser on UTC (zh-CN)", async () => {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    try {
      await signIn(page, stack!.base, 'print-doctor');
      // The browser's clock at the boundary: 2026-12-07 in UTC, 2026-12-08 in the hospital.
      await page.clock.setFixedTime(new Date(BOUNDARY));
      await page.goto(`${stack!.base}/prescriptions/${WESTERN}-approved/print`);
      const slip = page.getByTestId('prescription-slip');
      await slip.waitFor({ timeout: 30_000 });
      const text = await slip.innerText();
      expect(text).toMatch(/开具日期\s*2026-12-08/);
      expect(text).toMatch(/打印日期 2026-12-08/);
      expect(text).not.toContain('2026-12-07');
      expect(await page.getByTestId('slip-prescriber').innerText()).toMatch(
        /Li Wei（签署于 2026-12-08 00:33/,
      );
      expect(await page.getByTestId('slip-pharmacist').innerText()).toMatch(
        /Zhao Min 审核通过，2026-12-08 00:33/,
      );
      // A Western name keeps its order; the diagnoses are Chinese where the lexicon knows them, with no tags.
      expect(await page.getByTestId('slip-name').innerText()).toMatch(/Marcos Barrows/);
      const diagnosis = await page.getByTestId('slip-diagnosis').innerText();
      expect(diagnosis).toMatch(/高血压/);
      expect(diagnosis).not.toMatch(/\((finding|disorder)\)|Hypertension/);
      await page.screenshot({ path: join(SHOTS, 'print-slip-boundary-zh.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the English slip is in English only: no SNOMED tags, no Chinese punctuation', async () => {
    const { context, page } = await newPage(browser!, 'en-US');
    try {
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/prescriptions/${WESTERN}-approved/print`);
      const slip = page.getByTestId('prescription-slip');
      await slip.waitFor({ timeout: 30_000 });
      const text = await slip.innerText();
      expect(await page.getByTestId('slip-name').innerText()).toMatch(/Marcos Barrows/);
      const diagnosis = await page.getByTestId('slip-diagnosis').innerText();
      for (const d of ['Body mass index 30+ - obesity', 'Hypertension', '; ']) expect(diagnosis).toContain(d);
      expect(await page.getByTestId('slip-prescriber').innerText()).toMatch(
        /Li Wei \(signed 2026-12-08 00:33/,
      );
      // The hospital's configured name is its own; every other word is English.
      expect(text.replace(HOSPITAL, '')).not.toMatch(/\p{Script=Han}|[；（）：，　]|\((finding|disorder)\)/u);
      await page.screenshot({ path: join(SHOTS, 'print-slip-western-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it("the chart's medication list: 待药师审核 for an order with the pharmacist, 草稿 for a draft, 打印处方笺 for an approved order", async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'print-doctor');
      await page.goto(`${stack!.base}/patients/${PATIENT}`);
      const meds = page.locator('section[aria-labelledby=sec-meds] li');
      await meds.first().waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => document.querySelectorAll('section[aria-labelledby=sec-meds] li').length >= 3,
      );
      const rows = await meds.allInnerTexts();
      expect(rows.filter((r) => r.includes('待药师审核'))).toHaveLength(1);
      expect(rows.filter((r) => r.includes('草稿'))).toHaveLength(1);
      const print = page.locator('section[aria-labelledby=sec-meds]').getByTestId('chart-print-slip');
      expect(await print.count()).toBe(1);
      expect(await print.innerText()).toBe('打印处方笺');
      await page.screenshot({ path: join(SHOTS, 'chart-medications-zh.png'), fullPage: true });
      await print.click();
      await page.getByTestId('prescription-slip').waitFor({ timeout: 30_000 });
      expect(page.url()).toContain(`/prescriptions/${PATIENT}-signed/print`);
      expect(await page.getByTestId('prescription-slip').getAttribute('data-signed')).toBe('true');
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
