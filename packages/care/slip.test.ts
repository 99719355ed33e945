import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { ageAt, nameIn, slipFrom } from './slip.ts';

const drugs = createDrugKnowledgeBase();
const now = new Date('2026-12-07T08:00:00Z');

const patient = {
  resourceType: 'Patient',
  id: 'p1',
  gender: 'female',
  birthDate: '1958-12-08',
  name: [{ family: '王', given: ['秀英'] }],
  identifier: [
    { system: 'urn:other', value: 'X-1' },
    { type: { coding: [{ code: 'MR' }] }, value: 'MZ0012345' },
  ],
} as unknown as FhirResource;

const order = (extra: object = {}) =>
  ({
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    authoredOn: '2026-12-07T07:00:00Z',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: {
      text: 'amlodipine 5 mg',
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine' }],
    },
    dosageInstruction: [
      {
        text: '5 mg once daily',
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        route: { coding: [{ code: '26643006' }] },
        doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg' } }],
      },
    ],
    dispenseRequest: {
      quantity: { value: 28, unit: '片' },
      expectedSupplyDuration: { value: 28, unit: 'days', code: 'd' },
    },
    extension: [
      { url: 'urn:qihuang:signed', valueString: JSON.stringify({ by: 'dr.li', at: '2026-12-07T07:30:00Z' }) },
    ],
    ...extra,
  }) as unknown as FhirResource;

const condition = (text: string, status = 'active') =>
  ({
    resourceType: 'Condition',
    clinicalStatus: { coding: [{ code: status }] },
    code: { text },
  }) as unknown as FhirResource;

describe('prescription slip (处方笺, issue 20 printing)', () => {
  it('names the patient in the language order and counts age from the birth date', () => {
    expect(nameIn(patient as never, 'zh')).toBe('王秀英');
    expect(nameIn({ name: [{ family: 'Smith', given: ['Ann'] }] }, 'en')).toBe('Ann Smith');
    expect(ageAt('1958-12-08', now)).toBe(67);
    expect(ageAt('1958-12-07', now)).toBe(68);
  });

  it('a signed order in Chinese: zh drug name, strength, dose, route, frequency, quantity and days', () => {
    const slip = slipFrom({
      order: order(),
      patient,
      conditions: [
        condition('Essential hypertension'),
        condition('Old asthma', 'resolved'),
        // Patient-reported in the consultation, not yet confirmed by a clinician: not printed.
        {
          ...condition('Hypertensive disorder'),
          verificationStatus: { coding: [{ code: 'unconfirmed' }] },
        } as unknown as FhirResource,
      ],
      hospital: '岐黄市第一人民医院',
      lang: 'zh',
      drugs,
      now,
    });
    expect(slip).toMatchObject({
      signed: true,
      hospital: '岐黄市第一人民医院',
      patient: { id: 'p1', name: '王秀英', sex: '女', ageYears: 67, mrn: 'MZ0012345' },
      diagnoses: ['Essential hypertension'],
      prescriber: 'dr.li',
      signedAt: '2026-12-07T07:30:00Z',
    });
    expect(slip.lines).toEqual([
      {
        drug: '氨氯地平',
        strength: '5 mg',
        dose: '5 mg',
        route: '口服',
        frequency: '每日一次',
        quantity: '28 片',
        days: 28,
      },
    ]);
    expect(slip.review).toBeUndefined();
  });

  it('English: English name and words; a draft is not signed; the pharmacist review is carried', () => {
    const reviewed = order({
      status: 'draft',
      extension: [
        {
          url: 'urn:qihuang:pharmacy-review',
          extension: [
            { url: 'state', valueCode: 'approved' },
            { url: 'by', valueString: 'ph.zhao' },
            { url: 'by-name', valueString: 'Zhao Min' },
            { url: 'at', valueDateTime: '2026-12-07T07:45:00Z' },
          ],
        },
      ],
    });
    const slip = slipFrom({ order: reviewed, patient, conditions: [], lang: 'en', drugs, now });
    expect(slip.signed).toBe(false);
    expect(slip.hospital).toBeUndefined();
    expect(slip.patient.sex).toBe('Female');
    expect(slip.lines[0]).toMatchObject({ drug: 'amlodipine', route: 'Oral', frequency: 'once daily' });
    expect(slip.review).toEqual({ state: 'approved', by: 'Zhao Min', at: '2026-12-07T07:45:00Z' });
  });
});
