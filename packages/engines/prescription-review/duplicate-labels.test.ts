/**
 * Two identical orders awaiting the pharmacist (issue 20, H10): Mrs Ferry's duplicate finding read
 * "赖诺普利 10 mg，待药师审核；赖诺普利 10 mg" — which is which? The caller passes each order's label as the
 * pharmacist's card shows it (prescriber and time written, MedicationInput.orderLabel; the engine reads no names
 * or clock) and the finding names every order by it; the one under review is 本医嘱 / this order.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, type MedicationInput, type ReviewInput } from './index.ts';

const kb = createDrugKnowledgeBase();

const lisinopril = (id: string, extra: Partial<MedicationInput> = {}): MedicationInput => ({
  id,
  text: 'Lisinopril 10 mg oral tablet',
  codes: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' }],
  dose: { value: 10, unit: 'mg' },
  timesPerDay: 1,
  ...extra,
});

const input = (pending: MedicationInput, draft: MedicationInput): ReviewInput => ({
  patient: { ageYears: 70, sex: 'female', conditions: [], allergies: [], medications: [pending], labs: {} },
  drafts: [draft],
});

const duplicate = (i: ReviewInput) =>
  reviewPrescriptions(i, kb).findings.find((f) => f.ruleId === 'duplicate-ingredient-lisinopril')!;

describe('a duplicate finding says which order is which', () => {
  it('names each order by the label passed in, the one under review as this order', () => {
    const f = duplicate(
      input(
        lisinopril('MedicationRequest/b', {
          pending: true,
          orderLabel: { zh: 'Min Li 2026-12-07 10:00 开具', en: 'prescribed by Min Li 2026-12-07 10:00' },
        }),
        lisinopril('MedicationRequest/a', {
          orderLabel: {
            zh: 'Wei Zhang 2026-12-06 16:00 开具',
            en: 'prescribed by Wei Zhang 2026-12-06 16:00',
          },
        }),
      ),
    );
    expect(f.severity).toBe('critical');
    expect(f.summary.zh).toBe(
      '赖诺普利重复用药：共2个医嘱（赖诺普利 10 mg，Min Li 2026-12-07 10:00 开具，待药师审核；' +
        '赖诺普利 10 mg，Wei Zhang 2026-12-06 16:00 开具，本医嘱）',
    );
    expect(f.summary.en).toBe(
      'Duplicate lisinopril: ordered 2 times (Lisinopril 10 mg oral tablet, prescribed by Min Li 2026-12-07 10:00, ' +
        'awaiting pharmacist review; Lisinopril 10 mg oral tablet, prescribed by Wei Zhang 2026-12-06 16:00, this order)',
    );
    // The id stays the rule and the orders: an override given before still matches.
    expect(f.id).toBe('duplicate-ingredient-lisinopril:MedicationRequest/a+MedicationRequest/b');
  });

  it('without labels still tells the order under review from the one awaiting the pharmacist', () => {
    const f = duplicate(
      input(lisinopril('MedicationRequest/b', { pending: true }), lisinopril('MedicationRequest/a')),
    );
    expect(f.summary.zh).toBe(
      '赖诺普利重复用药：共2个医嘱（赖诺普利 10 mg，待药师审核；赖诺普利 10 mg，本医嘱）',
    );
    expect(f.summary.en).toMatch(/awaiting pharmacist review; Lisinopril 10 mg oral tablet, this order\)$/);
  });

  it('calls no order "this order" when two drafts are reviewed together (each is one)', () => {
    const f = reviewPrescriptions(
      {
        patient: { conditions: [], allergies: [], medications: [], labs: {} },
        drafts: [lisinopril('MedicationRequest/a'), lisinopril('MedicationRequest/b')],
      },
      kb,
    ).findings.find((x) => x.ruleId === 'duplicate-ingredient-lisinopril')!;
    expect(f.summary.zh).toBe('赖诺普利重复用药：共2个医嘱（赖诺普利 10 mg；赖诺普利 10 mg）');
  });
});
