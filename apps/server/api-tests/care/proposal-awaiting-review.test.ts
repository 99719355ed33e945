/**
 * The proposal takes orders awaiting the pharmacist as already ordered (issue 20/19, SAFETY; a try on Marcos
 * Barrows: on hydrochlorothiazide, a chlorthalidone switch and amlodipine 5 mg awaiting review — the proposal drafted
 * amlodipine 2.5 mg, a critical duplicate). No order of a pending drug or class is drafted again, the order a pending
 * switch replaces is not changed again, and the proposal says "awaiting pharmacist review: …". Through POST
 * /api/care/patients/:id/proposal on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { AWAITING_REVIEW_REASON } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { week } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
type Text = { zh: string; en: string };
interface Answer {
  proposal: {
    decision: string;
    orders: { agent: string; classes: string[]; replaces?: string }[];
    notes: Text[];
  };
  drafts: { display: string }[];
}

function order(id: string, patient: string, drug: string, mg: number, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    authoredOn: '2025-06-01T00:00:00Z',
    medicationCodeableConcept: {
      text: `${drug} ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: drug, display: drug }],
    },
    subject: { reference: `Patient/${patient}` },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
      },
    ],
    ...extra,
  } as unknown as FhirResource;
}
const awaiting = {
  status: 'draft',
  statusReason: AWAITING_REVIEW_REASON,
  authoredOn: '2026-03-10T02:00:00Z',
};

describe.each(DATABASE_KINDS)('a proposal beside orders awaiting review on %s', (kind) => {
  let t: TestApp;
  const propose = async (patientId: string, language: 'zh' | 'en') => {
    const r = await t.request(`/api/care/patients/${patientId}/proposal`, {
      method: 'POST',
      body: JSON.stringify({ guideline: 'china-2018', language }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as Answer;
  };
  const seed = async (id: string, orders: FhirResource[]) => {
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1958-01-01',
      name: [{ text: id }],
    });
    for (const o of orders) await t.repository.update(system, 'MedicationRequest', String(o.id), o);
    const up = await t.request(`/api/bp/patients/${id}/readings`, {
      method: 'POST',
      body: week(152, 94),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await seed('aw-none', []);
    await seed('aw-aml', [order('aw-aml-5', 'aw-aml', 'amlodipine', 5, awaiting)]);
    await seed('aw-switch', [
      order('aw-switch-hctz', 'aw-switch', 'hydrochlorothiazide', 25),
      order('aw-switch-ctd', 'aw-switch', 'chlorthalidone', 12.5, {
        ...awaiting,
        priorPrescription: { reference: 'MedicationRequest/aw-switch-hctz' },
      }),
      order('aw-switch-aml', 'aw-switch', 'amlodipine', 5, awaiting),
    ]);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('without an order awaiting review the same readings start a drug (the test can fail)', async () => {
    const p = await propose('aw-none', 'en');
    expect(p.proposal.orders.length).toBeGreaterThan(0);
  });

  it('amlodipine 5 mg awaiting review: no amlodipine or calcium-channel blocker drafted, and it is named as awaiting', async () => {
    const en = await propose('aw-aml', 'en');
    expect(
      en.proposal.orders.filter((o) => o.agent === 'amlodipine' || o.classes.includes('ccb-dhp')),
    ).toEqual([]);
    expect(en.drafts.map((d) => d.display).join(' ')).not.toMatch(/amlodipine/i);
    expect(en.proposal.notes.map((n) => n.en)).toContainEqual(
      expect.stringContaining('Awaiting pharmacist review: Amlodipine 5 mg/day'),
    );
    const zh = await propose('aw-aml', 'zh');
    expect(zh.proposal.notes.map((n) => n.zh)).toContainEqual(
      expect.stringContaining('待药师审核：氨氯地平 5 mg/日'),
    );
  });

  it('a switch and amlodipine awaiting review: neither drafted again, the replaced hydrochlorothiazide not changed again', async () => {
    const p = await propose('aw-switch', 'en');
    const touched = p.proposal.orders.filter(
      (o) =>
        ['amlodipine', 'chlorthalidone', 'hydrochlorothiazide'].includes(o.agent) ||
        o.replaces === 'hydrochlorothiazide' ||
        o.classes.some((c) => c === 'ccb-dhp' || c === 'thiazide'),
    );
    expect(touched).toEqual([]);
    const notes = p.proposal.notes.map((n) => n.en).join('\n');
    expect(notes).toContain('Awaiting pharmacist review: Chlorthalidone 12.5 mg/day');
    expect(notes).toContain('Awaiting pharmacist review: Amlodipine 5 mg/day');
  });
});
