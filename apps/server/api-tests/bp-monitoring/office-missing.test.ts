/**
 * IT trial item 6: the "Office category: Not assessed" tile gave no reason while the other tiles do. When no office
 * visit lies in the classification window (12 months by default), the assessment says so: `officeMissing.since`
 * (the window's first day) and, when an older office reading exists, `officeMissing.lastBefore` (its local day).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');

const officeBp = (id: string, patientId: string, time: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
    },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, // LOINC BP panel
  subject: { reference: `Patient/${patientId}` },
  encounter: { reference: `Encounter/${id}-enc` },
  effectiveDateTime: time,
  component: [
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
      valueQuantity: { value: 150, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
      valueQuantity: { value: 95, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
  ],
});

interface Report {
  office?: { date: string };
  officeMissing?: { since: string; lastBefore?: string };
}

describe.each(DATABASE_KINDS)('office category not assessed says why, on %s', (kind) => {
  let t: TestApp;
  const put = (path: string, json: unknown) => t.request(`/fhir/R4/${path}`, { method: 'PUT', json });
  const assess = async (id: string) =>
    (await (await t.request(`/api/bp/patients/${id}/assessment`)).json()) as Report;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    for (const id of ['om-none', 'om-old', 'om-recent'])
      await put(`Patient/${id}`, { resourceType: 'Patient', id, gender: 'female', birthDate: '1960-01-01' });
    await put('Observation/om-old-1', officeBp('om-old-1', 'om-old', '2019-06-01T09:00:00+08:00'));
    await put('Observation/om-recent-1', officeBp('om-recent-1', 'om-recent', '2026-02-01T09:00:00+08:00'));
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('no office reading at all: the window start, nothing older', async () => {
    const r = await assess('om-none');
    expect(r.office).toBeUndefined();
    expect(r.officeMissing).toEqual({ since: '2025-03-10' });
  });

  it('only an office reading older than the window: its day too', async () => {
    const r = await assess('om-old');
    expect(r.office).toBeUndefined();
    expect(r.officeMissing).toEqual({ since: '2025-03-10', lastBefore: '2019-06-01' });
  });

  it('a recent visit is classified, no officeMissing', async () => {
    const r = await assess('om-recent');
    expect(r.office?.date).toBe('2026-02-01');
    expect(r.officeMissing).toBeUndefined();
  });
});
