/**
 * Browser test of the web console against the real server (`node bin/qihuang.mjs serve`, demo data):
 * sign in as admin, find a patient by name, open the chart and see the BP chart, switch zh → en, and a
 * patient user who opens another patient's chart URL is refused.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`); playwright-core
 * never downloads a browser. Skipped, with this reason, when that binary is absent.
 * Screenshots go to $QIHUANG_E2E_SHOTS (default: the OS temp dir, qihuang-e2e-*.png).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;
const PATIENT_PASSWORD = 'E2e-patient-Passw0rd-long';
const BP_PANELS = ['85354-9', '55284-4'];

interface FhirBundle {
  total?: number;
  entry?: Array<{ resource?: Record<string, unknown> & { id?: string } }>;
}
interface PatientInfo {
  id: string;
  family: string;
}

warnIfNoChromium('console.e2e');

describe.skipIf(!HAS_CHROMIUM)('web console in a browser (needs /usr/bin/chromium)', () => {
  let server: TestServer | undefined;
  let base = '';
  let browser: Browser | undefined;
  let adminToken = '';
  let patientA: PatientInfo;
  let patientB: PatientInfo;

  async function api<T>(path: string, init: RequestInit = {}, token = adminToken): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const text = await response.text();
    if (!response.ok)
      // A 5xx comes with the server's last log lines, so a failure seen once under load can be explained.
      throw new Error(
        `${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 300)}` +
          (response.status >= 500 ? `\nserver log:\n${server?.output().slice(-4000) ?? ''}` : ''),
      );
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function newPage(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    return { context, page };
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${base}/`);
    await page.locator('#signin-username').fill(username);
    await page.locator('#signin-password').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page.locator('header.topbar').waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer({ QIHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD, QIHUANG_DEMO: '1' });
    base = server.base;

    const login = await api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    adminToken = login.access_token;

    // Two demo patients; A must have blood-pressure readings for the chart.
    const bundle = await api<FhirBundle>('/fhir/R4/Patient?_count=20&_sort=family');
    const patients = (bundle.entry ?? [])
      .map((e) => e.resource as { id?: string; name?: Array<{ family?: string }> } | undefined)
      .filter((p): p is { id: string; name?: Array<{ family?: string }> } => Boolean(p?.id))
      .map((p) => ({ id: p.id, family: p.name?.find((n) => n.family)?.family ?? '' }))
      .filter((p) => p.family.length > 0);
    expect(patients.length, 'demo data should contain at least two named patients').toBeGreaterThanOrEqual(2);
    let withBp: PatientInfo | undefined;
    for (const p of patients) {
      const obs = await api<FhirBundle>(
        `/fhir/R4/Observation?patient=${encodeURIComponent(p.id)}&category=vital-signs&_sort=-date&_count=50`,
      );
      const hasBp = (obs.entry ?? []).some((e) =>
        ((e.resource?.code as { coding?: Array<{ code?: string }> } | undefined)?.coding ?? []).some((c) =>
          BP_PANELS.includes(c.code ?? ''),
        ),
      );
      if (hasBp) {
        withBp = p;
        break;
      }
    }
    expect(withBp, 'a demo patient with blood-pressure Observations').toBeDefined();
    patientA = withBp!;
    patientB = patients.find((p) => p.id !== patientA.id)!;

    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('admin finds a patient, sees the BP chart, and switches zh-CN → en', async () => {
    const { context, page } = await newPage('zh-CN');
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      // Chinese is the default for a browser that asks for it.
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await expect.poll(() => page.locator('nav[aria-label="主导航"]').textContent()).toContain('患者');

      await page.goto(`${base}/patients`);
      await page.getByLabel('查找患者').fill(patientA.family);
      await page.getByRole('button', { name: '搜索', exact: true }).click();
      const link = page.locator(
        `[data-testid="patient-results"] a[href="/patients/${encodeURIComponent(patientA.id)}"]`,
      );
      await link.waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-patients-zh.png'), fullPage: true });
      await link.click();

      await page.locator('[data-testid="patient-banner"] h1').waitFor();
      await page.locator('[data-testid="bp-chart"] canvas').first().waitFor({ timeout: 30_000 });
      const legend = page.locator('[data-testid="bp-legend"]');
      await expect.poll(() => legend.textContent()).toContain('收缩压');
      expect(await legend.textContent()).toContain('舒张压');
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-chart-zh.png'), fullPage: true });

      await page.getByTestId('language-switch').click();
      await expect.poll(() => legend.textContent()).toContain('Systolic');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('nav[aria-label="Main navigation"]').textContent()).toContain('Patients');
      expect(await page.evaluate(() => localStorage.getItem('qihuang.lang'))).toBe('en');
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-chart-en.png'), fullPage: true });

      await page.getByRole('link', { name: 'Blood pressure', exact: true }).click();
      await page.locator('[data-testid="bp-chart"] canvas').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-bp-en.png'), fullPage: true });

      // The choice is remembered across reloads.
      await page.reload();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  }, 120_000);

  it("a patient user opening another patient's chart URL sees a refusal", async () => {
    const username = `e2e-patient-${Date.now()}`;
    await api('/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        username,
        password: PATIENT_PASSWORD,
        role: 'patient',
        patientId: patientA.id,
      }),
    });
    const { context, page } = await newPage('en-US');
    try {
      await signIn(page, username, PATIENT_PASSWORD);
      // A patient lands on their own care home page, and can open their own chart.
      await page.getByTestId('care-home').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).pathname).toBe('/care');
      await page.goto(`${base}/patients/${encodeURIComponent(patientA.id)}`);
      await page.locator('[data-testid="patient-banner"] h1').waitFor({ timeout: 30_000 });

      await page.goto(`${base}/patients/${encodeURIComponent(patientB.id)}`);
      const refusal = page.getByTestId('refusal');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.textContent()).toContain('not available to you');
      expect(await page.locator('[data-testid="patient-banner"]').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-refusal-en.png'), fullPage: true });

      // Another patient's consultation: the same refusal, not "not available on this server" (review item 6).
      const other = await api<{ id: string }>(
        `/api/care/patients/${encodeURIComponent(patientB.id)}/consultations`,
        { method: 'POST', body: JSON.stringify({ language: 'en' }) },
      ).catch(() => ({ id: 'no-such-consultation' }));
      for (const [locale, text] of [
        ['en-US', 'not available to you'],
        ['zh-CN', '您无权查看此病历'],
      ] as const) {
        const tab = locale === 'en-US' ? page : (await newPage(locale)).page;
        if (tab !== page) await signIn(tab, username, PATIENT_PASSWORD);
        await tab.goto(`${base}/care/consultation/${encodeURIComponent(other.id)}`);
        const refused = tab.getByTestId('refusal');
        await refused.waitFor({ timeout: 30_000 });
        expect(await refused.textContent()).toContain(text);
        expect(await tab.getByText(/not available on this server|此服务器尚未提供/).count()).toBe(0);
        if (tab !== page) await tab.context().close();
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('admin opens the model gateway page and the evaluation page', async () => {
    const { context, page } = await newPage('en-US');
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page
        .locator('nav[aria-label="Main navigation"]')
        .getByRole('link', { name: 'Model gateway' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Model gateway' }).waitFor({ timeout: 30_000 });
      // Either providers are listed or the page explains how to configure a model.
      await page
        .locator('[data-testid="providers-table"], [data-testid="gateway-not-configured"]')
        .first()
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('gateway-usage').getByRole('heading', { name: 'Usage' }).waitFor();
      await page
        .getByTestId('gateway-usage')
        .locator('[data-testid="usage-table"], .state-empty')
        .first()
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('gateway-page').locator('.state-error').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-gateway-en.png'), fullPage: true });

      await page
        .locator('nav[aria-label="Main navigation"]')
        .getByRole('link', { name: 'Evaluation' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Evaluation' }).waitFor({ timeout: 30_000 });
      await page
        .locator('[data-testid="eval-runs-table"], [data-testid="evaluation-page"] .state-empty')
        .first()
        .waitFor({ timeout: 30_000 });
      await page.getByLabel('Test suite').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  }, 120_000);
});
