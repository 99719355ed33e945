import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions } from './index.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const bundle = JSON.parse(
  readFileSync(new URL('./fixtures/patient-bundle.json', import.meta.url), 'utf8'),
) as Bundle;
const loinc = (code: string, value: number, unit: string, date: string): Resource => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: date,
  valueQuantity: { value, unit, code: unit },
});

describe('buildReviewInput (FHIR → review input)', () => {
  it('reads patient, conditions, allergies, latest labs, active medications and drafts', () => {
    const input = buildReviewInput([bundle], { now: NOW });
    const p = input.patient;
    expect(p).toMatchObject({ id: 'p1', sex: 'female', ageYears: 68 });
    expect(p.labs.potassium?.value).toBe(5.4); // latest of two results
    expect(p.labs.egfr?.value).toBe(25);
    expect(p.conditions[0]?.codes?.[0]?.code).toBe('I10');
    expect(p.allergies[0]?.text).toBe('青霉素过敏');
    expect(p.medications.map((m) => m.id)).toEqual([
      'MedicationRequest/m1',
      'MedicationRequest/m2',
      'MedicationRequest/m3',
    ]);
    expect(input.drafts.map((d) => [d.id, d.dose, d.timesPerDay])).toEqual([
      ['MedicationRequest/d1', { value: 40, unit: 'mg' }, 1],
      ['MedicationRequest/d2', { value: 500, unit: 'mg' }, 3],
      ['MedicationRequest/d3', { value: 50, unit: 'mg' }, 1],
    ]);
  });

  it('skips resolved / refuted entries, converts µmol/L creatinine, reads BP, pregnancy and medicationReference', () => {
    const resources: Resource[] = [
      { resourceType: 'Patient', id: 'p2', gender: 'female', birthDate: '1990-06-01' },
      {
        resourceType: 'Condition',
        subject: { reference: 'Patient/p2' },
        clinicalStatus: { coding: [{ code: 'resolved' }] },
        code: { text: '痛风' },
      },
      {
        resourceType: 'AllergyIntolerance',
        patient: { reference: 'Patient/p2' },
        verificationStatus: { coding: [{ code: 'refuted' }] },
        code: { text: 'penicillin' },
      },
      loinc('14682-9', 88.4, 'umol/L', '2026-11-01'),
      {
        ...loinc('82810-3', 0, '', '2026-11-01'),
        valueQuantity: undefined,
        valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '77386006' }] },
      } as Resource,
      {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        effectiveDateTime: '2026-11-02',
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: 150 },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: 95 },
          },
        ],
      },
      { resourceType: 'Medication', id: 'med-los', code: { text: '氯沙坦钾片 50mg' } },
      {
        resourceType: 'MedicationStatement',
        status: 'active',
        subject: { reference: 'Patient/p2' },
        medicationCodeableConcept: { text: '硝苯地平控释片 30mg qd' },
      },
      {
        resourceType: 'MedicationRequest',
        id: 'dr',
        status: 'draft',
        intent: 'order',
        subject: { reference: 'Patient/p2' },
        medicationReference: { reference: 'Medication/med-los' },
      },
    ];
    const input = buildReviewInput(resources, { now: NOW });
    expect(input.patient).toMatchObject({
      ageYears: 36,
      pregnant: true,
      bp: { systolic: 150, diastolic: 95 },
      conditions: [],
      allergies: [],
    });
    expect(input.patient.labs.creatinine?.value).toBe(1);
    expect(input.patient.medications[0]?.text).toBe('硝苯地平控释片 30mg qd');
    const findings = reviewPrescriptions(input, createDrugKnowledgeBase()).findings;
    expect(findings.map((f) => [f.type, f.severity, f.drugs])).toEqual([
      ['pregnancy', 'critical', ['losartan']],
    ]);
  });

  it('uses draftOrders given separately (CDS Hooks) and ignores non-medication drafts', () => {
    const draftOrders: Resource[] = [
      {
        resourceType: 'NutritionOrder',
        id: 'n1',
        status: 'draft',
        intent: 'order',
        patient: { reference: 'Patient/p' },
        dateTime: '2026-01-01',
      },
      {
        resourceType: 'MedicationRequest',
        id: 'x',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p' },
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' }],
        },
      },
    ];
    const input = buildReviewInput([{ resourceType: 'Patient', id: 'p' }], { now: NOW, draftOrders });
    expect(input.drafts.map((d) => d.id)).toEqual(['MedicationRequest/x']);
    expect(input.patient.medications).toEqual([]);
  });
});
