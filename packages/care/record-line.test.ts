import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { recordLine } from './record-line.ts';

const drugs = createDrugKnowledgeBase();
const loinc = (code: string, display: string) => ({
  coding: [{ system: 'http://loinc.org', code, display }],
});
const mmHg = (value: number) => ({ valueQuantity: { value, unit: 'mmHg' } });
const bp = {
  resourceType: 'Observation',
  code: loinc('85354-9', 'Blood pressure panel'),
  component: [mmHg(150), mmHg(95)],
} as unknown as FhirResource;

describe('recordLine (issue 20 item 3: the consultation record line in the screen language)', () => {
  it('a recalled BP is 血压 on zh, Blood pressure on en — never "Blood pressure panel" on zh', () => {
    expect(recordLine(bp, 'zh', drugs)).toBe('血压: 150/95 mmHg');
    expect(recordLine(bp, 'en', drugs)).toBe('Blood pressure: 150/95 mmHg');
  });
  it('smoking status, weight and a medicine in Chinese', () => {
    const smoking = {
      resourceType: 'Observation',
      code: loinc('72166-2', 'Tobacco smoking status'),
      valueCodeableConcept: {
        coding: [{ system: 'http://snomed.info/sct', code: '77176002', display: 'Smoker' }],
      },
    } as unknown as FhirResource;
    expect(recordLine(smoking, 'zh', drugs)).toBe('吸烟状况: 吸烟');
    const weight = {
      resourceType: 'Observation',
      code: loinc('29463-7', 'Body weight'),
      valueQuantity: { value: 72, unit: 'kg' },
    } as unknown as FhirResource;
    expect(recordLine(weight, 'zh', drugs)).toBe('体重: 72 kg');
    const med = {
      resourceType: 'MedicationStatement',
      medicationCodeableConcept: {
        text: 'amlodipine 5 mg',
        coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'amlodipine' }],
      },
    } as unknown as FhirResource;
    expect(recordLine(med, 'zh', drugs)).toBe('MedicationStatement: 氨氯地平 5 mg');
    expect(recordLine(med, 'en', drugs)).toBe('MedicationStatement: amlodipine 5 mg');
  });
});

describe('recordLine names chart conditions, allergies and family history in the screen language', () => {
  const condition = {
    resourceType: 'Condition',
    code: {
      text: 'Essential hypertension (disorder)',
      coding: [{ system: 'http://snomed.info/sct', code: '59621000' }],
    },
  } as unknown as FhirResource;
  it('a Synthea condition: 高血压 on zh, no "(disorder)" on en', () => {
    expect(recordLine(condition, 'zh', drugs)).toBe('Condition: 高血压');
    expect(recordLine(condition, 'en', drugs)).toBe('Condition: Essential hypertension');
  });
  it('an allergy with no translation: its substance name from the intake table or the drug knowledge base', () => {
    const allergy = (text: string) =>
      ({ resourceType: 'AllergyIntolerance', code: { text } }) as unknown as FhirResource;
    expect(recordLine(allergy('Penicillin'), 'zh', drugs)).toBe('AllergyIntolerance: 青霉素');
    expect(recordLine(allergy('Shellfish'), 'zh', drugs)).toBe('AllergyIntolerance: 海鲜');
    expect(recordLine(allergy('aspirin'), 'zh', drugs)).toBe('AllergyIntolerance: 阿司匹林');
    expect(recordLine(allergy('Penicillin'), 'en', drugs)).toBe('AllergyIntolerance: Penicillin');
  });
  it('a family member’s condition names the relative and the condition (not "FamilyMemberHistory")', () => {
    const fmh = {
      resourceType: 'FamilyMemberHistory',
      relationship: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'FTH', display: 'father' },
        ],
      },
      condition: [
        {
          code: {
            text: '高血压',
            coding: [
              { system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder' },
            ],
          },
        },
      ],
    } as unknown as FhirResource;
    expect(recordLine(fmh, 'zh', drugs)).toBe('FamilyMemberHistory: 父亲：高血压');
    expect(recordLine(fmh, 'en', drugs)).toBe('FamilyMemberHistory: Father: Hypertension');
  });
});
