/**
 * Alerts are raised when readings arrive (system principal, audited), not by the assessment GET, which writes
 * nothing; an unreadable JSON upload is a 400 with nothing stored (issue 15 items 8 and 14).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { upsertReadings } from '@qihuang/bp-monitoring';

const NOW = new Date('2026-03-10T12:00:00Z');

describe.each(DATABASE_KINDS)('BP alerts on write on %s', (kind) => {
  let t: TestApp;
  let clinician = '';
  let nurse = '';
  let patient = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const counts = async () => {
    const one = async (table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.repository.db))
        .rows[0]!.n;
    return {
      resources: await one('fhir_resource'),
      history: await one('fhir_history'),
      readings: await one('bp_reading'),
    };
  };
  const flags = async (patientId: string) =>
    (
      (await (
        await t.request(`/fhir/R4/Flag?patient=${patientId}`, { headers: auth(clinician) })
      ).json()) as {
        entry?: { resource: { id: string; status: string; code: { coding: { code: string }[] } } }[];
      }
    ).entry?.map((e) => e.resource) ?? [];

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
    for (const id of ['aw-p1', 'aw-p2', 'aw-p3', 'aw-p4']) {
      const put = await t.request(`/fhir/R4/Patient/${id}`, {
        method: 'PUT',
        headers: auth(clinician),
        json: { resourceType: 'Patient', id, gender: 'female', birthDate: '1960-01-01' },
      });
      expect(put.status).toBeLessThan(300);
    }
    patient = await t.userToken({
      username: 'pat',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'aw-p1',
    });
  });
  afterAll(async () => t.closeAll());

  it('raises the crisis Flag at upload, audited as the system; nurse and patient GETs are 200 and write nothing', async () => {
    const upload = await t.request('/api/bp/patients/aw-p1/readings', {
      method: 'POST',
      headers: { ...auth(patient), 'content-type': 'text/csv' },
      body: 'time,sbp,dbp,unit\n2026-03-10T19:30:00+08:00,186,124,mmHg',
    });
    expect(upload.status).toBe(201);
    // No one has looked at the assessment: the alert exists already.
    const raised = await flags('aw-p1');
    expect(raised.map((f) => [f.code.coding[0]?.code, f.status])).toEqual([['crisis', 'active']]);
    // The Flags were written in one audited transaction, by the system, under the upload's request id.
    const audited = await sql<{ principal_kind: string; request_id: string; query: string | null }>`
      select principal_kind, request_id, query from audit_entry
      where action = 'transaction' and 'aw-p1' = any(patient_ids) order by seq`.execute(t.repository.db);
    expect(audited.rows.map((r) => [r.principal_kind, r.query])).toEqual([
      ['user', 'bp-readings'],
      // Evaluated once stored (the assessment counts pending readings), then projected into FHIR.
      ['system', null],
      ['user', 'bp-projection'],
    ]);
    expect(new Set(audited.rows.map((r) => r.request_id)).size).toBe(1);

    // The care team's notification (a FHIR Communication) is written by the notifier, not by a GET.
    await t.bpAlerts.notifier.sweep();
    const before = await counts();
    for (const token of [nurse, patient]) {
      const response = await t.request('/api/bp/patients/aw-p1/assessment', { headers: auth(token) });
      expect(response.status).toBe(200);
      const report = (await response.json()) as { home: { alerts: { kind: string }[] } };
      expect(report.home.alerts.map((a) => a.kind)).toContain('crisis');
    }
    expect(await counts()).toEqual(before);
    expect(await flags('aw-p1')).toHaveLength(1);
  });

  it('a GET never writes alerts, even when none was raised at write time', async () => {
    // Readings stored directly (e.g. by another replica that stopped before evaluating): the GET reports the
    // alert but does not store it.
    await t.request('/fhir/R4/Device/aw-dev', {
      method: 'PUT',
      headers: auth(clinician),
      json: { resourceType: 'Device', id: 'aw-dev', patient: { reference: 'Patient/aw-p2' } },
    });
    await upsertReadings(
      t.repository.db,
      'aw-p2',
      [{ id: 'aw-p2-r1', time: '2026-03-10T10:00:00Z', sbp: 190, dbp: 125, deviceId: 'aw-dev' }],
      NOW.toISOString(),
    );
    const before = await counts();
    const response = await t.request('/api/bp/patients/aw-p2/assessment', { headers: auth(clinician) });
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { home: { alerts: { kind: string }[] } }).home.alerts.map((a) => a.kind),
    ).toContain('crisis');
    expect(await counts()).toEqual(before);
    expect(await flags('aw-p2')).toHaveLength(0);
    // The projector, which writes those readings into FHIR, raises it.
    await t.bpProjector.drain();
    expect((await flags('aw-p2')).map((f) => f.code.coding[0]?.code)).toEqual(['crisis']);
  });

  it('answers 400 to unparseable JSON and stores nothing', async () => {
    await t.bpAlerts.notifier.sweep();
    const before = await counts();
    for (const body of ['{"resourceType": "Bundle", "entry": [', '[{"sbp": 150,', '{not json at all}']) {
      const response = await t.request('/api/bp/patients/aw-p3/readings', {
        method: 'POST',
        headers: { ...auth(clinician), 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const message = JSON.stringify(await response.json());
      expect(message).toMatch(/not valid JSON/);
      expect(message).not.toContain('150'); // no data values echoed
    }
    expect(await counts()).toEqual(before);
    // NDJSON with one bad line among good ones still answers per record.
    const ndjson = [
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        subject: { reference: 'Patient/aw-p3' },
        effectiveDateTime: '2026-03-09T08:00:00+08:00',
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: 132, unit: 'mmHg' },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: 84, unit: 'mmHg' },
          },
        ],
      }),
      '{broken',
    ].join('\n');
    const mixed = await t.request('/api/bp/patients/aw-p3/readings?format=ndjson', {
      method: 'POST',
      headers: auth(clinician),
      body: ndjson,
    });
    expect(mixed.status).toBe(201);
    expect(((await mixed.json()) as { stored: number; rejected: number }).rejected).toBe(1);
  });
  it('a crisis reading that arrives days late still raises its alert once, naming the day it was measured', async () => {
    // aw-p4: measured 2026-03-07 (three days before NOW), uploaded now — no one has seen it.
    const late = async () =>
      t.request('/api/bp/patients/aw-p4/readings', {
        method: 'POST',
        headers: { ...auth(clinician), 'content-type': 'text/csv' },
        body: 'time,sbp,dbp,unit\n2026-03-07T08:00:00+08:00,192,126,mmHg',
      });
    expect((await late()).status).toBe(201);
    const raised = (await flags('aw-p4')).filter((f) => f.code.coding[0]?.code === 'crisis');
    expect(raised).toHaveLength(1);
    const text = JSON.stringify(raised[0]);
    expect(text).toContain('2026-03-07');
    // The same reading again (a phone re-syncing) raises nothing new.
    expect((await late()).status).toBeLessThan(300);
    expect((await flags('aw-p4')).filter((f) => f.code.coding[0]?.code === 'crisis')).toHaveLength(1);
  });
});
