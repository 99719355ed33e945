import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
/**
 * Access control across the whole server (issue: identity, access control, audit): every route family
 * answers 401 without or with a revoked/expired token, 403 with the wrong scope or role, and works with the
 * right one; a patient user sees only their own compartment; every action is audited, failed transactions
 * leave no audit entry, and the chain verifies.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@qihuang/audit';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

let now = new Date('2026-06-01T08:00:00Z');
const clock = () => now;

describe.each(DATABASE_KINDS)('access control on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  async function login(username: string, password: string): Promise<string> {
    const response = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock, 'required');
    const db = t.repository.db;
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    const patient = (id: string, family: string) => ({
      resourceType: 'Patient',
      id,
      name: [{ family }],
      gender: 'female',
      birthDate: '1950-01-01',
    });
    const obs = (id: string, pid: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: `Patient/${pid}` },
      valueQuantity: { value: 70, unit: '/min' },
    });
    for (const r of [patient('pa', 'Alpha'), patient('pb', 'Beta'), obs('oa', 'pa'), obs('ob', 'pb')])
      await t.repository.update(system, r.resourceType, r.id, r);
    await t.identity.createUser(db, { username: 'admin', password: 'admin-password-1', role: 'admin' });
    await t.identity.createUser(db, { username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    await t.identity.createUser(db, { username: 'aud', password: 'auditor-password-1', role: 'auditor' });
    await t.identity.createUser(db, {
      username: 'anna',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'pa',
    });
    tokens.admin = await login('admin', 'admin-password-1');
    tokens.doc = await login('doc', 'doctor-password-1');
    tokens.aud = await login('aud', 'auditor-password-1');
    tokens.anna = await login('anna', 'patient-password-1');
  });
  afterAll(async () => t.closeAll());

  const families: [string, string, RequestInit?][] = [
    ['FHIR read', '/fhir/R4/Patient/pa'],
    ['FHIR search', '/fhir/R4/Observation?patient=pa'],
    ['BP API', '/api/bp/alerts'],
    ['auth/me', '/auth/me'],
    ['admin users', '/admin/users'],
    ['gateway models', '/v1/models'],
    ['evaluation', '/eval/runs'],
    [
      'CDS service call',
      '/cds-services/qihuang-rx-review-order-sign',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
    ],
  ];

  it.each(families)('%s: no token and a bad token → 401', async (_name, path, init) => {
    expect((await t.request(path, init)).status).toBe(401);
    const bad = await t.request(path, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), Authorization: 'Bearer not-a-real-token' },
    });
    expect(bad.status).toBe(401);
  });

  it('FHIR 401 and 403 are OperationOutcomes; the right scope works', async () => {
    const none = await t.request('/fhir/R4/Patient/pa');
    expect(((await none.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    const auditorReadsPatient = await t.request('/fhir/R4/Patient/pa', { headers: auth('aud') });
    expect(auditorReadsPatient.status).toBe(403);
    expect(((await auditorReadsPatient.json()) as { resourceType: string }).resourceType).toBe(
      'OperationOutcome',
    );
    expect((await t.request('/fhir/R4/Patient/pa', { headers: auth('doc') })).status).toBe(200);
    expect((await t.request('/fhir/R4/AuditEvent?patient=pa', { headers: auth('doc') })).status).toBe(403);
    expect((await t.request('/fhir/R4/AuditEvent?patient=pa', { headers: auth('aud') })).status).toBe(200);
  });

  it('roles: clinicians cannot administer; patients cannot write others or call admin; admins can', async () => {
    expect((await t.request('/admin/users', { headers: auth('doc') })).status).toBe(403);
    expect((await t.request('/admin/users', { headers: auth('admin') })).status).toBe(200);
    expect((await t.request('/eval/runs', { headers: auth('anna') })).status).toBe(403);
    expect((await t.request('/eval/runs', { headers: auth('doc') })).status).toBe(200);
    const write = await t.request('/fhir/R4/Observation/ob', {
      method: 'PUT',
      headers: auth('anna'),
      json: {
        resourceType: 'Observation',
        id: 'ob',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/pb' },
      },
    });
    expect([403, 404]).toContain(write.status);
  });

  it('a patient sees only their own compartment: read, search, _include, _revinclude, history, $everything, guessed ids', async () => {
    const h = { headers: auth('anna') };
    expect((await t.request('/fhir/R4/Patient/pa', h)).status).toBe(200);
    expect((await t.request('/fhir/R4/Patient/pb', h)).status).toBe(404);
    expect((await t.request('/fhir/R4/Observation/ob', h)).status).toBe(404);
    const ids = async (path: string) =>
      (
        (await (await t.request(path, h)).json()) as {
          entry?: { resource: { resourceType: string; id: string } }[];
        }
      ).entry?.map((e) => `${e.resource.resourceType}/${e.resource.id}`) ?? [];
    expect(await ids('/fhir/R4/Observation?patient=pb')).toEqual([]);
    expect(await ids('/fhir/R4/Observation')).toEqual(['Observation/oa']);
    expect(await ids('/fhir/R4/Patient')).toEqual(['Patient/pa']);
    expect(await ids('/fhir/R4/Patient?name=Beta')).toEqual([]);
    expect((await ids('/fhir/R4/Observation?_include=Observation:subject')).sort()).toEqual([
      'Observation/oa',
      'Patient/pa',
    ]);
    expect((await ids('/fhir/R4/Patient?_revinclude=Observation:subject')).sort()).toEqual([
      'Observation/oa',
      'Patient/pa',
    ]);
    expect((await t.request('/fhir/R4/Patient/pb/_history', h)).status).toBe(404);
    const history = (await (await t.request('/fhir/R4/Observation/_history', h)).json()) as {
      entry: { fullUrl: string }[];
    };
    expect(history.entry.every((e) => e.fullUrl.endsWith('/Observation/oa'))).toBe(true);
    expect((await t.request('/fhir/R4/Patient/pb/$everything', h)).status).toBe(404);
    expect(await ids('/fhir/R4/Patient/pa/$everything')).toEqual(
      expect.arrayContaining(['Patient/pa', 'Observation/oa']),
    );
    expect(await ids('/fhir/R4/Patient/pa/$everything')).not.toContain('Observation/ob');
  });

  it('logout and admin revocation end a token; expired tokens are refused', async () => {
    const extra = await login('doc', 'doctor-password-1');
    expect(
      (await t.request('/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${extra}` } }))
        .status,
    ).toBeLessThan(300);
    expect(
      (await t.request('/fhir/R4/Patient/pa', { headers: { Authorization: `Bearer ${extra}` } })).status,
    ).toBe(401);
    const short = await login('doc', 'doctor-password-1');
    now = new Date(now.getTime() + 9 * 3600_000); // default lifetime 8 h
    expect(
      (await t.request('/fhir/R4/Patient/pa', { headers: { Authorization: `Bearer ${short}` } })).status,
    ).toBe(401);
    tokens.doc = await login('doc', 'doctor-password-1');
    tokens.admin = await login('admin', 'admin-password-1');
    tokens.aud = await login('aud', 'auditor-password-1');
    tokens.anna = await login('anna', 'patient-password-1');
    const users = (await (await t.request('/admin/users', { headers: auth('admin') })).json()) as {
      id: string;
      username: string;
    }[];
    const doc = users.find((u) => u.username === 'doc')!;
    expect(
      (await t.request(`/admin/users/${doc.id}/revoke-tokens`, { method: 'POST', headers: auth('admin') }))
        .status,
    ).toBeLessThan(300);
    expect((await t.request('/fhir/R4/Patient/pa', { headers: auth('doc') })).status).toBe(401);
    tokens.doc = await login('doc', 'doctor-password-1');
  });

  it('audits reads, searches and writes with who and which patient; a failed transaction leaves no entry; the chain verifies', async () => {
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_entry`.execute(t.repository.db)).rows[0]!
        .n;
    await t.request('/fhir/R4/Patient/pb', { headers: auth('doc') });
    const auditResponse = await t.request('/fhir/R4/AuditEvent?patient=pb&agent=doc', {
      headers: auth('aud'),
    });
    expect(auditResponse.status, await auditResponse.clone().text()).toBe(200);
    const events = (await auditResponse.json()) as {
      total: number;
      entry: { resource: { action: string } }[];
    };
    expect(events.total).toBeGreaterThan(0);
    expect(events.entry.map((e) => e.resource.action)).toContain('R');
    const before = await count();
    const bad = await t.request('/fhir/R4', {
      method: 'POST',
      headers: auth('doc'),
      json: {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: { resourceType: 'Patient', id: 'tx1' },
            request: { method: 'PUT', url: 'Patient/tx1' },
          },
          {
            resource: { resourceType: 'Patient', gender: 'bogus' },
            request: { method: 'POST', url: 'Patient' },
          },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(await count()).toBe(before); // nothing written, nothing audited as written
    const good = await t.request('/fhir/R4/Patient/tx2', {
      method: 'PUT',
      headers: auth('doc'),
      json: { resourceType: 'Patient', id: 'tx2' },
    });
    expect(good.status).toBe(201);
    expect(await count()).toBe(before + 1);
    const verified = await verifyAuditChain(t.repository.db);
    expect(verified.ok).toBe(true);
  });

  it('rejects oversized bodies (413) and malformed JSON (400) with OperationOutcomes on FHIR', async () => {
    const small = await createTestApp(kind, { bodyLimitBytes: 2048 }, clock, 'required');
    try {
      await small.identity.createUser(small.repository.db, {
        username: 'doc',
        password: 'doctor-password-1',
        role: 'clinician',
      });
      const response = await small.request('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'doc', password: 'doctor-password-1' }),
        headers: { 'content-type': 'application/json' },
      });
      const token = ((await response.json()) as { access_token: string }).access_token;
      const big = await small.request('/fhir/R4/Patient', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        json: {
          resourceType: 'Patient',
          text: { status: 'generated', div: `<div>${'x'.repeat(5000)}</div>` },
        },
      });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
      const malformed = await small.request('/fhir/R4/Patient', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
        body: '{"resourceType": "Patient",',
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    } finally {
      await small.closeAll();
    }
  });
});
