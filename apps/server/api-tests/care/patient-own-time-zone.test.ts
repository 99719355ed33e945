/**
 * Issue 20 finding 9: a patient's own chart pages (blood-pressure tab, record overview) show times in the
 * patient's zone, labelled — so the patient may read their own zone (GET /api/care/patients/{id}/time-zone),
 * never another patient's; the clinician inbox's multi-patient /time-zones stays clinician-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
const NOW = new Date('2026-03-10T13:00:00Z');

describe("a patient's own time zone", () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = async (who: string, path: string) => {
    const r = await t.request(path, { headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', { timeZone: 'Asia/Shanghai' }, () => NOW, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'own-la', {
      resourceType: 'Patient',
      id: 'own-la',
      extension: [{ url: TIMEZONE_EXTENSION, valueCode: 'America/Los_Angeles' }],
    });
    await t.repository.update(system, 'Patient', 'own-sh', { resourceType: 'Patient', id: 'own-sh' });
    tokens.doc = await t.userToken({ username: 'owndoc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['own-la', 'own-sh'])
      tokens[id] = await t.userToken({
        username: id,
        password: 'patient-password-1',
        role: 'patient',
        patientId: id,
      });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('answers the patient with their own zone (else the hospital’s), and refuses another patient’s', async () => {
    expect(await get('own-la', '/api/care/patients/own-la/time-zone')).toEqual({
      status: 200,
      body: { timeZone: 'Asia/Shanghai', patients: { 'own-la': 'America/Los_Angeles' } },
    });
    expect((await get('own-sh', '/api/care/patients/own-sh/time-zone')).body).toEqual({
      timeZone: 'Asia/Shanghai',
      patients: { 'own-sh': 'Asia/Shanghai' },
    });
    expect((await get('own-sh', '/api/care/patients/own-la/time-zone')).status).toBe(404);
    expect((await get('doc', '/api/care/patients/own-la/time-zone')).body).toEqual({
      timeZone: 'Asia/Shanghai',
      patients: { 'own-la': 'America/Los_Angeles' },
    });
  });
});
