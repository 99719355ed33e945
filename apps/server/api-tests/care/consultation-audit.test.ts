/** Reading a consultation transcript is audited with the patient id, like a FHIR read (issue 15 item 10). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');

describe.each(DATABASE_KINDS)('consultation reads are audited on %s', (kind) => {
  let t: TestApp;
  let clinician = '';
  let patient = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const entries = async () =>
    (
      await sql<{
        action: string;
        resource_type: string;
        resource_id: string | null;
        patient_ids: string[];
        username: string;
        outcome: string;
      }>`select action, resource_type, resource_id, patient_ids, username, outcome from audit_entry
         where resource_type = 'Consultation' order by seq`.execute(t.repository.db)
    ).rows;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'ca-1', {
      resourceType: 'Patient',
      id: 'ca-1',
      gender: 'female',
      birthDate: '1960-01-01',
    });
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    patient = await t.userToken({
      username: 'pat',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'ca-1',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('audits GET /consultations/{id} and GET /patients/{id}/consultations with the patient id', async () => {
    const started = await t.request('/api/care/patients/ca-1/consultations', {
      method: 'POST',
      headers: { ...auth(patient), 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const before = (await entries()).length;

    const one = await t.request(`/api/care/consultations/${id}`, { headers: auth(clinician) });
    expect(one.status).toBe(200);
    const list = await t.request('/api/care/patients/ca-1/consultations', { headers: auth(patient) });
    expect(list.status).toBe(200);

    const added = (await entries()).slice(before);
    expect(added).toEqual([
      {
        action: 'read',
        resource_type: 'Consultation',
        resource_id: id,
        patient_ids: ['ca-1'],
        username: 'doc',
        outcome: 'success',
      },
      {
        action: 'search',
        resource_type: 'Consultation',
        resource_id: null,
        patient_ids: ['ca-1'],
        username: 'pat',
        outcome: 'success',
      },
    ]);
    // A refused read (another patient's transcript) leaves no success entry. The other patient's account links
    // to a Patient that exists (identity refuses a link to none).
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'ca-2', {
      resourceType: 'Patient',
      id: 'ca-2',
    });
    const other = await t.userToken({
      username: 'pat2',
      password: 'patient-password-2',
      role: 'patient',
      patientId: 'ca-2',
    });
    expect((await t.request(`/api/care/consultations/${id}`, { headers: auth(other) })).status).toBe(404);
    expect((await entries()).length).toBe(before + 2);
  });
});
