/**
 * The care browser tests' stack: the real server on a free port with an empty data directory, an admin-token
 * API helper, users and patients, sign-in, and readings dated relative to today in the browser's time zone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_ADMIN_PASSWORD, startServer as startTestServer } from './support.ts';

export const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;
export const USER_PASSWORD = 'E2e-care-user-Passw0rd-long';

export function localDay(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
export function offset(): string {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Three weeks of morning/evening duplicate readings, falling week by week but still above target. */
export function threeWeeksCsv(): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let d = 21; d >= 1; d--) {
    const day = localDay(d);
    // Grade 2 last week (→ the engine proposes drug treatment), never crisis level.
    const sbp = d > 14 ? 176 : d > 7 ? 168 : 162;
    const dbp = d > 14 ? 108 : d > 7 ? 104 : 102;
    rows.push(
      `${day}T07:00:00${offset()},${sbp},${dbp},mmHg,72,cuff-e2e`,
      `${day}T07:02:00${offset()},${sbp - 2},${dbp - 1},mmHg,71,cuff-e2e`,
      `${day}T20:00:00${offset()},${sbp},${dbp},mmHg,70,cuff-e2e`,
      `${day}T20:02:00${offset()},${sbp - 2},${dbp - 1},mmHg,70,cuff-e2e`,
    );
  }
  return rows.join('\n');
}

export interface Stack {
  base: string;
  adminToken: string;
  /** JSON API call as admin (or with `token`); throws on a non-2xx answer. */
  api: <T>(path: string, init?: RequestInit, token?: string) => Promise<T>;
  stop: () => Promise<void>;
}

/** `node bin/qihuang.mjs serve` on `port` (else a free one) with an empty data directory (no demo data). */
export async function startServer(extraEnv: Record<string, string>, port?: number): Promise<Stack> {
  const server = await startTestServer(
    { QIHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD, QIHUANG_DEMO: '0', ...extraEnv },
    { dataDirPrefix: 'qihuang-care-e2e-', ...(port ? { port } : {}) },
  );
  const { base, stop } = server;

  const stack: Stack = {
    base,
    adminToken: '',
    stop,
    api: async <T>(path: string, init: RequestInit = {}, token?: string): Promise<T> => {
      const bearer = token ?? stack.adminToken;
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          Accept: 'application/json',
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 400)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
  const login = await stack.api<{ access_token: string }>('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  stack.adminToken = login.access_token;
  return stack;
}

export async function newPage(
  browser: Browser,
  locale: string,
  viewport = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#signin-username').fill(username);
  await page.locator('#signin-password').fill(USER_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('header.topbar').waitFor({ timeout: 30_000 });
}

export async function putPatient(stack: Stack, id: string, family: string, given: string, birthDate: string) {
  await stack.api(`/fhir/R4/Patient/${id}`, {
    method: 'PUT',
    body: JSON.stringify({
      resourceType: 'Patient',
      id,
      name: [{ family, given: [given] }],
      gender: 'male',
      birthDate,
    }),
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}

export async function createUser(stack: Stack, username: string, role: string, patientId?: string) {
  await stack.api('/admin/users', {
    method: 'POST',
    body: JSON.stringify({ username, password: USER_PASSWORD, role, ...(patientId ? { patientId } : {}) }),
  });
}

/**
 * Opens the chart, then its Care tab. The tab link appears once the signed-in user is read; under CI's load (a
 * 2-core machine running every test file) a click on it could land before the chart settled and the tab never
 * opened (CI, 2026-12-07). The tab's own address is what the link points to, so a second try goes there.
 */
export async function openCare(page: Page, base: string, patient: string) {
  await page.goto(`${base}/patients/${patient}`);
  const link = page.getByRole('link', { name: /^(Care|管理)$/ });
  await link.waitFor({ timeout: 60_000 });
  expect(await link.getAttribute('href')).toBe(`/patients/${patient}/care`);
  await link.click();
  const tab = page.getByTestId('care-tab');
  const opened = await tab.waitFor({ timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  if (!opened) {
    await page.goto(`${base}/patients/${patient}/care`);
    await tab.waitFor({ timeout: 60_000 });
  }
}
