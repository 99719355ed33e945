/**
 * A patient never sees an unsigned prescription (MedicationRequest status draft) in their own record — not by
 * read, vread, search, history or $everything — while clinicians do; and `patientResources` reads a chart in
 * one query with one audit entry under the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, Principal, RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { FhirRepository } from './fhir-repository.ts';

const system: RequestContext = {
  requestId: 't',
  principal: { id: 'system', kind: 'system', username: 'system', role: 'service', scopes: ['system/*.*'] },
};
const patientPrincipal: Principal = {
  id: 'u-p1',
  kind: 'user',
  username: 'p1',
  role: 'patient',
  scopes: ['patient/*.read'],
  patientId: 'p1',
};
const asPatient: RequestContext = { requestId: 't', principal: patientPrincipal };

const order = (id: string, status: string) => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: status === 'draft' ? 'proposal' : 'order',
  medicationCodeableConcept: { text: 'amlodipine 5 mg' },
  subject: { reference: 'Patient/p1' },
});

describe.each(DATABASE_KINDS)('patient visibility of prescription drafts on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audits: AuditRecord[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {
      authorize: (principal, type, mode) => {
        if (mode === 'write' && principal.role === 'patient') throw new Error(`no write ${type}`);
      },
      audit: async (_e, _c, record) => void audits.push(record),
    });
    await repo.update(system, 'Patient', 'p1', { resourceType: 'Patient', id: 'p1', gender: 'male' });
    await repo.update(system, 'Patient', 'p2', { resourceType: 'Patient', id: 'p2', gender: 'female' });
    await repo.update(system, 'MedicationRequest', 'signed', order('signed', 'active'));
    await repo.update(system, 'MedicationRequest', 'draft', order('draft', 'draft'));
    // A draft later signed: its draft version stays out of the patient's history.
    await repo.update(system, 'MedicationRequest', 'later', order('later', 'draft'));
    await repo.update(system, 'MedicationRequest', 'later', order('later', 'active'));
    await repo.update(system, 'Observation', 'bp', {
      resourceType: 'Observation',
      id: 'bp',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      subject: { reference: 'Patient/p1' },
    });
    await repo.update(system, 'Observation', 'hr', {
      resourceType: 'Observation',
      id: 'hr',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: 'Patient/p1' },
    });
  }, 60_000);
  afterAll(async () => database?.close());

  it('hides drafts from the patient in read, vread, search, history and $everything', async () => {
    await expect(repo.read(asPatient, 'MedicationRequest', 'draft')).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(repo.vread(asPatient, 'MedicationRequest', 'later', '1')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await repo.vread(asPatient, 'MedicationRequest', 'later', '2')).status).toBe('active');
    const search = await repo.search(asPatient, 'MedicationRequest', [['patient', 'p1']]);
    expect(search.matches.map((m) => m.id).sort()).toEqual(['later', 'signed']);
    expect(search.total).toBe(2);
    const history = await repo.history(asPatient, 'MedicationRequest', undefined, { count: 50, offset: 0 });
    expect(history.entries.map((e) => `${e.id}/${e.version_id}`).sort()).toEqual(['later/2', 'signed/1']);
    const everything = await repo.everything(asPatient, 'p1', { count: 100, offset: 0 });
    expect(everything.rows.some((r) => r.id === 'draft')).toBe(false);
    expect(everything.total).toBe(everything.rows.length);
  });

  it('shows drafts to clinical users', async () => {
    expect((await repo.read(system, 'MedicationRequest', 'draft')).status).toBe('draft');
    const search = await repo.search(system, 'MedicationRequest', [['patient', 'p1']]);
    expect(search.matches.map((m) => m.id).sort()).toEqual(['draft', 'later', 'signed']);
  });

  it('reads a chart in one query with one audit entry, Observations limited to the codes asked', async () => {
    audits.length = 0;
    const chart = await repo.patientResources(system, 'p1', ['Patient', 'MedicationRequest', 'Observation'], {
      observationCodes: ['85354-9'],
    });
    expect(chart.map((r) => `${r.resourceType}/${String(r.id)}`).sort()).toEqual([
      'MedicationRequest/draft',
      'MedicationRequest/later',
      'MedicationRequest/signed',
      'Observation/bp',
      'Patient/p1',
    ]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'search', patientIds: ['p1'] });
    const own = await repo.patientResources(asPatient, 'p1', ['MedicationRequest']);
    expect(own.map((r) => r.id).sort()).toEqual(['later', 'signed']);
    await expect(repo.patientResources(asPatient, 'p2', ['Patient'])).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(repo.patientResources(system, 'nobody', ['Patient'])).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
