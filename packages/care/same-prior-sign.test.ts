/**
 * At signing (issue 20/19, SAFETY; a try on Marcos Barrows): a draft that replaces the hydrochlorothiazide a switch
 * awaiting the pharmacist already replaces carries the critical finding 'two pending changes replace the same
 * order (…)' — the one the pharmacist's card shows once it is signed (same id), so signing asks for it first.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { AWAITING_REVIEW_REASON, SAME_PRIOR_RULE } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { reviewForSigning } from './draft-review.ts';

const NOW = new Date('2026-12-07T08:00:00Z');
const drugs = createDrugKnowledgeBase();
const patient = { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1955-01-01' } as FhirResource;

const order = (id: string, drug: string, text: string, mg: number, extra: Record<string, unknown> = {}) =>
  ({
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'proposal',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { text, coding: [{ system: 'urn:qihuang:drug', code: drug }] },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
      },
    ],
    ...extra,
  }) as FhirResource;

const replacing = { priorPrescription: { reference: 'MedicationRequest/hctz' } };
const hctz = order('hctz', 'hydrochlorothiazide', 'Hydrochlorothiazide 25 mg', 25, {
  status: 'active',
  intent: 'order',
});
const awaiting = order('ctd', 'chlorthalidone', 'Chlorthalidone 12.5 mg', 12.5, {
  ...replacing,
  intent: 'order',
  statusReason: AWAITING_REVIEW_REASON,
});
const draft = order('aml', 'amlodipine', 'Amlodipine 2.5 mg', 2.5, replacing);

describe('a draft replacing an order another pending change replaces', () => {
  it('is a critical finding naming both, with the id the pharmacist card will show', () => {
    const chart = { patient, resources: [patient, hctz, awaiting] };
    const findings = reviewForSigning(drugs, chart, [draft], NOW);
    const found = findings.find((f) => f.ruleId === SAME_PRIOR_RULE);
    expect(found).toMatchObject({
      id: `${SAME_PRIOR_RULE}:MedicationRequest/aml+MedicationRequest/ctd`,
      severity: 'critical',
    });
    expect(found?.summary.en).toBe(
      'Two pending changes replace the same order (Hydrochlorothiazide 25 mg): Amlodipine 2.5 mg; Chlorthalidone 12.5 mg, awaiting pharmacist review',
    );
    expect(found?.summary.zh).toBe(
      '两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）：氨氯地平 2.5 mg；氯噻酮 12.5 mg，待药师审核',
    );
    expect(found?.evidence.orders.map((o) => [o.id, o.draft])).toEqual([
      ['MedicationRequest/aml', true],
      ['MedicationRequest/ctd', false],
    ]);
    // Critical first, as signing lists them.
    expect(findings[0]?.ruleId).toBe(SAME_PRIOR_RULE);
  });

  it('is not found when the other change replaces another order, or none awaits review', () => {
    const other = order('ctd', 'chlorthalidone', 'Chlorthalidone 12.5 mg', 12.5, {
      intent: 'order',
      statusReason: AWAITING_REVIEW_REASON,
      priorPrescription: { reference: 'MedicationRequest/other' },
    });
    const rules = (resources: FhirResource[]) =>
      reviewForSigning(drugs, { patient, resources: [patient, hctz, ...resources] }, [draft], NOW).map(
        (f) => f.ruleId,
      );
    expect(rules([other])).not.toContain(SAME_PRIOR_RULE);
    expect(rules([])).not.toContain(SAME_PRIOR_RULE);
  });
});
