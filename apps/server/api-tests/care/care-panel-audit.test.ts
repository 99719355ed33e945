/**
 * Issue 20 item 10: viewing the care panel (the clinician's patient list) writes ONE audit row per request — not
 * one per chart read (~20 per view) — and that row still says who saw which patients: it lists every patient on
 * the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const PATIENTS = ['panel-a', 'panel-b', 'panel-c'];

describe('care panel audit', () => {
  let t: TestApp;
  let token = '';
  const rows = async () =>
    (await t.repository.db
      .selectFrom('audit_entry' as never)
      .select(['seq', 'action', 'query', 'patient_ids', 'username'] as never[])
      .orderBy('seq' as never)
      .execute()) as unknown as {
      seq: string;
      action: string;
      query: string | null;
      patient_ids: string[];
      username: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW, 'required');
    token = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const id of PATIENTS) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1960-01-01',
      });
      const headers = { authorization: `Bearer ${token}` };
      const up = await t.request(`/api/bp/patients/${id}/readings`, {
        method: 'POST',
        body: week(150, 95),
        headers: { ...headers, 'content-type': 'text/csv' },
      });
      expect(up.status).toBeLessThan(300);
      const plan = await t.request(`/api/care/patients/${id}/care-plan`, {
        method: 'PUT',
        body: JSON.stringify({ guideline: 'china-2018' }),
        headers: { ...headers, 'content-type': 'application/json' },
      });
      expect(plan.status, await plan.clone().text()).toBe(200);
    }
  }, 180_000);
  afterAll(async () => t?.closeAll());

  it('one audit row per panel request, naming the viewer and every patient listed', async () => {
    const before = (await rows()).length;
    const r = await t.request('/api/care/panel', { headers: { authorization: `Bearer ${token}` } });
    expect(r.status, await r.clone().text()).toBe(200);
    const listed = ((await r.json()) as { entries: { patientId: string }[] }).entries.map((e) => e.patientId);
    expect(listed.sort()).toEqual(PATIENTS);
    const added = (await rows()).slice(before);
    expect(added.map((a) => [a.action, a.query])).toEqual([['search', 'care-panel']]);
    expect(added[0]!.username).toBe('doc');
    expect([...added[0]!.patient_ids].sort()).toEqual(PATIENTS);
  });
});
