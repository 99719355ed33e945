/**
 * Issue 15 items 1, 2, 3 and 6 through the whole server with real credentials: a signed-in patient cannot
 * file a reading in another chart (either pairing), cannot change or delete a clinician's creatinine or
 * attribute its own reading to a clinician, never sees another patient's record through Patient.link or
 * $everything; an API key with only Observation read gets no Patient through an untyped `_include`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

const reading = (subject: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: `Patient/${subject}` },
  valueQuantity: { value: 70, unit: '/min' },
  ...extra,
});
const creatinine = (value: number) => ({
  resourceType: 'Observation',
  id: 'creat',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2160-0' }] },
  subject: { reference: 'Patient/pa' },
  valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
});
type Bundle = { total?: number; entry?: { resource: { resourceType: string; id: string } }[] };
const keys = (bundle: Bundle) =>
  (bundle.entry ?? []).map((e) => `${e.resource.resourceType}/${e.resource.id}`);

describe.each(DATABASE_KINDS)('patient boundaries over HTTP on %s', (kind) => {
  let t: TestApp;
  let anna: string;
  let doc: string;
  let observationKey: string;
  const call = (token: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(`/fhir/R4${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'pa', { resourceType: 'Patient', id: 'pa' });
    await t.repository.update(system, 'Patient', 'pb', {
      resourceType: 'Patient',
      id: 'pb',
      link: [{ other: { reference: 'Patient/pa' }, type: 'seealso' }],
    });
    await t.repository.update(system, 'Observation', 'ob', { ...reading('pb'), id: 'ob' });
    anna = await t.userToken({
      username: 'anna',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'pa',
    });
    doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    const admin = await t.identity.createUser(t.repository.db, {
      username: 'root',
      password: 'admin-password-1',
      role: 'admin',
    });
    observationKey = (
      await t.identity.createApiKey(
        t.repository.db,
        { name: 'obs', scopes: ['system/Observation.read'] },
        admin.id,
      )
    ).key;
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('refuses a reading filed in another chart, in either pairing (item 1)', async () => {
    const intoOther = reading('pb', { performer: [{ reference: 'Patient/pa' }] });
    const naming = reading('pa', { performer: [{ reference: 'Patient/pb' }] });
    for (const json of [intoOther, naming]) {
      expect((await call(anna, '/Observation', { method: 'POST', json })).status).toBe(403);
      expect(
        (await call(anna, '/Observation/x1', { method: 'PUT', json: { ...json, id: 'x1' } })).status,
      ).toBe(403);
    }
    const chart = (await (await call(doc, '/Observation?patient=pb')).json()) as Bundle;
    expect(keys(chart)).toEqual(['Observation/ob']);
    expect((await call(anna, '/Observation', { method: 'POST', json: reading('pa') })).status).toBe(201);
  });

  it("leaves a clinician's creatinine alone; the patient's own reading is its to change (item 3)", async () => {
    expect((await call(doc, '/Observation/creat', { method: 'PUT', json: creatinine(2.9) })).status).toBe(
      201,
    );
    expect((await call(anna, '/Observation/creat', { method: 'PUT', json: creatinine(0.8) })).status).toBe(
      403,
    );
    expect((await call(anna, '/Observation/creat', { method: 'DELETE' })).status).toBe(403);
    const stored = (await (await call(doc, '/Observation/creat')).json()) as {
      valueQuantity: { value: number };
      meta: { versionId: string };
    };
    expect(stored.valueQuantity.value).toBe(2.9);
    expect(stored.meta.versionId).toBe('1');
    const forged = reading('pa', { performer: [{ reference: 'Practitioner/dr' }] });
    expect((await call(anna, '/Observation', { method: 'POST', json: forged })).status).toBe(403);
    const own = await call(anna, '/Observation', { method: 'POST', json: reading('pa') });
    const { id } = (await own.json()) as { id: string };
    const corrected = { ...reading('pa', { valueQuantity: { value: 72, unit: '/min' } }), id };
    expect((await call(anna, `/Observation/${id}`, { method: 'PUT', json: corrected })).status).toBe(200);
    expect((await call(anna, `/Observation/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it("never shows the patient another patient's record linking to it (item 2)", async () => {
    expect((await call(anna, '/Patient/pb')).status).toBe(404);
    expect((await call(anna, '/Patient/pb/$everything')).status).toBe(404);
    const search = (await (await call(anna, '/Patient')).json()) as Bundle;
    expect(keys(search)).toEqual(['Patient/pa']);
    const everything = (await (await call(anna, '/Patient/pa/$everything')).json()) as Bundle;
    expect(keys(everything)).toContain('Patient/pa');
    expect(keys(everything).filter((k) => k.startsWith('Patient/'))).toEqual(['Patient/pa']);
    expect(keys(everything)).not.toContain('Observation/ob');
  });

  it('gives an Observation-only key no Patient through an untyped _include (item 6)', async () => {
    const response = await call(observationKey, '/Observation?_include=Observation:subject');
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as Bundle;
    expect(keys(bundle).length).toBeGreaterThan(0);
    expect(keys(bundle).filter((k) => !k.startsWith('Observation/'))).toEqual([]);
    const typed = await call(observationKey, '/Observation?_include=Observation:subject:Patient');
    expect(typed.status).toBe(403);
  });

  it('audits refused attempts on another record (403 and 404), without naming the other patient', async () => {
    const failures = async () => {
      const { rows } = await sql<{ action: string; resource_id: string | null; patient_ids: string[] }>`
        select action, resource_id, patient_ids from audit_entry
        where outcome = 'failure' and username = 'anna' order by seq`.execute(t.repository.db);
      return rows;
    };
    const before = (await failures()).length;
    expect((await call(anna, '/Observation/ob')).status).toBe(404);
    expect((await call(anna, '/Observation/ob', { method: 'DELETE' })).status).toBe(404);
    const json = reading('pb', { performer: [{ reference: 'Patient/pa' }] });
    expect((await call(anna, '/Observation', { method: 'POST', json })).status).toBe(403);
    // Appends outside a transaction are group-committed: wait for the three entries.
    let rows = await failures();
    for (let i = 0; i < 50 && rows.length < before + 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      rows = await failures();
    }
    expect(rows.slice(before).map((r) => [r.action, r.resource_id])).toEqual([
      ['read', 'ob'],
      ['delete', 'ob'],
      ['create', null],
    ]);
    expect(rows.slice(before).every((r) => r.patient_ids.length === 0)).toBe(true);
  });
});
