/**
 * Supply against the dose (issue 20, a non-author try): a draft edited to amlodipine 5 mg twice daily for 28 days
 * with 总量 30 片 (56 needed) saved with no finding. An order with its dose, frequency, days and total quantity
 * (dispenseRequest) is checked: a quantity below what the days need, or more than twice it, is a warning with the
 * numbers, in both languages.
 */
import type { MedicationRequest, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions, type Finding } from './index.ts';

const NOW = new Date('2026-12-07T08:00:00Z');
const kb = createDrugKnowledgeBase();
const patient: Resource = { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1960-01-01' };

function order(
  text: string,
  code: string,
  dose: { value: number; unit: string; code: string },
  perDay: number,
  days: number | undefined,
  quantity: number | undefined,
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'o',
    status: 'draft',
    intent: 'proposal',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { text, coding: [{ system: 'urn:qihuang:drug', code }] },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: dose }],
      },
    ],
    dispenseRequest: {
      ...(quantity !== undefined ? { quantity: { value: quantity, unit: 'tablet', code: '{tbl}' } } : {}),
      ...(days !== undefined ? { expectedSupplyDuration: { value: days, unit: 'days', code: 'd' } } : {}),
    },
  };
}
const mg = (value: number) => ({ value, unit: 'mg', code: 'mg' });
const supply = (o: MedicationRequest): Finding[] =>
  reviewPrescriptions(buildReviewInput([patient], { now: NOW, draftOrders: [o] }), kb).findings.filter((f) =>
    f.ruleId.startsWith('supply-'),
  );

describe('supply against the dose', () => {
  it('5 mg twice daily for 28 days needs 56 tablets: 30 is short, a warning with the numbers', () => {
    const [f, ...rest] = supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 2, 28, 30));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'supply-short', type: 'dose', severity: 'warning' });
    expect(f!.summary.zh).toBe('氨氯地平：总量 30 片不够 28 天（每次 1 片，每日 2 次，需 56 片）');
    expect(f!.summary.en).toBe(
      'Amlodipine: 30 tablets do not cover 28 days (1 tablet 2 times daily needs 56 tablets)',
    );
    expect(f!.detail.zh).not.toMatch(/[A-Za-z]{3}/);
    expect(f!.evidence.facts).toContain('supply:30/56');
    expect(f!.source.id).toBe('cn-prescription-review-2018-quantity');
  });

  it('the quantity the days need, or up to twice it, says nothing', () => {
    expect(supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 2, 28, 56))).toEqual([]);
    expect(supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 1, 28, 56))).toEqual([]);
  });

  it('more than twice what the days need is a warning too', () => {
    const [f] = supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 1, 28, 100));
    expect(f).toMatchObject({ ruleId: 'supply-excess', severity: 'warning' });
    expect(f!.summary.zh).toBe('氨氯地平：总量 100 片超过 28 天所需 28 片的 2 倍');
    expect(f!.summary.en).toBe('Amlodipine: 100 tablets are more than twice the 28 tablets 28 days need');
  });

  it('counts tablets of the largest strength that makes the dose whole, else halves', () => {
    // 7.5 mg is no whole number of 10 mg or 5 mg tablets: three 2.5 mg tablets a dose, 28 days → 84.
    expect(supply(order('Amlodipine 7.5 mg', 'amlodipine', mg(7.5), 1, 28, 84))).toEqual([]);
    expect(supply(order('Amlodipine 7.5 mg', 'amlodipine', mg(7.5), 1, 28, 28))[0]?.summary.en).toMatch(
      /needs 84 tablets/,
    );
  });

  it('a combination ordered in tablets counts them as ordered', () => {
    const tablets = { value: 1, unit: 'tablet', code: '{tbl}' };
    const [f] = supply(order('Amlodipine/valsartan 5/80 mg', 'amlodipine-valsartan', tablets, 1, 28, 14));
    expect(f?.ruleId).toBe('supply-short');
    expect(f?.summary.en).toMatch(/14 tablets do not cover 28 days/);
  });

  it('checks nothing without the days, the quantity, or a tablet count it can make', () => {
    expect(supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 2, undefined, 30))).toEqual([]);
    expect(supply(order('Amlodipine 5 mg', 'amlodipine', mg(5), 2, 28, undefined))).toEqual([]);
    // 3 mg is no whole or half number of any amlodipine tablet.
    expect(supply(order('Amlodipine 3 mg', 'amlodipine', mg(3), 1, 28, 5))).toEqual([]);
  });
});
