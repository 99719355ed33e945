/**
 * Renal starting doses: REFERENCE §5.3 / §5.1a (lisinopril US label): CrCl 10–30 start 5 mg (max 40); CrCl <10
 * start 2.5 mg. A new lisinopril 20 mg order at eGFR 17 (no CrCl; eGFR stands in) is within the renal maximum but
 * four times the renal starting dose: flagged. Continuing a dose the patient already takes is not a start.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();
const patient = (p: Partial<PatientContext> = {}): PatientContext => ({
  ageYears: 76,
  sex: 'male',
  conditions: [],
  allergies: [],
  medications: [],
  labs: { egfr: { value: 17 } },
  ...p,
});
const review = (p: PatientContext, text: string) =>
  reviewPrescriptions({ patient: p, drafts: [{ id: 'MedicationRequest/new', text }] }, kb).findings.filter(
    (f) => f.type === 'renal',
  );

describe('renal starting dose', () => {
  it('flags a lisinopril start above 5 mg at eGFR 17, citing the lisinopril label', () => {
    const [f] = review(patient(), 'lisinopril 20 mg qd');
    expect(f).toMatchObject({ ruleId: 'lisinopril-crcl30-start', severity: 'warning', type: 'renal' });
    expect(f!.summary.zh).toMatch(/赖诺普利.*起始.*5 mg/);
    expect(f!.summary.en).toMatch(/start.*5 mg/);
    expect(f!.source.id).toBe('label-lisinopril');
  });

  it('does not flag the renal starting dose itself, or a dose the patient already takes', () => {
    expect(review(patient(), 'lisinopril 5 mg qd')).toEqual([]);
    expect(
      review(
        patient({ medications: [{ id: 'MedicationRequest/old', text: 'lisinopril 20 mg qd' }] }),
        'lisinopril 20 mg qd',
      ),
    ).toEqual([]);
  });

  it('uses the CrCl <10 starting dose (2.5 mg) below CrCl 10', () => {
    const [f] = review(patient({ labs: { egfr: { value: 8 } } }), 'lisinopril 5 mg qd');
    expect(f).toMatchObject({ ruleId: 'lisinopril-crcl10-start', severity: 'warning' });
  });
});
