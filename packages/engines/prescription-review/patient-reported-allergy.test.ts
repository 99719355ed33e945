/**
 * Issue 20: an allergy the patient reported (AllergyIntolerance verificationStatus unconfirmed, or written by the
 * patient: the store's recorded-by tag) counts in prescription review and the finding names it as patient-reported;
 * a refuted one does not count; a confirmed one reads as a recorded allergy.
 */
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions } from './index.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const kb = createDrugKnowledgeBase();
const allergy = (text: string, verification: string, tagged = false): Resource =>
  ({
    resourceType: 'AllergyIntolerance',
    ...(tagged ? { meta: { tag: [{ system: 'urn:qihuang:recorded-by', code: 'patient' }] } } : {}),
    patient: { reference: 'Patient/p1' },
    clinicalStatus: { coding: [{ code: 'active' }] },
    verificationStatus: { coding: [{ code: verification }] },
    code: { text },
  }) as Resource;
const order = (text: string): Resource =>
  ({
    resourceType: 'MedicationRequest',
    id: 'd1',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text },
  }) as Resource;
const findings = (resources: Resource[], drug: string) =>
  reviewPrescriptions(
    buildReviewInput(
      [{ resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1966-05-01' }, ...resources],
      {
        now: NOW,
        draftOrders: [order(drug)],
      },
    ),
    kb,
  ).findings.filter((f) => f.type === 'allergy');

describe('patient-reported allergies in prescription review', () => {
  it('an unconfirmed penicillin allergy is critical for amoxicillin and says patient-reported', () => {
    const [f, ...rest] = findings([allergy('Penicillin', 'unconfirmed')], 'amoxicillin 500 mg tid');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'critical', ruleId: 'allergy-group-penicillin' });
    expect(f?.summary.zh).toContain('患者自述对“Penicillin”过敏（未经医生确认）');
    expect(f?.summary.en).toContain('patient-reported allergy to Penicillin');
  });

  it('a patient-written ACE-inhibitor allergy (recorded-by tag) counts for lisinopril', () => {
    const [f] = findings([allergy('Captopril', 'unconfirmed', true)], 'lisinopril 10 mg qd');
    expect(f?.ruleId).toBe('allergy-group-ace-inhibitor');
    expect(f?.summary.zh).toContain('患者自述');
  });

  it('a zh finding names the allergen by its zh translation (one language per screen)', () => {
    const translated = allergy('Penicillin', 'unconfirmed') as Resource & { code: object };
    translated.code = {
      text: 'Penicillin',
      _text: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/translation',
            extension: [
              { url: 'lang', valueCode: 'zh-CN' },
              { url: 'content', valueString: '青霉素' },
            ],
          },
        ],
      },
    };
    const [f] = findings([translated], 'amoxicillin 500 mg tid');
    expect(f?.summary.zh).toBe('过敏：阿莫西林——患者自述对“青霉素”过敏（未经医生确认）');
    expect(f?.summary.en).toContain('Penicillin');
  });

  it('a confirmed allergy reads as recorded; a refuted one does not count', () => {
    expect(findings([allergy('Penicillin', 'confirmed')], 'amoxicillin 500 mg tid')[0]?.summary.zh).toContain(
      '患者有“Penicillin”过敏记录',
    );
    expect(findings([allergy('Penicillin', 'refuted')], 'amoxicillin 500 mg tid')).toEqual([]);
  });
});
