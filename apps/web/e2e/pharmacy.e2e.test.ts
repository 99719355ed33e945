/**
 * Issue 20, the pharmacist's queue (前置审方) in the browser: a card shows the patient's age, sex, latest eGFR and
 * K⁺ with their day, allergies, pregnancy status and the prescriber's note; the prescriber and the reviewer by
 * name and role, not username; the return dialog says what is required (a reason from the list; details for
 * 其他), names a missing field in Chinese, keeps labels above fields, and its title names the patient and the
 * ordered dose; the reason reaches the card as 原因：说明; the daily report's figures sit beside their labels.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  E2E_ADMIN_PASSWORD,
  HAS_CHROMIUM,
  SHOTS,
  ensureWebBuild,
  launchBrowser,
  startServer,
  warnIfNoChromium,
  type TestServer,
} from './support.ts';
import { USER_PASSWORD, newPage, signIn } from './care-stack.ts';

warnIfNoChromium('pharmacy.e2e');

/** A port in this test's range (31000–31999), varied per run so a lingering server does not collide. */
const PORT = 31000 + (process.pid % 1000);
const today = new Date();
const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!HAS_CHROMIUM)('pharmacy queue cards (needs /usr/bin/chromium)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(
      { QIHUANG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, QIHUANG_DEMO: '0' },
      { dataDirPrefix: 'qihuang-pharmacy-e2e-', port: PORT },
    );
    const base = server.base;
    const call = async <T>(path: string, token: string, body?: unknown, method = 'POST') => {
      const r = await fetch(`${base}${path}`, {
        method: body ? method : 'GET',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${path} → ${r.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    };
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
    });
    const admin = ((await login.json()) as { access_token: string }).access_token;
    const user = (username: string, role: string, displayName: string) =>
      call<{ id: string }>('/admin/users', admin, { username, password: USER_PASSWORD, role, displayName });
    const doctor = await user('doctor', 'clinician', '李医生');
    await user('pharm', 'pharmacist', '王药师');
    const put = (r: { resourceType: string; id: string }) =>
      call(`/fhir/R4/${r.resourceType}/${r.id}`, admin, r, 'PUT');
    const obs = (id: string, code: string, value: number, unit: string, day: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: 'Patient/rx-e2e' },
      code: { coding: [{ system: 'http://loinc.org', code }] },
      effectiveDateTime: day,
      valueQuantity: { value, unit },
    });
    await put({
      resourceType: 'Patient',
      id: 'rx-e2e',
      name: [{ text: '陈静' }],
      gender: 'female',
      birthDate: '1958-04-02',
    } as never);
    await put(obs('rx-e2e-egfr', '98979-8', 48, 'mL/min/1.73m2', daysAgo(6)) as never);
    await put(obs('rx-e2e-k', '2823-3', 4.6, 'mmol/L', daysAgo(5)) as never);
    await put({
      resourceType: 'AllergyIntolerance',
      id: 'rx-e2e-allergy',
      patient: { reference: 'Patient/rx-e2e' },
      code: { text: '青霉素' },
    } as never);
    await put({
      resourceType: 'MedicationRequest',
      id: 'rx-e2e-amlodipine',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/rx-e2e' },
      medicationCodeableConcept: {
        text: 'Amlodipine 10 mg oral tablet',
        coding: [
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '17767', display: 'amlodipine' },
        ],
      },
      dosageInstruction: [
        {
          text: '20 mg by mouth once daily',
          route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 20, unit: 'mg' } }],
        },
      ],
      authoredOn: new Date(today.getTime() - 3_600_000).toISOString(),
      requester: { reference: `Practitioner/user-${doctor.id}`, display: 'doctor' },
      note: [{ text: '家庭血压仍高，加量' }],
    } as never);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('card: patient facts, the prescriber’s note, people by name; dialog and report laid out', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, server!.base, 'pharm');
      await page.goto(`${server!.base}/pharmacy`);
      const facts = page.getByTestId('rx-facts').first();
      await facts.waitFor();
      const text = (await facts.textContent()) ?? '';
      expect(text).toMatch(/年龄\d+ 岁/);
      expect(text).toContain('性别女');
      expect(text).toContain(`eGFR48 mL/min/1.73 m²（${daysAgo(6)}）`);
      expect(text).toContain(`血钾4.6 mmol/L（${daysAgo(5)}）`);
      expect(text).toContain('过敏青霉素');
      // A woman of 68 with no pregnancy recorded: pregnancy is not asked about (shown for ages 12–55 only).
      expect(text).not.toContain('妊娠');
      expect(await page.getByTestId('rx-note').textContent()).toBe('开方备注：家庭血压仍高，加量');
      const card = page.getByTestId('pharmacy-queue').locator('li').first();
      const head = (await card.textContent()) ?? '';
      expect(head).toContain('李医生（医生）');
      expect(head).not.toMatch(/· doctor\b/);

      // The report's figures: each value on the line of its label.
      const report = page.getByTestId('pharmacy-report');
      const dt = await report.locator('dt').first().boundingBox();
      const dd = await report.locator('dd').first().boundingBox();
      expect(Math.abs(dt!.y - dd!.y)).toBeLessThan(8);
      expect(dd!.x).toBeGreaterThan(dt!.x);

      await card.getByRole('button', { name: '退回' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      const subject = (await dialog.getByTestId('review-dialog-subject').textContent()) ?? '';
      expect(subject).toContain('陈静');
      expect(subject).toContain('20 mg');
      // Required: a reason from the list (said above the fields); details only for 其他. Labels sit above fields.
      expect(await dialog.getByTestId('return-required-note').innerText()).toBe(
        '必填：从列表中选择退回原因；选“其他”时须填写说明。',
      );
      const label = await dialog.locator('label').first().boundingBox();
      const select = await dialog.getByTestId('return-reason-code').boundingBox();
      expect(label!.y + label!.height).toBeLessThanOrEqual(select!.y + 1);
      const detailLabel = await dialog.locator('label').nth(1).boundingBox();
      const area = await dialog.locator('textarea').boundingBox();
      expect(detailLabel!.y + detailLabel!.height).toBeLessThanOrEqual(area!.y + 1);
      // Sent without a reason: the missing field says so in Chinese, nothing is sent.
      await dialog.getByRole('button', { name: '退回' }).click();
      expect(await dialog.getByTestId('return-reason-error').innerText()).toBe('请选择退回该处方的原因。');
      await dialog.getByTestId('return-reason-code').selectOption('other');
      await dialog.getByRole('button', { name: '退回' }).click();
      expect(await dialog.getByTestId('return-detail-error').innerText()).toBe(
        '请写明开方医生需要修改什么。',
      );
      await dialog.getByTestId('return-reason-code').selectOption('dose');
      await dialog.locator('textarea').fill('超过最大日剂量，请核对');
      await page.screenshot({ path: join(SHOTS, 'pharmacy-return-dialog.png') });
      await dialog.getByRole('button', { name: '退回' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.locator('select').first().selectOption('returned');
      const reviewed = page.getByTestId('pharmacy-queue').locator('li').first();
      await reviewed.getByText('王药师（药师）').waitFor();
      expect(await reviewed.innerText()).toContain('剂量或用法不适宜：超过最大日剂量，请核对');
      await page.screenshot({ path: join(SHOTS, 'pharmacy-returned.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 120_000);
});
