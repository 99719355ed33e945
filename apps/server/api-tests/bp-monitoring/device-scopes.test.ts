/**
 * Issue 17 (tester): which SMART scopes a device / integration API key needs to upload readings with
 * `POST /api/bp/patients/{id}/readings` (documented in the README and the route's OpenAPI description). The
 * patient's record is read (deceased status, time zone), so `system/Patient.read` is needed beside
 * `system/Observation.write` and `system/Device.write`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-12-06T04:00:00Z');

describe.each(DATABASE_KINDS)('device upload scopes on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  const key = async (name: string, scopes: string[]) => {
    const r = await t.request('/admin/api-keys', {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}` },
      json: { name, scopes },
    });
    expect(r.status).toBe(201);
    return ((await r.json()) as { key: string }).key;
  };
  const upload = (token: string, time: string) =>
    t.request('/api/bp/patients/dev-1/readings?format=csv', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `time,sbp,dbp,unit\n${time},132,84,mmHg`,
    });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    admin = await t.userToken({ username: 'adm', password: 'admin-password-1', role: 'admin' });
    const put = await t.request('/fhir/R4/Patient/dev-1', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin}` },
      json: { resourceType: 'Patient', id: 'dev-1', gender: 'female', birthDate: '1958-01-01' },
    });
    expect(put.status).toBeLessThan(300);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('Observation.write + Device.write alone: 403, the patient record cannot be read', async () => {
    const r = await upload(
      await key('no-patient', ['system/Observation.write', 'system/Device.write']),
      '2026-12-06T01:00:00Z',
    );
    expect(r.status).toBe(403);
    expect(JSON.stringify(await r.json())).toMatch(/Patient/);
  });

  it('with Patient.read added: stored', async () => {
    const scopes = ['system/Observation.write', 'system/Device.write', 'system/Patient.read'];
    expect((await upload(await key('device', scopes), '2026-12-06T02:00:00Z')).status).toBe(201);
  });

  it('without Device.write (Observation.write + Patient.read): 403, the device cannot be recorded', async () => {
    const scopes = ['system/Observation.write', 'system/Patient.read'];
    const r = await upload(await key('no-device', scopes), '2026-12-06T03:00:00Z');
    expect(r.status).toBe(403);
    expect(JSON.stringify(await r.json())).toMatch(/write Device/);
  });
});
