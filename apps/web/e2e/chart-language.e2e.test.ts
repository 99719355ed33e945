/**
 * Issue 20, one language per screen and the allergy question, in Chromium:
 * 1. a patient on a 375 px phone (zh-CN) answers the consultation, whose fifth question asks about allergies
 *    ("青霉素，起皮疹"); the page never scrolls sideways;
 * 2. the doctor's Chinese care tab lists the reported penicillin allergy to confirm and the reported hypertension as
 *    already in the chart (no second confirmation), and neither the Chinese chart nor the care tab shows a sentence
 *    in English only (a dose line was "2.5 mg once daily", a source "ACC/AHA 2017 Table 11 equivalence");
 * 3. the English chart shows no Chinese and no SNOMED semantic tag ("Essential hypertension (disorder)").
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { translateResource } from '@qihuang/demo';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { createUser, newPage, putPatient, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('chart-language.e2e');
const PHONE = { width: 375, height: 812 };
const SNOMED = 'http://snomed.info/sct';
const PID = 'lang-1';

const subject = { reference: `Patient/${PID}` };
const active = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
};
/** Synthea-style English records, as the demo loader stores them (zh-CN translation extension). */
const CHART = [
  {
    resourceType: 'Condition',
    id: 'lang-htn',
    subject,
    clinicalStatus: active,
    onsetDateTime: '2015-03-01',
    code: {
      text: 'Essential hypertension (disorder)',
      coding: [{ system: SNOMED, code: '59621000', display: 'Essential hypertension (disorder)' }],
    },
  },
  {
    resourceType: 'Condition',
    id: 'lang-sinusitis',
    subject,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
    },
    onsetDateTime: '2019-01-27',
    code: {
      text: 'Viral sinusitis (disorder)',
      coding: [{ system: SNOMED, code: '444814009', display: 'Viral sinusitis (disorder)' }],
    },
  },
  {
    resourceType: 'Encounter',
    id: 'lang-visit',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject,
    period: { start: '2020-05-08T09:00:00+08:00', end: '2020-05-08T09:30:00+08:00' },
    type: [
      {
        text: 'Encounter for check up (procedure)',
        coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up (procedure)' }],
      },
    ],
  },
  // A signed order as the console writes one: English text with its zh translation, structured dose.
  {
    resourceType: 'MedicationRequest',
    id: 'lang-amlo',
    status: 'active',
    intent: 'order',
    subject,
    authoredOn: '2026-03-01T03:00:00Z',
    medicationCodeableConcept: {
      text: 'amlodipine 2.5 mg',
      _text: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/translation',
            extension: [
              { url: 'lang', valueCode: 'zh-CN' },
              { url: 'content', valueString: '氨氯地平 2.5 mg' },
            ],
          },
        ],
      },
    },
    dosageInstruction: [
      {
        text: '2.5 mg once daily',
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: 2.5, unit: 'mg' } }],
      },
    ],
  },
];

/** Visible text pieces (split at " · ", "；", ";" and line ends) under `selector`. */
async function pieces(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('script, style, svg, canvas, textarea, input')) continue;
        if (el.getClientRects().length === 0) continue;
        for (const piece of (n.textContent ?? '').split(/\s·\s|；|;|\n/))
          if (piece.trim()) out.push(piece.trim());
      }
    }
    return out;
  }, selector);
}
const HAN = /\p{Script=Han}/u;
/**
 * A piece with no Chinese and two or more English words (three letters or more, not all capitals: "ACC/AHA", "PCE"
 * and "mmHg" are names and units): an English phrase on a Chinese screen ("Essential hypertension").
 */
const latinOnly = (all: string[]) =>
  all.filter((p) => !HAN.test(p) && (p.match(/\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b/g) ?? []).length >= 2);

