/**
 * Issue 18/20: REFERENCE §5.2, non-DHP CCB (verapamil, diltiazem), absolute contraindications: "marked bradycardia"
 * (UK verapamil SmPC §4.3: "less than 50 beats/minute"). HR 46 on verapamil is a contraindication (critical); HR 72
 * is nothing. Same heart-rate rule as the β-blocker (HR <50 contraindicated, 50–59 a caution — a 'caution' finding at
 * warning since the second non-author try).
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();
const patient = (p: Partial<PatientContext> = {}): PatientContext => ({
  ageYears: 66,
  sex: 'male',
  conditions: [],
  allergies: [],
  medications: [],
  labs: {},
  ...p,
});
const contraindications = (p: PatientContext, text: string) =>
  reviewPrescriptions({ patient: p, drafts: [{ id: 'MedicationRequest/new', text }] }, kb).findings.filter(
    (x) => x.type === 'contraindication',
  );

describe('non-DHP CCB at a low heart rate (REFERENCE §5.2 marked bradycardia)', () => {
  it('HR 46 on verapamil: contraindication, critical', () => {
    const f = contraindications(
      patient({ heartRate: { value: 46, at: '2026-12-01' } }),
      'verapamil SR 240 mg qd',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      ruleId: 'ndhp-hr-50',
      severity: 'critical',
      source: { id: 'label-verapamil-uk-4.3' },
    });
    expect(f[0]!.summary.zh).toMatch(/维拉帕米.*禁用.*心率 46/);
    expect(f[0]!.summary.en).toMatch(/contraindicated.*heart rate 46/);
    expect(f[0]!.evidence.facts).toEqual(['contraindication:ndhp-hr-50', 'heart-rate:46']);
    expect(JSON.stringify(f[0])).not.toMatch(/REFERENCE|§|UNVERIFIED/);
  });

  it('HR 72 on verapamil: nothing; HR 55 a caution (warning, not a contraindication); diltiazem at HR 46', () => {
    expect(contraindications(patient({ heartRate: { value: 72 } }), 'verapamil SR 240 mg qd')).toEqual([]);
    const cautions = (p: PatientContext, text: string) =>
      reviewPrescriptions(
        { patient: p, drafts: [{ id: 'MedicationRequest/new', text }] },
        kb,
      ).findings.filter((x) => x.type === 'caution');
    expect(contraindications(patient({ heartRate: { value: 55 } }), '维拉帕米缓释片 240mg qd')).toEqual([]);
    expect(cautions(patient({ heartRate: { value: 55 } }), '维拉帕米缓释片 240mg qd')).toEqual([
      expect.objectContaining({ ruleId: 'ndhp-hr-60', severity: 'warning' }),
    ]);
    // Diltiazem's number is verapamil's, a parameter not confirmed by a source here (DILTIAZEM_MARKED_BRADYCARDIA_HR).
    expect(contraindications(patient({ heartRate: { value: 46 } }), 'diltiazem 90 mg bid')).toEqual([
      expect.objectContaining({ ruleId: 'ndhp-hr-50-diltiazem', severity: 'critical' }),
    ]);
  });

  it('a coded bradycardia alone is a contraindication (critical), not a caution', () => {
    const brady = { codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'R00.1' }] };
    expect(contraindications(patient({ conditions: [brady] }), 'verapamil SR 240 mg qd')).toEqual([
      expect.objectContaining({ ruleId: 'ndhp-brady', severity: 'critical' }),
    ]);
  });
});
