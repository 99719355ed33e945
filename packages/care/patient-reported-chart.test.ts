/** What a patient reports that the chart already holds confirmed (issue 20: no duplicate to confirm). */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { holdsSame, isConfirmedChartRecord } from './patient-reported-chart.ts';

const drugs = createDrugKnowledgeBase();
const SNOMED = 'http://snomed.info/sct';
const REPORTED = { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] };
const status = (code: string) => ({ coding: [{ code }] });
const r = (x: object) => x as unknown as FhirResource;

const reportedHtn = r({
  resourceType: 'Condition',
  id: 'rep-htn',
  meta: REPORTED,
  clinicalStatus: status('active'),
  verificationStatus: status('unconfirmed'),
  code: { text: 'Hypertensive disorder', coding: [{ system: SNOMED, code: '38341003' }] },
});
const chartHtn = r({
  resourceType: 'Condition',
  id: 'chart-htn',
  clinicalStatus: status('active'),
  code: { text: 'Essential hypertension (disorder)', coding: [{ system: SNOMED, code: '59621000' }] },
});

describe('holdsSame', () => {
  it('a reported condition and a chart condition of the same concept (different SNOMED ids)', () => {
    expect(holdsSame(reportedHtn, chartHtn, drugs)).toBe(true);
    const diabetes = r({ ...chartHtn, code: { coding: [{ system: SNOMED, code: '44054006' }] } });
    expect(holdsSame(reportedHtn, diabetes, drugs)).toBe(false);
  });
  it('not when the chart record is itself an unconfirmed report, refuted, resolved or the same record', () => {
    expect(holdsSame(reportedHtn, reportedHtn, drugs)).toBe(false);
    expect(holdsSame(reportedHtn, r({ ...reportedHtn, id: 'other' }), drugs)).toBe(false);
    expect(holdsSame(reportedHtn, r({ ...chartHtn, verificationStatus: status('refuted') }), drugs)).toBe(
      false,
    );
    expect(holdsSame(reportedHtn, r({ ...chartHtn, clinicalStatus: status('resolved') }), drugs)).toBe(false);
    // A past condition reported matches a resolved chart one.
    const past = r({ ...reportedHtn, clinicalStatus: status('inactive') });
    expect(holdsSame(past, r({ ...chartHtn, clinicalStatus: status('resolved') }), drugs)).toBe(true);
  });
  it('allergies: same substance by code, name or drug; a class is not one of its drugs', () => {
    const allergy = (id: string, code: object, extra: object = {}) =>
      r({ resourceType: 'AllergyIntolerance', id, clinicalStatus: status('active'), code, ...extra });
    const reported = allergy(
      'rep',
      { text: 'Penicillin' },
      { meta: REPORTED, verificationStatus: status('unconfirmed') },
    );
    expect(holdsSame(reported, allergy('c1', { text: 'Allergy to penicillin' }), drugs)).toBe(true);
    expect(holdsSame(reported, allergy('c2', { text: 'Amoxicillin' }), drugs)).toBe(false);
    const captopril = allergy(
      'rep2',
      { text: 'Captopril', coding: [{ system: 'urn:qihuang:drug', code: 'captopril' }] },
      { meta: REPORTED },
    );
    expect(holdsSame(captopril, allergy('c3', { text: 'captopril' }), drugs)).toBe(true);
  });
  it('medicines: the same drug on an active order or a confirmed statement; a draft order is none', () => {
    const reported = r({
      resourceType: 'MedicationStatement',
      id: 'rep-med',
      meta: REPORTED,
      status: 'active',
      medicationCodeableConcept: {
        text: '氨氯地平 5mg 每天一次',
        coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine' }],
      },
    });
    const order = (s: string) =>
      r({
        resourceType: 'MedicationRequest',
        id: `mr-${s}`,
        status: s,
        medicationCodeableConcept: { text: 'Amlodipine 5 MG Oral Tablet' },
      });
    expect(holdsSame(reported, order('active'), drugs)).toBe(true);
    expect(holdsSame(reported, order('draft'), drugs)).toBe(false);
    expect(holdsSame(reported, order('stopped'), drugs)).toBe(false);
    expect(isConfirmedChartRecord(order('draft'))).toBe(false);
    const other = r({
      resourceType: 'MedicationRequest',
      id: 'mr-x',
      status: 'active',
      medicationCodeableConcept: { text: 'losartan 50 mg' },
    });
    expect(holdsSame(reported, other, drugs)).toBe(false);
  });
});