describe.skipIf(!HAS_CHROMIUM)(
  'one language per chart screen and the allergy question (needs chromium)',
  () => {
    let stack: Stack | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      ensureWebBuild();
      stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 4785);
      await putPatient(stack, PID, '周', '建国', '1958-03-01');
      for (const r of CHART)
        await stack.api(`/fhir/R4/${r.resourceType}/${r.id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/fhir+json' },
          body: JSON.stringify(translateResource(r)),
        });
      await createUser(stack, 'lang-patient', 'patient', PID);
      await createUser(stack, 'lang-doctor', 'clinician');
      browser = await launchBrowser();
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    }, 60_000);

    it('the patient answers the allergy question on a 375 px phone in Chinese', async () => {
      const { context, page } = await newPage(browser!, 'zh-CN', PHONE);
      try {
        await signIn(page, stack!.base, 'lang-patient');
        await page.goto(`${stack!.base}/care/consultation/new`);
        await page.getByTestId('consultation-begin').click();
        const step = page.getByTestId('consultation-step');
        const answers = [
          '没有不舒服',
          '高血压十年',
          '没有',
          '没有',
          '青霉素，起皮疹',
          '不吸烟',
          '最近没量过',
        ];
        for (const [i, answer] of answers.entries()) {
          await expect.poll(() => step.textContent(), { timeout: 30_000 }).toContain(`第 ${i + 1} / 7 题`);
          if (i === 4) {
            // The allergy question, in Chinese, in view.
            const chat = (await page.locator('.care-chat').innerText()).trim();
            expect(chat).toContain('您对药物、食物或其他东西过敏吗');
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);
            await page.screenshot({ path: join(SHOTS, 'qihuang-phone-allergy-step.png') });
          }
          await page.getByTestId('consultation-input').fill(answer);
          await page.getByTestId('consultation-send').click();
          await page.waitForFunction(
            (n) =>
              document.querySelectorAll('.care-msg-assistant:not([data-testid=streaming-reply])').length >= n,
            3 + i,
          );
        }
        await page.getByTestId('consultation-finish').click();
        const saved = page.getByTestId('consultation-saved');
        await saved.waitFor({ timeout: 30_000 });
        expect(await saved.innerText()).toContain('过敏史');
        expect(await saved.innerText()).toContain('青霉素，起皮疹');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);
        await page.screenshot({ path: join(SHOTS, 'qihuang-phone-allergy-saved.png'), fullPage: true });
      } finally {
        await context.close();
      }
    }, 180_000);

    it('the Chinese care tab: the allergy to confirm, the hypertension already in the chart; no English sentence', async () => {
      const { context, page } = await newPage(browser!, 'zh-CN');
      try {
        await signIn(page, stack!.base, 'lang-doctor');
        await page.goto(`${stack!.base}/patients/${PID}/care`);
        const items = page.getByTestId('reported-item');
        await items.first().waitFor({ timeout: 60_000 });
        const rows = await items.evaluateAll((els) =>
          els.map((el) => ({
            text: (el as HTMLElement).innerText,
            state: el.getAttribute('data-state'),
            buttons: el.querySelectorAll('[data-testid=reported-confirm]').length,
          })),
        );
        const allergy = rows.find((r) => r.text.includes('青霉素'));
        expect(allergy).toMatchObject({ state: 'unconfirmed', buttons: 1 });
        const htn = rows.filter((r) => r.text.includes('高血压'));
        expect(htn).toHaveLength(1);
        expect(htn[0]).toMatchObject({ state: 'in-chart', buttons: 0 });
        expect(htn[0]!.text).toContain('病历中已有');
        await page.getByTestId('care-findings').waitFor({ timeout: 60_000 });
        expect(latinOnly(await pieces(page, '[data-testid=care-tab]'))).toEqual([]);
        await page.screenshot({ path: join(SHOTS, 'qihuang-care-tab-language-zh.png'), fullPage: true });

        await page.goto(`${stack!.base}/patients/${PID}`);
        await page.locator('section[aria-labelledby=sec-meds] li').first().waitFor({ timeout: 60_000 });
        await page.locator('section[aria-labelledby=sec-problems] li').first().waitFor({ timeout: 60_000 });
        const chart = await pieces(page, '.chart-grid');
        expect(chart).toContain('每日一次，每次2.5 mg');
        expect(chart).toContain('原发性高血压'); // SNOMED CT 59621000, no translation on the record
        expect(latinOnly(chart)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, 'qihuang-chart-language-zh.png'), fullPage: true });
      } finally {
        await context.close();
      }
    }, 180_000);

    it('the English chart: no Chinese, no SNOMED semantic tag', async () => {
      const { context, page } = await newPage(browser!, 'en-US');
      try {
        await signIn(page, stack!.base, 'lang-doctor');
        await page.goto(`${stack!.base}/patients/${PID}`);
        await page.locator('section[aria-labelledby=sec-meds] li').first().waitFor({ timeout: 60_000 });
        await page.locator('section[aria-labelledby=sec-encounters] li').first().waitFor({ timeout: 60_000 });
        const chart = await pieces(page, '.chart-grid');
        expect(chart.filter((p) => HAN.test(p))).toEqual([]);
        expect(chart.filter((p) => /\((?:disorder|finding|procedure)\)/.test(p))).toEqual([]);
        expect(chart).toContain('Essential hypertension');
        expect(chart).toContain('2.5 mg once daily');
        await page.screenshot({ path: join(SHOTS, 'qihuang-chart-language-en.png'), fullPage: true });
      } finally {
        await context.close();
      }
    }, 180_000);
  },
);
