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
      // An English record on a Chinese slip: the concept lexicon's Chinese name (one language per slip).
      diagnoses: ['高血压'],
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
    expect(slip.lines[0]).toMatchObject({
      drug: 'amlodipine',
      route: 'Oral',
      frequency: 'once daily',
      // A quantity written in 片 by another system reads in English on an English slip.
      quantity: '28 tablets',
    });
    expect(slip.review).toEqual({ state: 'approved', by: 'Zhao Min', at: '2026-12-07T07:45:00Z' });
  });
});

describe('one language and the hospital day on the slip (issue 20 follow-up)', () => {
  it("counts the age on the hospital's day: 00:33 in Shanghai is already the birthday", () => {
    // 2026-12-07T16:33Z is 2026-12-08 00:33 in Asia/Shanghai: born 1958-12-08, 68 there (67 in UTC).
    const boundary = new Date('2026-12-07T16:33:00Z');
    expect(ageAt('1958-12-08', boundary)).toBe(67);
    expect(ageAt('1958-12-08', boundary, 'Asia/Shanghai')).toBe(68);
    const slip = slipFrom({
      order: order(),
      patient,
      conditions: [],
      lang: 'zh',
      drugs,
      now: boundary,
      timeZone: 'Asia/Shanghai',
    });
    expect(slip.patient.ageYears).toBe(68);
  });

  it('a Western name keeps given-family order in both languages; a Chinese one is family first', () => {
    const western = { name: [{ family: 'Barrows', given: ['Marcos'] }] };
    expect(nameIn(western, 'zh')).toBe('Marcos Barrows');
    expect(nameIn(western, 'en')).toBe('Marcos Barrows');
    expect(nameIn({ name: [{ family: 'Muñoz', given: ['José', 'Luis'] }] }, 'zh')).toBe('José Luis Muñoz');
    expect(nameIn(patient as never, 'en')).toBe('王秀英');
    // Pinyin given and family, written by a Chinese hospital: the family first in Chinese, given first in English.
    expect(nameIn({ name: [{ family: 'Wang', given: ['Xiuying'] }] }, 'en')).toBe('Xiuying Wang');
  });

  it('diagnoses without SNOMED semantic tags, from the concept lexicon in the slip language', () => {
    const coded = (text: string, code: string) =>
      ({
        resourceType: 'Condition',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { text, coding: [{ system: 'http://snomed.info/sct', code, display: text }] },
      }) as unknown as FhirResource;
    const conditions = [
      coded('Body mass index 30+ - obesity (finding)', '162864005'),
      coded('Hypertension (disorder)', '38341003'),
    ];
    const en = slipFrom({ order: order(), patient, conditions, lang: 'en', drugs, now });
    expect(en.diagnoses).toEqual(['Body mass index 30+ - obesity', 'Hypertension']);
    const zh = slipFrom({ order: order(), patient, conditions, lang: 'zh', drugs, now });
    expect(zh.diagnoses).toContain('高血压');
    expect(zh.diagnoses.join('')).not.toMatch(/\((finding|disorder)\)|Hypertension/);
  });
});
