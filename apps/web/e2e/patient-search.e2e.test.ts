/**
 * Issue 20, finding a patient the way a hospital's staff do, in the browser against the real server with the
 * demo data and one patient added as the console would (a Chinese name, a 门诊号 and a +86 phone): the one
 * search box finds by name (either order), pinyin (full, initials, surname), MRN, 门诊号 and phone number, in
 * zh-CN and en; en counts "1 patient found"; the admin's menu is one line at 1366 px in both languages.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 * Server on port 7531 (this helper's range).
 */
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
  type TestServer,
} from './support.ts';

warnIfNoChromium('patient-search.e2e');

const WANG = {
  resourceType: 'Patient',
  id: 'e2e-wang-xiuying',
  name: [{ text: '王秀英', family: '王', given: ['秀英'] }],
  gender: 'female',
  birthDate: '1958-03-02',
  identifier: [{ system: 'urn:qihuang:outpatient-number', type: { text: '门诊号' }, value: 'MZ20261207' }],
  telecom: [{ system: 'phone', value: '+86 138-0013-8000' }],
};

describe.skipIf(!HAS_CHROMIUM)('finding a patient from one search box (needs /usr/bin/chromium)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let token = '';
  let wyman = { id: '', mrn: '' };

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server!.base}${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path} → ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  async function signedIn(locale: string): Promise<Page> {
    const context = await browser!.newContext({ locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server!.base}/`);
    await page.locator('#signin-username').fill('admin');
    await page.locator('#signin-password').fill(E2E_ADMIN_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('header.topbar').waitFor({ timeout: 30_000 });
    return page;
  }

  /** Opens the list for `text` (as the box's submit does: ?q=) and returns the ids of the patients listed. */
  async function search(page: Page, text: string): Promise<string[]> {
    await page.goto(`${server!.base}/patients?q=${encodeURIComponent(text)}`);
    // The count appears once every search has answered (a fresh page: never the previous search's).
    await page.locator('p[role="status"]').waitFor({ timeout: 30_000 });
    const links = page.locator('[data-testid="patient-results"] tbody a');
    return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) =>
      decodeURIComponent(h.replace('/patients/', '')),
    );
  }

  /** Types `text` into the box labelled `label` and submits; waits for `id` in the list. */
  async function typeAndFind(page: Page, label: string, text: string, id: string): Promise<void> {
    await page.goto(`${server!.base}/patients`);
    await page.getByLabel(label).fill(text);
    await page.getByLabel(label).press('Enter');
    await page
      .locator(`[data-testid="patient-results"] a[href="/patients/${encodeURIComponent(id)}"]`)
      .waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(
      { QIHUANG_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, QIHUANG_DEMO: '1' },
      { port: 7531, dataDirPrefix: 'qihuang-search-e2e-' },
    );
    const login = await api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
    });
    token = login.access_token;
    await fetch(`${server.base}/fhir/R4/Patient/${WANG.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(WANG),
    }).then(async (r) => expect(r.status, await r.text()).toBeLessThan(300));
    // A demo patient: Alfreda Wyman (Synthea), her MRN and phone as stored.
    const bundle = await api<{
      entry?: {
        resource: { id: string; identifier?: { value?: string; type?: { coding?: { code?: string }[] } }[] };
      }[];
    }>('/fhir/R4/Patient?name=Alfreda&name=Wyman');
    const found = bundle.entry?.[0]?.resource;
    expect(found, 'demo data holds Alfreda Wyman').toBeDefined();
    const mrn = found!.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ?? '';
    wyman = { id: found!.id, mrn };
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('zh-CN: name, full name, pinyin, MRN, 门诊号 and phone', async () => {
    const page = await signedIn('zh-CN');
    try {
      await typeAndFind(page, '查找患者', 'wxy', WANG.id);
      for (const text of [
        '王秀英',
        '王',
        'wxy',
        'WXY',
        'wangxiuying',
        'wang xiuying',
        'wang',
        'MZ20261207',
        'mz20261207',
        '13800138000',
        '+86 138-0013-8000',
        '138 0013 8000',
      ])
        expect(await search(page, text), text).toContain(WANG.id);
      for (const text of [
        'Alfreda Wyman',
        'Wyman Alfreda',
        'alfreda',
        wyman.mrn,
        '555-397-1190',
        '5553971190',
      ])
        expect(await search(page, text), text).toContain(wyman.id);
      expect(await search(page, 'MZ20261207')).toEqual([WANG.id]);
      expect(await page.locator('p[role="status"]').textContent()).toBe('找到 1 位患者');
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-patient-search-zh.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 240_000);

  it('en: the same ways, "1 patient found"', async () => {
    const page = await signedIn('en-US');
    try {
      await typeAndFind(page, 'Find a patient', 'Wyman Alfreda', wyman.id);
      for (const text of ['wxy', 'wang', 'MZ20261207', '+86 138-0013-8000'])
        expect(await search(page, text), text).toContain(WANG.id);
      for (const text of ['Alfreda Wyman', 'Wyman Alfreda', wyman.mrn, '555-397-1190'])
        expect(await search(page, text), text).toContain(wyman.id);
      expect(await search(page, 'Wyman Alfreda')).toEqual([wyman.id]);
      expect(await page.locator('p[role="status"]').textContent()).toBe('1 patient found');
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-patient-search-en.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 240_000);

  it("the admin's menu is one line at 1366 px, zh-CN and en", async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const page = await signedIn(locale);
      try {
        await page.goto(`${server!.base}/patients`);
        await page.locator('header.topbar .nav > li').last().waitFor({ timeout: 30_000 });
        const layout = await page.evaluate(() => {
          const items = [...document.querySelectorAll('header.topbar .nav > li')].map(
            (li) => li.getBoundingClientRect().top,
          );
          const header = document.querySelector('header.topbar')!.getBoundingClientRect();
          const who = document.querySelector('header.topbar .who') as HTMLElement;
          return {
            tops: [...new Set(items.map(Math.round))],
            items: items.length,
            header: header.height,
            // Who is signed in is shown whole (not cut).
            whoCut: who.scrollHeight > who.clientHeight + 1 || who.scrollWidth > who.clientWidth + 1,
            // Sign-out inside the window.
            endRight: document.querySelector('header.topbar .topbar-end')!.getBoundingClientRect().right,
            width: window.innerWidth,
          };
        });
        await page.screenshot({ path: join(SHOTS, `qihuang-e2e-admin-menu-${locale}.png`) });
        expect(layout.items, locale).toBeGreaterThanOrEqual(8);
        expect(layout.tops, `${locale}: menu items on one line`).toHaveLength(1);
        expect(layout.header, `${locale}: header one row`).toBeLessThan(80);
        expect(layout.whoCut, `${locale}: who is signed in, whole`).toBe(false);
        expect(layout.endRight, `${locale}: sign-out in the window`).toBeLessThanOrEqual(layout.width);
      } finally {
        await page.context().close();
      }
    }
  }, 120_000);
});
