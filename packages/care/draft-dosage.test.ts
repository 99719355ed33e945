/**
 * A draft's dose, frequency, days and quantity (issue 20): the frequency list, the drug's units and strengths,
 * tablets for the days, the maximum daily dose an edit may not pass (label: amlodipine max 10 mg a day, Norvasc US
 * label section 2.1 — REFERENCE §5.1a), the order written back and read again, and the proposal's days of supply.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import {
  aboveMaxDaily,
  dosageOf,
  doseUnitsOf,
  editFormOf,
  frequencyOf,
  frequencyText,
  proposalSupplyDays,
  quantityFor,
  strengthsOf,
  supplyOf,
  withDosage,
} from './draft-dosage.ts';
import { dosageLine } from './draft-text.ts';
import { signingParts } from './sign-parts.ts';

const drugs = createDrugKnowledgeBase();
const amlodipine = drugs.getDrug('amlodipine')!;
const combo = drugs.getDrug('losartan-hydrochlorothiazide')!;

const order = {
  resourceType: 'MedicationRequest',
  id: 'd1',
  status: 'draft',
  intent: 'proposal',
  medicationCodeableConcept: {
    text: 'Amlodipine 5 mg',
    coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine' }],
  },
  dosageInstruction: [
    {
      text: '5 mg once daily',
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
      doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg', code: 'mg' } }],
    },
  ],
} as unknown as FhirResource;

describe('draft dosage (issue 20)', () => {
  it('reads the frequency list from the timing, qn as once at bedtime', () => {
    expect(frequencyOf({ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } })).toBe('bid');
    expect(
      frequencyOf({ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } } }),
    ).toBe('qn');
    expect(frequencyText({ timing: { repeat: { frequency: 1, when: ['HS'] } } }, 'zh')).toBe('每晚一次');
    expect(frequencyOf({ timing: { repeat: { frequency: 1, period: 2, periodUnit: 'd' } } })).toBeUndefined();
  });

  it("units and strengths from the drug's forms; tablets for a combination", () => {
    expect(doseUnitsOf(amlodipine)).toEqual(['mg']);
    expect(strengthsOf(amlodipine)).toEqual([2.5, 5, 10]);
    expect(doseUnitsOf(combo)).toEqual(['tablet']);
    expect(editFormOf(order, amlodipine, 'zh')).toMatchObject({
      dose: { value: 5, unit: 'mg' },
      frequency: 'qd',
      units: [{ code: 'mg', label: 'mg' }],
      maxDaily: { value: 10, unit: 'mg' },
      maxDays: 84,
    });
    expect(editFormOf(order, combo, 'zh').units).toEqual([{ code: 'tablet', label: '片' }]);
  });

  it('counts tablets: whole tablets of the largest strength, else halves; a combination by tablets', () => {
    expect(quantityFor(amlodipine, { value: 10, unit: 'mg' }, 'qd', 28)).toBe(28);
    expect(quantityFor(amlodipine, { value: 7.5, unit: 'mg' }, 'qd', 28)).toBe(84); // 5 + 2.5: 2.5 mg × 3
    expect(quantityFor(amlodipine, { value: 1.25, unit: 'mg' }, 'bid', 7)).toBe(7); // half of 2.5 mg
    expect(quantityFor(amlodipine, { value: 3, unit: 'mg' }, 'qd', 28)).toBeUndefined();
    expect(quantityFor(combo, { value: 2, unit: 'tablet' }, 'qd', 30)).toBe(60);
  });

  it('refuses above the maximum daily dose (amlodipine 10 mg/day, Norvasc label 2.1), not at it', () => {
    expect(aboveMaxDaily(amlodipine, { value: 10, unit: 'mg' }, 'qd')).toBeUndefined();
    expect(aboveMaxDaily(amlodipine, { value: 10, unit: 'mg' }, 'bid')).toEqual({
      dailyDose: 20,
      maxDaily: 10,
      unit: 'mg',
      source: 'label-amlodipine',
    });
    expect(aboveMaxDaily(combo, { value: 4, unit: 'tablet' }, 'qd')).toBeUndefined();
  });

  it('writes dosage, the medicine line and dispenseRequest, and reads them back in each language', () => {
    const next = withDosage(order, {
      dose: { value: 2.5, unit: 'mg' },
      frequency: 'qn',
      durationDays: 14,
      quantity: 14,
    });
    const mr = next as unknown as {
      medicationCodeableConcept: { text: string };
      dosageInstruction: Parameters<typeof dosageLine>[0][];
      dispenseRequest: unknown;
    };
    expect(mr.medicationCodeableConcept.text).toBe('Amlodipine 2.5 mg');
    expect(mr.dispenseRequest).toEqual({
      quantity: { value: 14, unit: 'tablet', system: 'http://unitsofmeasure.org', code: '{tbl}' },
      expectedSupplyDuration: { value: 14, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
      numberOfRepeatsAllowed: 0,
    });
    expect(dosageOf(next)).toEqual({
      dose: { value: 2.5, unit: 'mg' },
      frequency: 'qn',
      durationDays: 14,
      quantity: 14,
    });
    expect(dosageLine(mr.dosageInstruction[0], 'zh')).toBe('口服 2.5 mg，每晚一次');
    expect(dosageLine(mr.dosageInstruction[0], 'en')).toBe('2.5 mg once nightly');
    expect(supplyOf(next, 'zh')).toEqual({ quantity: '14 片', days: 14 });
    expect(supplyOf(next, 'en')).toEqual({ quantity: '14 tablets', days: 14 });
    expect(signingParts(mr.dosageInstruction[0], 'zh', true)).toEqual({
      dose: '2.5 mg',
      frequency: '每晚一次',
      pharmacistReview: true,
    });
  });

  it('a combination edited to 2 tablets twice daily reads as tablets', () => {
    const fdc = {
      ...order,
      medicationCodeableConcept: { text: 'losartan/hydrochlorothiazide 50 mg/12.5 mg' },
      dosageInstruction: [
        {
          text: '50 mg/12.5 mg (1 tablet) once daily',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        },
      ],
    } as unknown as FhirResource;
    expect(dosageOf(fdc).dose).toEqual({ value: 1, unit: 'tablet' });
    const next = withDosage(fdc, { dose: { value: 2, unit: 'tablet' }, frequency: 'bid', durationDays: 28 });
    const d = (next as unknown as { dosageInstruction: Parameters<typeof dosageLine>[0][] })
      .dosageInstruction[0];
    expect(d?.text).toBe('50 mg/12.5 mg (2 tablets) twice daily');
    expect(dosageLine(d, 'zh')).toBe('50 mg/12.5 mg（2片），每日两次');
    expect(signingParts(d, 'en', false).dose).toBe('50 mg/12.5 mg (2 tablets)');
    expect(dosageOf(next).dose).toEqual({ value: 2, unit: 'tablet' });
  });

  it("the proposal's days: until the plan's follow-up, at most 12 weeks", () => {
    expect(proposalSupplyDays(28, 28)).toBe(28);
    expect(proposalSupplyDays(90, 28)).toBe(84);
  });
  // Issue 20 try: an open alert put the proposal's follow-up at 'today' and the draft at 7 tablets for 7 days while
  // the plan's follow-up was in 28 days: the emergency comes first, the supply still lasts to the planned visit.
  it("with no planned interval (an open emergency: today) the edition's follow-up after a change", () => {
    expect(proposalSupplyDays(0, 28)).toBe(28);
    expect(proposalSupplyDays(0, 30)).toBe(30);
    expect(proposalSupplyDays(Number.NaN, 0)).toBe(7);
  });
});
