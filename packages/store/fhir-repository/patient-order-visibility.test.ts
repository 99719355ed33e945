/**
 * A patient sees only prescriptions that are or were theirs to take — active, on hold (paused), completed, stopped — never a draft,
 * a withdrawn proposal (cancelled) or an order entered in error (issue 20: 我的病历 → 用药 showed "amlodipine 5 mg ·
 * 已取消"), in search, read and history; clinicians see every status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { FhirRepository } from './fhir-repository.ts';

const system: RequestContext = {
  requestId: 't',
  principal: { id: 'system', kind: 'system', username: 'system', role: 'service', scopes: ['system/*.*'] },
};
const asPatient: RequestContext = {
  requestId: 't',
  principal: {
    id: 'u-p1',
    kind: 'user',
    username: 'p1',
    role: 'patient',
    scopes: ['patient/*.read'],
    patientId: 'p1',
  },
};
const STATUSES = [
  'active',
  'on-hold',
  'completed',
  'stopped',
  'cancelled',
  'entered-in-error',
  'draft',
  'unknown',
];

describe.each(DATABASE_KINDS)("a patient's own prescriptions by status on %s", (kind) => {
  let database: Database;
  let repo: FhirRepository;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {});
    await repo.update(system, 'Patient', 'p1', { resourceType: 'Patient', id: 'p1', gender: 'male' });
    for (const status of STATUSES)
      await repo.update(system, 'MedicationRequest', status, {
        resourceType: 'MedicationRequest',
        id: status,
        status,
        intent: 'order',
        medicationCodeableConcept: { text: 'amlodipine 5 mg' },
        subject: { reference: 'Patient/p1' },
      });
  }, 60_000);
  afterAll(async () => database?.close());

  it('shows the patient active, on-hold (paused), completed and stopped orders only', async () => {
    const search = await repo.search(asPatient, 'MedicationRequest', [['patient', 'p1']]);
    expect(search.matches.map((m) => m.id).sort()).toEqual(['active', 'completed', 'on-hold', 'stopped']);
    for (const hidden of ['cancelled', 'entered-in-error', 'draft', 'unknown'])
      await expect(repo.read(asPatient, 'MedicationRequest', hidden)).rejects.toMatchObject({
        code: 'not-found',
      });
    const history = await repo.history(asPatient, 'MedicationRequest', undefined, { count: 50, offset: 0 });
    expect(history.entries.map((e) => e.id).sort()).toEqual(['active', 'completed', 'on-hold', 'stopped']);
    const own = await repo.patientResources(asPatient, 'p1', ['MedicationRequest']);
    expect(own.map((r) => r.id).sort()).toEqual(['active', 'completed', 'on-hold', 'stopped']);
  });

  it('clinical users see every status', async () => {
    const search = await repo.search(system, 'MedicationRequest', [['patient', 'p1']]);
    expect(search.matches).toHaveLength(STATUSES.length);
  });
});
