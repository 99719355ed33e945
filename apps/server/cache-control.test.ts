/**
 * Responses that can carry patient data are never stored by a browser or a proxy (issue 15 item 14):
 * `Cache-Control: no-store` on every route family — successes and errors alike — while the console's static
 * assets keep their long-lived caching.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createApp } from './app.ts';
import { consoleMiddleware } from './console-static.ts';
import { createTestApp, type TestApp } from './test-support.ts';

describe.each(DATABASE_KINDS)('Cache-Control on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'p1', {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ family: 'Zhang' }],
    });
    tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    tokens.admin = await t.userToken({ username: 'root', password: 'admin-password-1', role: 'admin' });
    tokens.anna = await t.userToken({
      username: 'anna',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'p1',
    });
  });
  afterAll(async () => t.closeAll());

  const CASES: [string, string, string?, number?][] = [
    ['FHIR read', '/fhir/R4/Patient/p1', 'doc', 200],
    ['FHIR search', '/fhir/R4/Patient?family=Zhang', 'doc', 200],
    ['FHIR $everything', '/fhir/R4/Patient/p1/$everything', 'doc', 200],
    ['FHIR history', '/fhir/R4/Patient/p1/_history', 'doc', 200],
    ['FHIR not found', '/fhir/R4/Patient/nobody', 'doc', 404],
    ['FHIR without a token', '/fhir/R4/Patient/p1', undefined, 401],
    ['BP alerts', '/api/bp/alerts', 'doc', 200],
    ['care home (patient)', '/api/care/patients/p1/home', 'anna', 200],
    ['pharmacy queue', '/api/pharmacy/queue', 'doc'],
    ['gateway models', '/v1/models', 'doc'],
    ['CDS discovery', '/cds-services', undefined, 200],
    ['admin users', '/admin/users', 'admin', 200],
    ['auth/me', '/auth/me', 'anna', 200],
    ['evaluation runs', '/eval/runs', 'doc', 200],
    ['knowledge collections', '/kb/collections', 'doc'],
    ['unknown route', '/api/nothing-here', 'doc', 404],
    ['malformed input (guard)', '/fhir/R4/Patient?name=%00', 'doc', 400],
  ];

  it.each(CASES)('%s: no-store', async (_name, path, who, status) => {
    const response = await t.request(path, {
      headers: who ? { Authorization: `Bearer ${tokens[who]}` } : {},
    });
    if (status) expect(response.status, await response.clone().text()).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('login and a CDS call are no-store too', async () => {
    const login = await t.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'patient-password-1' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const cds = await t.request('/cds-services/qihuang-rx-review-order-sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${tokens.doc}` },
      body: '{}',
    });
    expect(cds.headers.get('cache-control')).toBe('no-store');
  });
});

describe('Cache-Control of the console', () => {
  const dist = `${mkdtempSync(join(tmpdir(), 'qh-console-'))}/`;
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('static assets keep their caching; the HTML shell is no-cache', async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Qihuang</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = createApp({
      database: {} as never,
      repository: {} as never,
      log: pino({ level: 'silent' }),
      version: 'test',
      bodyLimitBytes: 1024,
      corsOrigins: [],
      console: consoleMiddleware(dist),
    });
    const asset = await app.request('http://localhost/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const shell = await app.request('http://localhost/patients/p1');
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const health = await app.request('http://localhost/healthz');
    expect(health.headers.get('cache-control')).toBe('no-store');
  });
});
