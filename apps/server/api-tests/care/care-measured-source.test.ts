/**
 * Issue 20 item 5: the care tab's "latest measured BP" says how a home reading came in — a reading the patient
 * typed in on the phone page (no device) is manual entry (家庭自测（手动录入）), a device export's is a device
 * reading (家庭自测（设备）). The API marks a home reading without a device `manual: true`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');

/** The Observation the patient's phone page sends (apps/web/src/api/bp.ts readingObservation): no device. */
function typedIn(patientId: string, time: string, sbp: number, dbp: number) {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    identifier: [{ system: 'urn:qihuang:patient-entry', value: `k-${time}` }],
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: time,
    component: [component('8480-6', sbp), component('8462-4', dbp)],
  };
}

describe('latest measured BP: manual entry or device', () => {
  let t: TestApp;
  const summary = async (id: string) => {
    const r = await t.request(`/api/care/patients/${id}/summary?lang=zh`);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as { latestMeasured?: { sbp: number; setting: string; manual?: boolean } };
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const id of ['typed-1', 'cuff-1'])
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1962-01-01',
      });
    const typed = await t.request('/api/bp/patients/typed-1/readings', {
      method: 'POST',
      body: JSON.stringify(typedIn('typed-1', '2026-03-10T07:30:00+08:00', 138, 86)),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(typed.status, await typed.clone().text()).toBeLessThan(300);
    const cuff = await t.request('/api/bp/patients/cuff-1/readings', {
      method: 'POST',
      body: csv([['2026-03-10T07:30:00+08:00', 138, 86]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(cuff.status, await cuff.clone().text()).toBeLessThan(300);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('a reading typed in by the patient is manual entry', async () => {
    expect((await summary('typed-1')).latestMeasured).toMatchObject({
      sbp: 138,
      setting: 'home',
      manual: true,
    });
  });
  it("a device export's reading is not", async () => {
    const m = (await summary('cuff-1')).latestMeasured;
    expect(m).toMatchObject({ sbp: 138, setting: 'home' });
    expect(m?.manual).toBeUndefined();
  });
});
