/**
 * Two readings in the same minute are two readings (issue 20, safety): the patient page asks for two readings one
 * minute apart, and a device or phone may stamp both with the same minute. A reading is the same reading only when
 * it is a true retry: the same record identifier (client idempotency key, device record id), or — without one —
 * the same time AND the same values. A crisis reading is never replaced by a later normal one, and its alert stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const MINUTE = '2026-03-10T19:30:00+08:00';

/** The Observation the patient page sends (apps/web/src/api/bp.ts), with its idempotency key when given. */
function manual(patientId: string, sbp: number, dbp: number, key?: string, time = MINUTE) {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    ...(key ? { identifier: [{ system: 'urn:qihuang:reading-key', value: key }] } : {}),
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: time,
    component: [component('8480-6', sbp), component('8462-4', dbp)],
  };
}

describe.each(DATABASE_KINDS)('readings in the same minute on %s (issue 20)', (kind) => {
  let t: TestApp;
  let clinician = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokens: Record<string, string> = {};

  const post = async (patientId: string, body: unknown, contentType = 'application/fhir+json') => {
    const response = await t.request(`/api/bp/patients/${patientId}/readings?format=fhir`, {
      method: 'POST',
      headers: { ...auth(tokens[patientId]!), 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        stored: number;
        updated: number;
        unchanged: number;
        records: { status: string; id?: string }[];
      },
    };
  };
  const listed = async (patientId: string) =>
    (
      (await (
        await t.request(`/api/bp/patients/${patientId}/readings?days=14`, { headers: auth(clinician) })
      ).json()) as { readings: { sbp: number; dbp: number }[] }
    ).readings.map((r) => `${r.sbp}/${r.dbp}`);
  const observations = async (patientId: string) =>
    (
      (await (
        await t.request(`/fhir/R4/Observation?patient=${patientId}&code=85354-9`, {
          headers: auth(clinician),
        })
      ).json()) as { entry?: unknown[] }
    ).entry?.length ?? 0;
  const crisisFlags = async (patientId: string) =>
    (
      (await (
        await t.request(`/fhir/R4/Flag?patient=${patientId}`, { headers: auth(clinician) })
      ).json()) as { entry?: { resource: { status: string; code: { coding: { code: string }[] } } }[] }
    ).entry
      ?.map((e) => e.resource)
      .filter((f) => f.code.coding[0]?.code === 'crisis' && f.status === 'active').length ?? 0;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['sm-p1', 'sm-p2', 'sm-p3', 'sm-p4']) {
      const put = await t.request(`/fhir/R4/Patient/${id}`, {
        method: 'PUT',
        headers: auth(clinician),
        json: { resourceType: 'Patient', id, gender: 'female', birthDate: '1960-01-01' },
      });
      expect(put.status).toBeLessThan(300);
      tokens[id] = await t.userToken({
        username: `pat-${id}`,
        password: 'patient-password-1',
        role: 'patient',
        patientId: id,
      });
    }
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('192/126 then 118/76 in the same minute (with idempotency keys): both stored, both listed, the crisis alert stays', async () => {
    const first = await post('sm-p1', manual('sm-p1', 192, 126, 'key-a'));
    expect(first.status).toBe(201);
    expect(first.body.stored).toBe(1);
    expect(await crisisFlags('sm-p1')).toBe(1);
    const second = await post('sm-p1', manual('sm-p1', 118, 76, 'key-b'));
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ stored: 1, updated: 0 });
    expect(second.body.records[0]!.id).not.toBe(first.body.records[0]!.id);
    expect((await listed('sm-p1')).sort()).toEqual(['118/76', '192/126']);
    expect(await observations('sm-p1')).toBe(2);
    expect(await crisisFlags('sm-p1')).toBe(1);
    // A retry of either (same key, same values) is de-duplicated.
    const retry = await post('sm-p1', manual('sm-p1', 118, 76, 'key-b'));
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ stored: 0, updated: 0, unchanged: 1 });
    expect(retry.body.records[0]!.id).toBe(second.body.records[0]!.id);
    expect(await observations('sm-p1')).toBe(2);
  });

  it('without a key (an older page): different values in the same minute are two readings; an exact retry is one', async () => {
    const first = await post('sm-p2', manual('sm-p2', 192, 126));
    const second = await post('sm-p2', manual('sm-p2', 118, 76));
    expect(first.body.stored).toBe(1);
    expect(second.body).toMatchObject({ stored: 1, updated: 0 });
    expect((await listed('sm-p2')).sort()).toEqual(['118/76', '192/126']);
    for (const [sbp, dbp] of [
      [192, 126],
      [118, 76],
    ] as const) {
      const retry = await post('sm-p2', manual('sm-p2', sbp, dbp));
      expect(retry.body).toMatchObject({ stored: 0, updated: 0, unchanged: 1 });
    }
    expect(await observations('sm-p2')).toBe(2);
    expect(await crisisFlags('sm-p2')).toBe(1);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from bp_reading where patient_id = 'sm-p2'`.execute(t.repository.db);
    expect(rows[0]!.n).toBe(2);
  });

  it('a device batch with record ids is idempotent; two records of one minute with different values are two readings', async () => {
    const batch = (values: [number, number][]) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: values.map(([sbp, dbp], i) => ({
        resource: {
          ...manual('sm-p3', sbp, dbp, undefined, `2026-03-10T0${7 + i}:00:00+08:00`),
          identifier: [{ system: 'urn:cuff-vendor:record', value: `rec-${i}` }],
          device: { identifier: { value: 'cuff-sm' } },
        },
      })),
    });
    const values: [number, number][] = [
      [132, 84],
      [128, 82],
      [136, 86],
    ];
    const first = await post('sm-p3', batch(values));
    expect(first.body).toMatchObject({ stored: 3, updated: 0, unchanged: 0 });
    const again = await post('sm-p3', batch(values));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: 0, updated: 0, unchanged: 3 });
    expect(again.body.records.map((r) => r.id)).toEqual(first.body.records.map((r) => r.id));
    expect(await observations('sm-p3')).toBe(3);
    // Two records stamped with the same minute, different values, no record ids: both kept.
    const sameMinute = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { ...manual('sm-p4', 150, 95), device: { identifier: { value: 'cuff-sm' } } } },
        { resource: { ...manual('sm-p4', 146, 92), device: { identifier: { value: 'cuff-sm' } } } },
      ],
    };
    const both = await post('sm-p4', sameMinute);
    expect(both.body).toMatchObject({ stored: 2, updated: 0 });
    expect((await listed('sm-p4')).sort()).toEqual(['146/92', '150/95']);
    expect((await post('sm-p4', sameMinute)).body).toMatchObject({ stored: 0, unchanged: 2 });
  });
});
