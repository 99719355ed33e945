/**
 * Issue 17 item 1: the console shows times in the patient's (FHIR timezone extension) or the hospital's zone
 * (QIHUANG_TIME_ZONE), never the browser's — so the answers it formats from carry the zone: the patient home
 * page (`/api/care/me`) and the zones the clinician alert inbox asks for (`/api/care/time-zones`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

// The HL7 extension for a patient's time zone, which the care settings read (packages/care/settings.ts).
const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
const NOW = new Date('2026-03-10T13:00:00Z');

describe.each(DATABASE_KINDS)('time zones in care answers on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = async (who: string, path: string) => {
    const r = await t.request(path, { headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => NOW, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'tz-ny', {
      resourceType: 'Patient',
      id: 'tz-ny',
      gender: 'female',
      birthDate: '1960-01-01',
      extension: [{ url: TIMEZONE_EXTENSION, valueCode: 'America/New_York' }],
    });
    await t.repository.update(system, 'Patient', 'tz-sh', {
      resourceType: 'Patient',
      id: 'tz-sh',
      gender: 'male',
      birthDate: '1962-01-01',
    });
    tokens.doc = await t.userToken({ username: 'tzdoc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['tz-ny', 'tz-sh'])
      tokens[id] = await t.userToken({
        username: id,
        password: 'patient-password-1',
        role: 'patient',
        patientId: id,
      });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it("the patient home page carries the patient's own zone, else the hospital's", async () => {
    const ny = await get('tz-ny', '/api/care/me');
    expect(ny.status).toBe(200);
    expect(ny.body.timeZone).toBe('America/New_York');
    const sh = await get('tz-sh', '/api/care/me');
    expect(sh.body.timeZone).toBe('Asia/Shanghai');
    // Clinician view of the same page: the patient's zone, not the viewer's.
    expect((await get('doc', '/api/care/patients/tz-ny/home')).body.timeZone).toBe('America/New_York');
  });

  it("the inbox's zones: the hospital's and each listed patient's; unknown ids left out; patients refused", async () => {
    const r = await get('doc', '/api/care/time-zones?patient=tz-ny,tz-sh,nobody');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      timeZone: 'Asia/Shanghai',
      patients: { 'tz-ny': 'America/New_York', 'tz-sh': 'Asia/Shanghai' },
    });
    expect((await get('doc', '/api/care/time-zones')).body).toEqual({
      timeZone: 'Asia/Shanghai',
      patients: {},
    });
    expect((await get('tz-ny', '/api/care/time-zones?patient=tz-ny')).status).toBe(403);
  });
});
