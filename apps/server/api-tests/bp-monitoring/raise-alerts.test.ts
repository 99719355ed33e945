/**
 * The dead raise no alerts (issue 17 item 4): a deceased patient's readings (a 1981 death in the demo data,
 * or deceasedBoolean) are not evaluated on write, so neither uploads nor demo seeding put them in the inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { raiseAlerts } from '@qihuang/bp-monitoring';

const NOW = new Date('2026-03-10T12:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

function bpObservation(id: string, patient: string, sbp: number, dbp: number, time: string) {
  const q = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, // REFERENCE §8.1
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: time,
    component: [q('8480-6', sbp), q('8462-4', dbp)],
  };
}

describe.each(DATABASE_KINDS)('alerts skip deceased patients on %s', (kind) => {
  let t: TestApp;
  const flags = async (patientId: string) => {
    const bundle = (await (await t.request(`/fhir/R4/Flag?patient=${patientId}`)).json()) as {
      entry?: unknown[];
    };
    return bundle.entry ?? [];
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    for (const [id, extra] of [
      ['rd-alive', {}],
      ['rd-dead-date', { deceasedDateTime: '1981-07-02T10:00:00+00:00' }],
      ['rd-dead-bool', { deceasedBoolean: true }],
    ] as const)
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1950-04-01',
        ...extra,
      });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('raises the crisis alert for the living and none for the dead (direct evaluation, as demo seeding does)', async () => {
    for (const id of ['rd-alive', 'rd-dead-date', 'rd-dead-bool'])
      await t.repository.update(
        system,
        'Observation',
        `${id}-obs`,
        bpObservation(`${id}-obs`, id, 192, 124, '2026-03-10T19:00:00+08:00'),
      );
    expect(await raiseAlerts(t.repository, 'rd-alive', { now: NOW.toISOString() })).toBeGreaterThan(0);
    expect(await raiseAlerts(t.repository, 'rd-dead-date', { now: NOW.toISOString() })).toBe(0);
    expect(await raiseAlerts(t.repository, 'rd-dead-bool', { now: NOW.toISOString() })).toBe(0);
    expect(await flags('rd-dead-date')).toHaveLength(0);
    expect(await flags('rd-dead-bool')).toHaveLength(0);
  });

  it('a FHIR POST of a crisis reading for a deceased patient raises nothing', async () => {
    const response = await t.request('/fhir/R4/Observation', {
      method: 'POST',
      json: bpObservation('ignored', 'rd-dead-date', 200, 130, '2026-03-10T19:30:00+08:00'),
    });
    expect(response.status).toBe(201);
    expect(await flags('rd-dead-date')).toHaveLength(0);
  });
});
