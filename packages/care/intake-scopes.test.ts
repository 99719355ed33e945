/**
 * The intake scopes as the store sees them (issue 16 item 3), without the server: a patient's context with the
 * intake scopes may write FamilyMemberHistory, but not one about another patient — the store refuses it under
 * the same access check the server's repository uses. (The intake drafts themselves, written through a whole
 * consultation: apps/server/api-tests/care/intake-store.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { requireAccess } from '@qihuang/identity';
import { FhirRepository, processTransaction, type Database } from '@qihuang/store';
import { openTestDatabase } from '@qihuang/test-kit';
import { withIntakeScopes } from './deps.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const patientCtx = (patientId: string): RequestContext => ({
  requestId: `intake-${patientId}`,
  principal: {
    id: `user-${patientId}`,
    kind: 'user',
    username: patientId,
    role: 'patient',
    scopes: ['patient/*.read', 'patient/Observation.write'],
    patientId,
  },
});

describe('intake drafts in the store, written for a patient', () => {
  let database: Database;
  let repository: FhirRepository;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    // As the server builds it (apps/server/build-app.ts): the scope check on every read and write.
    repository = new FhirRepository(database.db, {
      clock: () => NOW,
      authorize: (principal, resourceType, mode) => void requireAccess(principal, resourceType, mode),
    });
    for (const id of ['fm-1', 'fm-2'])
      await repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1962-07-01',
      });
  }, 120_000);
  afterAll(async () => database?.close());

  it('a patient cannot write a FamilyMemberHistory about another patient, even with the intake scopes', async () => {
    const ctx = withIntakeScopes(patientCtx('fm-1'));
    expect(ctx.principal.scopes).toContain('patient/FamilyMemberHistory.write');
    const other = {
      resourceType: 'FamilyMemberHistory',
      id: 'fmh-other',
      status: 'partial',
      patient: { reference: 'Patient/fm-2' },
      relationship: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'FTH' }],
      },
    };
    await expect(
      processTransaction(repository, ctx, {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ resource: other, request: { method: 'PUT', url: 'FamilyMemberHistory/fmh-other' } }],
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not-found/) });
    const system = { requestId: 'check', principal: SYSTEM_PRINCIPAL };
    const fmh = await repository.search(system, 'FamilyMemberHistory', [['patient', 'fm-2']]);
    expect(fmh.matches).toHaveLength(0);
  });
});
