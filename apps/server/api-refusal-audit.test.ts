/**
 * Issue 15: refusals outside FHIR are audited — a 403 or 404 to a signed-in caller leaves one failure entry with
 * the method and route pattern (never another patient's id, never the body); a 200 and an anonymous 401 leave
 * none; an admin mutation that audits its own failure is not entered twice; FHIR refusals stay single.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

describe.each(DATABASE_KINDS)('audit of refused /api and /admin requests on %s', (kind) => {
  let t: TestApp;
  let anna: string;
  let doc: string;
  let root: string;
  const get = (token: string | undefined, path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, { ...init, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const failures = async () =>
    (
      await t.repository.db
        .selectFrom('audit_entry' as never)
        .selectAll()
        .where('outcome' as never, '=', 'failure' as never)
        .orderBy('seq' as never)
        .execute()
    ).map((row) => row as unknown as Record<string, unknown>);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'pa', { resourceType: 'Patient', id: 'pa' });
    await t.repository.update(system, 'Patient', 'pb-secret-id', {
      resourceType: 'Patient',
      id: 'pb-secret-id',
    });
    anna = await t.userToken({
      username: 'anna',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'pa',
    });
    doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    root = await t.userToken({ username: 'root', password: 'admin-password-1', role: 'admin' });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it("a patient asking for another patient's BP assessment leaves one failure entry, without that patient's id", async () => {
    const before = (await failures()).length;
    const response = await get(anna, '/api/bp/patients/pb-secret-id/assessment');
    expect([403, 404]).toContain(response.status);
    const added = (await failures()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: 'read',
      username: 'anna',
      role: 'patient',
      query: 'GET /api/bp/patients/:id/assessment',
      patient_ids: [],
    });
    expect(JSON.parse(String(added[0]!.detail))).toMatchObject({ status: response.status });
    expect(JSON.stringify(added[0])).not.toContain('pb-secret-id');
  });

  it('a clinician calling /admin/users leaves one failure entry', async () => {
    const before = (await failures()).length;
    expect((await get(doc, '/admin/users')).status).toBe(403);
    const added = (await failures()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ username: 'doc', query: 'GET /admin/users' });
    expect(JSON.parse(String(added[0]!.detail))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('a 200, an anonymous 401, and an already audited admin failure add no extra failure entry', async () => {
    const before = (await failures()).length;
    expect((await get(anna, '/api/bp/patients/pa/assessment')).status).toBe(200);
    expect((await get(undefined, '/api/bp/patients/pb-secret-id/assessment')).status).toBe(401);
    expect((await get(undefined, '/admin/users')).status).toBe(401);
    expect((await failures()).length).toBe(before);
    // identity's own failure entry for a refused admin change is the only one.
    const missing = await get(root, '/admin/users/no-such-user/revoke-tokens', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect((await failures()).length).toBe(before + 1);
  });

  it('a FHIR refusal is still entered once', async () => {
    const before = (await failures()).length;
    expect((await get(anna, '/fhir/R4/Patient/pb-secret-id')).status).toBe(404);
    expect((await failures()).length).toBe(before + 1);
  });
});
