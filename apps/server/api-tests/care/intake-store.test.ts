/**
 * The intake drafts as the store sees them, written on behalf of a patient principal (issue 16 item 3):
 * FamilyMemberHistory is within the intake scopes and about the patient only; everything patient-reported stays
 * unconfirmed. (A FamilyMemberHistory about another patient is refused: packages/care/intake-scopes.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { completeConsultation, postConsultationMessage, startConsultation } from '@qihuang/care';

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
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW);
    for (const id of ['fm-1', 'fm-2'])
      await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1962-07-01',
      });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('saves FamilyMemberHistory (partial, about the patient) and unconfirmed Conditions; no Condition from a denial', async () => {
    const ctx = patientCtx('fm-1');
    const started = await startConsultation(t.care, ctx, 'fm-1', 'zh');
    for (const text of ['没有不舒服', '高血压5年，糖尿病没有', '父亲有高血压，母亲以前中风过'])
      await postConsultationMessage(t.care, ctx, started.id, text, () => undefined);
    const done = await completeConsultation(t.care, ctx, started.id);
    expect(done.saved!.drafts.filter((d) => d.startsWith('FamilyMemberHistory/'))).toHaveLength(2);
    const system = { requestId: 'check', principal: SYSTEM_PRINCIPAL };
    const fmh = await t.repository.search(system, 'FamilyMemberHistory', [['patient', 'fm-1']]);
    const rows = fmh.matches.map((m) => m.content as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'partial', patient: { reference: 'Patient/fm-1' } });
      expect(JSON.stringify(r)).toContain('patient-reported');
    }
    const conditions = await t.repository.search(system, 'Condition', [['patient', 'fm-1']]);
    const codes = conditions.matches.map((m) => JSON.stringify(m.content));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toContain('38341003');
    expect(codes[0]).toContain('"unconfirmed"');
  });
});
