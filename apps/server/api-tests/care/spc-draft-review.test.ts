/**
 * A single-pill combination proposed as a draft is reviewed as the combination (found in an issue 20 browser
 * test): the draft carried its first component's ATC code (amlodipine C08CA01) before the knowledge base's own
 * code, so prescription review read amlodipine/valsartan as amlodipine alone — a potassium of 5.8 raised nothing
 * for the valsartan in it (K⁺ >5.5 with a RAAS blocker, REFERENCE §5.3). PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { week } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
interface Draft {
  id: string;
  findings: { id: string }[];
}

describe.each(DATABASE_KINDS)('a combination pill draft is reviewed as the combination on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.repository.update(system, 'Patient', 'spc-1', {
      resourceType: 'Patient',
      id: 'spc-1',
      gender: 'male',
      birthDate: '1965-04-01',
    });
    const up = await t.request('/api/bp/patients/spc-1/readings', {
      method: 'POST',
      body: week(165, 104),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status).toBe(201);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('amlodipine/valsartan with K⁺ 5.8: the RAAS potassium finding, and no component ATC code on the draft', async () => {
    const r = await t.request('/api/care/patients/spc-1/proposal', {
      method: 'POST',
      body: JSON.stringify({ guideline: 'china-2018', language: 'en' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const body = (await r.json()) as { proposal: { orders: { agent: string }[] }; drafts: Draft[] };
    const spc = body.proposal.orders.findIndex((o) => o.agent === 'amlodipine-valsartan');
    expect(spc).toBeGreaterThanOrEqual(0);
    const draft = body.drafts[spc]!;
    // A potassium of 5.8 measured after the proposal (the engine avoids RAAS blockers at that level when it proposes).
    await t.repository.update(system, 'Observation', 'spc-1-k', {
      resourceType: 'Observation',
      id: 'spc-1-k',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
      subject: { reference: 'Patient/spc-1' },
      effectiveDateTime: '2026-03-09T01:00:00Z',
      valueQuantity: { value: 5.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    });
    const listed = (await (await t.request('/api/care/patients/spc-1/drafts?lang=en')).json()) as {
      drafts: Draft[];
    };
    const reviewed = listed.drafts.find((d) => d.id === draft.id)!;
    expect(reviewed.findings.map((f) => f.id.split(':')[0])).toContain('raas-k-5.5');
    const stored = (await t.repository.read(system, 'MedicationRequest', draft.id)) as {
      medicationCodeableConcept?: { coding?: { system?: string; code?: string }[] };
    };
    const codes = stored.medicationCodeableConcept?.coding?.map((c) => c.code) ?? [];
    expect(codes).toContain('amlodipine-valsartan');
    expect(codes).not.toContain('C08CA01');
    expect(codes).not.toContain('C09CA03');
  });
});
