/**
 * Issue 20 (non-author try, 2026-12-08), the clinician's Care tab at 375 px: the page was 423 px wide in zh and
 * 467 px in en (guideline selector, findings table and cards cut) and the emergency box cut the patient's phone
 * number ("Contact the patient: 555-845-…"). The tab fits the phone in zh and en, tables scroll inside their own
 * box, the phone number is shown whole. Then the reported emergency's alert is closed as "patient reached": the
 * Care tab's red box goes (it stayed, led by the consultation's triage), following the open alert.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  USER_PASSWORD,
  createUser,
  newPage,
  openCare,
  signIn,
  startServer,
  threeWeeksCsv,
  type Stack,
} from './care-stack.ts';

warnIfNoChromium('fa-care-phone.e2e');
const PHONE = { width: 375, height: 812 };
const PATIENT = 'fa-care-phone';
const NUMBER = '+86 138-0013-8000';

/** What is wider than the viewport: the document, and elements sticking out past its right edge. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out = [...document.querySelectorAll<HTMLElement>('[data-testid="care-tab"] *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 1) return false;
        // Inside a box that scrolls on its own (a wide table) is fine.
        for (let p = el.parentElement; p; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (p.scrollWidth > p.clientWidth && /auto|scroll/.test(style.overflowX)) return false;
        }
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 10);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, out };
  });
}

/** The contact button: its text, whether it shows all of it, and whether it lies inside the viewport. */
async function contact(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="contact-patient"]')!;
    const r = el.getBoundingClientRect();
    // The lines the number's characters lie on (it broke "+86 138-0013-" / "8000" in zh).
    const node = [...el.querySelectorAll('*'), el]
      .flatMap((e) => [...e.childNodes])
      .find((n) => n.nodeType === Node.TEXT_NODE && /\d{4}/.test(n.textContent ?? ''))!;
    const text = node.textContent ?? '';
    const start = text.search(/\+?\d/);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, text.length);
    const tops = [...range.getClientRects()].map((b) => b.top).sort((a, b) => a - b);
    const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 10);
    return {
      text: el.innerText.replace(/\u2011/g, '-').replace(/\u00a0/g, ' '),
      numberLines: lines.length,
      whole: el.scrollWidth <= el.clientWidth + 1,
      inside: r.left >= 0 && r.right <= window.innerWidth + 1,
      height: r.height,
    };
  });
}

describe.skipIf(!HAS_CHROMIUM)('the Care tab on a 375 px phone (needs /usr/bin/chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  const login = async (username: string) =>
    (
      await stack.api<{ access_token: string }>('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username, password: USER_PASSWORD }),
      })
    ).access_token;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({ QIHUANG_MODEL_BASE_URL: '' }, 7850);
    await stack.api(`/fhir/R4/Patient/${PATIENT}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Patient',
        id: PATIENT,
        name: [{ family: '孙', given: ['立伟'] }],
        gender: 'male',
        birthDate: '1956-04-09',
        telecom: [{ system: 'phone', value: NUMBER }],
      }),
    });
    await stack.api(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body: threeWeeksCsv(),
      headers: { 'Content-Type': 'text/csv' },
    });
    await createUser(stack, 'fa-patient', 'patient', PATIENT);
    await createUser(stack, 'fa-doctor', 'clinician');
    const patient = await login('fa-patient');
    const started = await stack.api<{ id: string }>(
      `/api/care/patients/${PATIENT}/consultations`,
      { method: 'POST', body: JSON.stringify({ language: 'zh' }) },
      patient,
    );
    const reply = await fetch(`${stack.base}/api/care/consultations/${started.id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '胸口疼得厉害，喘不上气' }),
    });
    expect(await reply.text()).toContain('"level":"emergency"');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`fits 375 px with the phone number whole (${locale})`, async () => {
      const { context, page } = await newPage(browser, locale, PHONE);
      try {
        await signIn(page, stack.base, 'fa-doctor');
        await openCare(page, stack.base, PATIENT);
        await page.getByTestId('contact-patient').waitFor({ timeout: 30_000 });
        await page.getByTestId('care-findings').waitFor({ timeout: 30_000 });
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(SHOTS, `fa-care-375-${locale}.png`), fullPage: true });
        await page
          .getByTestId('overview-emergency')
          .screenshot({ path: join(SHOTS, `fa-care-375-emergency-${locale}.png`) });
        const o = await overflow(page);
        expect(o.out).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
        const c = await contact(page);
        expect(c.text).toContain(NUMBER);
        expect(c).toMatchObject({ whole: true, inside: true, numberLines: 1 });
        expect(c.height).toBeGreaterThanOrEqual(44);
      } finally {
        await context.close();
      }
    }, 180_000);
  }

  it('closed as "patient reached": the Care tab no longer leads with the red box', async () => {
    const doctor = await login('fa-doctor');
    const alerts = await stack.api<{ id: string; kind: string }[]>(
      `/api/bp/alerts?status=active&patient=${PATIENT}`,
      {},
      doctor,
    );
    const reported = alerts.filter((a) => a.kind === 'reported-emergency');
    expect(reported).toHaveLength(1);
    await stack.api(
      `/api/bp/alerts/${reported[0]!.id}/close`,
      {
        method: 'POST',
        body: JSON.stringify({
          contactedBy: 'Dr Li',
          contactedAt: new Date().toISOString(),
          method: 'phone',
          patientReached: true,
          action: 'Called the patient; no chest pain now',
        }),
      },
      doctor,
    );
    const { context, page } = await newPage(browser, 'zh-CN', PHONE);
    try {
      await signIn(page, stack.base, 'fa-doctor');
      await openCare(page, stack.base, PATIENT);
      await page.getByTestId('care-findings').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      expect(await page.getByTestId('emergency-banner').count()).toBe(0);
      expect(await page.getByTestId('overview-emergency').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'fa-care-375-closed-zh-CN.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});
