/**
 * A reading the patient remembers in the consultation ("早上量的150/95") is saved with the consultation's time
 * and "time not known" (issue 20 item 2): it is listed apart, marked remembered, never as the latest measured
 * reading, and it counts neither in the readings' crisis advice nor in the assessment's home series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T07:27:00Z'); // 15:27 in Shanghai
const system = { requestId: 's', principal: SYSTEM_PRINCIPAL };

/** As packages/care/intake.ts saves a reading recalled in the intake. */
const remembered = (patientId: string) => ({
  resourceType: 'Observation',
  id: `${patientId}-recalled`,
  meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] },
  status: 'preliminary',
  category: [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
    },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: NOW.toISOString(),
  performer: [{ reference: `Patient/${patientId}` }],
  note: [{ text: 'Reported by the patient from memory in the intake (time not known)' }],
  component: [
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
      valueQuantity: { value: 150, unit: 'mmHg' },
    },
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
      valueQuantity: { value: 95, unit: 'mmHg' },
    },
  ],
});

describe.each(DATABASE_KINDS)('remembered readings on %s (issue 20 item 2)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.repository.update(system, 'Patient', 'rm-1', {
      resourceType: 'Patient',
      id: 'rm-1',
      gender: 'male',
    });
    const upload = await t.request('/api/bp/patients/rm-1/readings', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'time,sbp,dbp,unit\n2026-03-09T07:00:00+08:00,128,82,mmHg',
    });
    expect(upload.status).toBe(201);
    await t.repository.update(system, 'Observation', 'rm-1-recalled', remembered('rm-1'));
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('lists it apart, marked "time not known", never as the newest reading', async () => {
    const body = (await (await t.request('/api/bp/patients/rm-1/readings?lang=zh-CN')).json()) as {
      readings: { sbp: number; dbp: number }[];
      remembered?: { sbp: number; dbp: number; timeKnown: boolean; label: string }[];
    };
    expect(body.readings.map((r) => `${r.sbp}/${r.dbp}`)).toEqual(['128/82']);
    expect(body.remembered).toEqual([
      expect.objectContaining({ sbp: 150, dbp: 95, timeKnown: false, label: '记得的读数（时间不详）' }),
    ]);
    const en = (await (await t.request('/api/bp/patients/rm-1/readings?lang=en')).json()) as {
      remembered: { label: string }[];
    };
    expect(en.remembered[0]!.label).toBe('remembered reading (time not known)');
  });

  it('is not a home reading of the assessment', async () => {
    const report = (await (await t.request('/api/bp/patients/rm-1/assessment')).json()) as {
      series: { sbp: number; time: string }[];
    };
    expect(report.series.map((r) => r.sbp)).toEqual([128]);
  });
});
