/**
 * The patient's other orders signed and awaiting the pharmacist's review (issue 20, a non-author try): two
 * amlodipine orders waited for review (5 mg once daily and 5 mg twice daily) and neither card warned of the
 * duplicate or of the combined 15 mg/day. A signed order awaiting review is part of the regimen an order is
 * reviewed against — not a subject of its own — so duplication and the combined daily dose of one ingredient are
 * found, each naming the other order. Withdrawn, cancelled, returned and entered-in-error orders are not.
 */
import type { MedicationRequest, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions, type Finding } from './index.ts';

const NOW = new Date('2026-12-07T08:00:00Z');
const kb = createDrugKnowledgeBase();
const AWAITING = {
  coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'awaiting-pharmacist-review' }],
};
const RETURNED = {
  coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'returned-by-pharmacist' }],
};

function amlodipine(
  id: string,
  perDay: number,
  extra: Partial<MedicationRequest> = {},
  mg = 5,
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: {
      text: `Amlodipine ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    dosageInstruction: [
      {
        text: `${mg} mg ${perDay === 1 ? 'once' : 'twice'} daily`,
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
      },
    ],
    ...extra,
  };
}

const patient: Resource = { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1960-01-01' };

const review = (chart: Resource[], order: MedicationRequest): Finding[] =>
  reviewPrescriptions(buildReviewInput([patient, ...chart], { now: NOW, draftOrders: [order] }), kb).findings;

describe('orders awaiting the pharmacist in the review input', () => {
  it('counts a signed order awaiting review as the regimen, marked pending, not as a draft under review', () => {
    const input = buildReviewInput([patient, amlodipine('pending', 2, { statusReason: AWAITING })], {
      now: NOW,
      draftOrders: [amlodipine('this', 1)],
    });
    expect(input.drafts.map((d) => d.id)).toEqual(['MedicationRequest/this']);
    expect(input.patient.medications).toMatchObject([{ id: 'MedicationRequest/pending', pending: true }]);
  });

  it('leaves out returned, cancelled, entered-in-error and stopped orders', () => {
    const input = buildReviewInput(
      [
        patient,
        amlodipine('returned', 2, { statusReason: RETURNED }),
        amlodipine('cancelled', 2, { status: 'cancelled', statusReason: AWAITING }),
        amlodipine('error', 2, { status: 'entered-in-error' }),
        amlodipine('stopped', 2, { status: 'stopped' }),
      ],
      { now: NOW, draftOrders: [amlodipine('this', 1)] },
    );
    expect(input.patient.medications).toEqual([]);
    // A returned order is back with the prescriber: neither the patient's medication nor under review here.
    expect(input.drafts.map((d) => d.id)).toEqual(['MedicationRequest/this']);
  });

  it('finds the duplicate and the combined 15 mg/day against the 10 mg maximum, naming the other order', () => {
    const findings = review([amlodipine('pending', 2, { statusReason: AWAITING })], amlodipine('this', 1));
    const duplicate = findings.find((f) => f.ruleId === 'duplicate-ingredient-amlodipine')!;
    expect(duplicate.severity).toBe('critical');
    expect(duplicate.id).toBe(
      'duplicate-ingredient-amlodipine:MedicationRequest/pending+MedicationRequest/this',
    );
    expect(duplicate.summary.zh).toMatch(/待药师审核/);
    expect(duplicate.summary.en).toMatch(/awaiting pharmacist review/);
    const combined = findings.find((f) => f.ruleId === 'dose-combined-above-max-daily')!;
    // REFERENCE §5.1a amlodipine row: max 10 mg qd (US label §2.1); 5 mg qd + 5 mg bid = 15 mg/day.
    expect(combined).toMatchObject({ type: 'dose', severity: 'warning' });
    expect(combined.summary.zh).toBe('氨氯地平合计 15 mg/日，超过最大日剂量 10 mg（2 个医嘱）');
    expect(combined.summary.en).toBe(
      'Amlodipine 15 mg/day in total exceeds the maximum 10 mg/day (2 orders)',
    );
    expect(combined.detail.zh).toMatch(/5 mg × 每日2次 = 10 mg\/日（待药师审核）/);
    expect(combined.detail.zh).toMatch(/5 mg × 每日1次 = 5 mg\/日（本医嘱）/);
    expect(combined.detail.en).toMatch(/5 mg × 2\/day = 10 mg\/day \(awaiting pharmacist review\)/);
    expect(combined.evidence.orders.map((o) => o.id).sort()).toEqual([
      'MedicationRequest/pending',
      'MedicationRequest/this',
    ]);
    expect(combined.source.id).toBe('label-amlodipine');
  });

  it('adds an active order of the same drug to the combined dose; 10 mg/day in total is within the maximum', () => {
    const active = amlodipine('active', 1, { status: 'active', intent: 'order' });
    expect(review([active], amlodipine('this', 1)).some((f) => f.ruleId.startsWith('dose-combined'))).toBe(
      false,
    );
    const over = review([active], amlodipine('this', 2));
    expect(over.find((f) => f.ruleId === 'dose-combined-above-max-daily')?.summary.en).toMatch(
      /15 mg\/day in total/,
    );
    expect(over.find((f) => f.ruleId === 'dose-combined-above-max-daily')?.detail.en).toMatch(/\(active\)/);
  });

  it('is critical at twice the maximum or more (a likely unit or decimal error), as for one order', () => {
    const findings = review(
      [amlodipine('pending', 1, { statusReason: AWAITING }, 10)],
      amlodipine('this', 1, {}, 10),
    );
    expect(findings.find((f) => f.ruleId === 'dose-combined-above-max-daily')?.severity).toBe('critical');
  });

  it('says nothing of the combined dose when a single order is already above the maximum on its own', () => {
    const findings = review([], amlodipine('this', 2, {}, 10));
    expect(findings.some((f) => f.ruleId === 'dose-above-max-daily')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'dose-combined-above-max-daily')).toBe(false);
  });

  it('finds nothing of a returned or cancelled order', () => {
    const findings = review(
      [
        amlodipine('returned', 2, { statusReason: RETURNED }),
        amlodipine('cancelled', 2, { status: 'cancelled' }),
      ],
      amlodipine('this', 1),
    );
    expect(findings.filter((f) => f.type === 'duplication' || f.ruleId.startsWith('dose-combined'))).toEqual(
      [],
    );
  });
});
