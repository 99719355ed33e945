import { describe, expect, it } from 'vitest';
import { stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import type { FhirResource } from '@qihuang/store';
import { chartConditions, chartFactors } from './chart-factors.ts';

const condition = (system: string, code: string, extra: Record<string, unknown> = {}): FhirResource =>
  ({ resourceType: 'Condition', code: { coding: [{ system, code }] }, ...extra }) as FhirResource;
const icd = (code: string, extra?: Record<string, unknown>) =>
  condition('http://hl7.org/fhir/sid/icd-10', code, extra);
const snomed = (code: string) => condition('http://snomed.info/sct', code);
const lab = (loinc: string, value: number, unit: string, date = '2026-02-01'): FhirResource =>
  ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: date,
    valueQuantity: { value, unit },
  }) as FhirResource;

describe('engine inputs from coded chart entries (issue 17 item 7)', () => {
  it('history of myocardial infarction (SNOMED 399211009, Synthea) is not retinopathy; prediabetes is impaired glucose', () => {
    expect(chartConditions([snomed('399211009')]).has('retinopathy')).toBe(false);
    expect(chartConditions([snomed('714628002')])).toEqual(new Set(['impaired-glucose']));
  });

  it.each([
    [icd('I44.2'), 'av-block'],
    [snomed('28189009'), 'av-block'],
    [icd('R00.1'), 'bradycardia'],
    [icd('T78.3'), 'angioedema'],
    [snomed('302233006'), 'renal-artery-stenosis'],
    [icd('R80'), 'albuminuria'],
    [icd('Z33'), 'pregnancy'],
    [icd('Z31.6'), 'pregnancy-planned'],
    [{ resourceType: 'Condition', code: { text: '备孕' } } as FhirResource, 'pregnancy-planned'],
  ])('%o → %s', (resource, key) => {
    expect(chartConditions([resource]).has(key as never)).toBe(true);
  });

  it('first-degree AV block, resolved and refuted conditions do not count', () => {
    const found = chartConditions([
      icd('I44.0'),
      icd('R00.1', { clinicalStatus: { coding: [{ code: 'resolved' }] } }),
      icd('T78.3', { verificationStatus: { coding: [{ code: 'refuted' }] } }),
    ]);
    expect([...found]).toEqual([]);
  });

  it('UACR ≥30 mg/g is albuminuria and target-organ damage; >300 is a clinical complication (§3.4, §4.3)', () => {
    expect(chartFactors([lab('9318-7', 45, 'mg/g')], {})).toMatchObject({
      albuminuria: true,
      targetOrganDamage: true,
      severeAlbuminuria: false,
    });
    expect(chartFactors([lab('9318-7', 3.5, 'mg/mmol')], {}).albuminuria).toBe(true); // 35 mg/g
    expect(chartFactors([lab('9318-7', 300, 'mg/g')], {}).severeAlbuminuria).toBe(false); // exactly 300 is A2
    expect(chartFactors([lab('9318-7', 350, 'mg/g')], {}).clinicalComplications).toContain('proteinuria');
    expect(chartFactors([lab('9318-7', 12, 'mg/g')], {}).albuminuria).toBe(false);
  });

  it('REFERENCE §10.6 RS2: male 58, smoker, grade 1 → 2 risk factors → medium', () => {
    const smoking = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
      effectiveDateTime: '2026-01-01',
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '449868002' }] },
    } as FhirResource;
    const f = chartFactors([smoking], { age: 58, sex: 'male' });
    expect(f.chinaRiskFactors.map((x) => x.key)).toEqual(['age', 'smoking']);
    expect(stratifyChina2018({ sbp: 150, dbp: 92, riskFactors: f.chinaRiskFactors.length }).level).toBe(
      'medium',
    );
  });

  it('counts every §3.4 factor from labs, vitals and family history', () => {
    const f = chartFactors(
      [
        lab('1558-6', 6.5, 'mmol/L'), // IFG 6.1–6.9
        lab('2093-3', 210, 'mg/dL'), // TC ≥5.2 mmol/L (200 mg/dL)
        lab('39156-5', 29, 'kg/m2'), // BMI ≥28
        lab('13965-9', 16, 'umol/L'), // Hcy ≥15
        {
          resourceType: 'FamilyMemberHistory',
          status: 'completed',
          relationship: { coding: [{ code: 'FTH' }] },
          condition: [{ code: { text: 'myocardial infarction' }, onsetAge: { value: 50 } }],
        } as FhirResource,
      ],
      { age: 50, sex: 'female' },
    );
    expect(f.chinaRiskFactors.map((x) => x.key).sort()).toEqual(
      ['dyslipidaemia', 'family-history', 'homocysteine', 'impaired-glucose', 'obesity'].sort(),
    );
  });

  it('a father with an MI at 60 is not premature (men <55); waist ≥90 cm in men is abdominal obesity', () => {
    const f = chartFactors(
      [
        {
          resourceType: 'FamilyMemberHistory',
          status: 'completed',
          relationship: { coding: [{ code: 'FTH' }] },
          condition: [{ code: { text: 'myocardial infarction' }, onsetAge: { value: 60 } }],
        } as FhirResource,
        lab('8280-0', 92, 'cm'),
      ],
      { age: 40, sex: 'male' },
    );
    expect(f.chinaRiskFactors.map((x) => x.key)).toEqual(['obesity']);
  });

  it('US Core race Black or African American sets the ancestry input', () => {
    const patient = {
      resourceType: 'Patient',
      extension: [
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
          extension: [{ url: 'ombCategory', valueCoding: { code: '2054-5' } }],
        },
      ],
    } as FhirResource;
    expect(chartFactors([patient], {}).blackAncestry).toBe(true);
  });
});
