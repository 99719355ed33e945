import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, type MedicationInput, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();

function patient(p: Partial<PatientContext> = {}): PatientContext {
  return { ageYears: 60, sex: 'male', conditions: [], allergies: [], medications: [], labs: {}, ...p };
}
let n = 0;
const med = (text: string): MedicationInput => ({ id: `MedicationRequest/${++n}`, text });
const review = (p: PatientContext, drafts: string[]) =>
  reviewPrescriptions({ patient: p, drafts: drafts.map(med) }, kb).findings;

describe('prescription review: behaviour', () => {
  it('reports the triple whammy once (supersedes NSAID + ACEi)', () => {
    const f = review(
      patient({ medications: [med('ramipril 5 mg qd'), med('hydrochlorothiazide 25 mg qd')] }),
      ['ibuprofen 400 mg tid'],
    );
    expect(f.filter((x) => x.type === 'interaction').map((x) => x.ruleId)).toEqual(['triple-whammy']);
  });

  it('does not repeat a single-drug potassium finding covered by the combination finding', () => {
    const f = review(
      patient({ medications: [med('enalapril 10 mg bid')], labs: { potassium: { value: 5.4 } } }),
      ['spironolactone 25 mg qd'],
    );
    expect(f.filter((x) => x.type === 'lab')).toHaveLength(1);
  });

  it('missing potassium with ACEi + MRA gives an info finding only', () => {
    const f = review(patient({ medications: [med('lisinopril 10 mg qd')] }), ['spironolactone 25 mg qd']);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['raas-potassium', 'info']]);
  });

  it('simvastatin dose unknown with amlodipine → info, not warning', () => {
    const f = review(patient({ medications: [med('amlodipine 5 mg qd')] }), ['simvastatin']);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['simvastatin-amlodipine', 'info']]);
  });

  it('ignores problems among active medications unless scope is all', () => {
    const p = patient({ medications: [med('lisinopril 10 mg'), med('losartan 50 mg')] });
    expect(reviewPrescriptions({ patient: p, drafts: [] }, kb).findings).toEqual([]);
    expect(
      reviewPrescriptions({ patient: p, drafts: [] }, kb, { scope: 'all' }).findings.map((f) => f.ruleId),
    ).toContain('acei-arb');
  });

  it('applies the severity threshold and suppression', () => {
    const p = patient({ medications: [med('lisinopril 10 mg qd')] });
    const drafts = [med('losartan 50 mg qd')];
    expect(
      reviewPrescriptions({ patient: p, drafts }, kb, { severityThreshold: 'critical' }).findings,
    ).toEqual([]);
    expect(reviewPrescriptions({ patient: p, drafts }, kb, { suppress: ['acei-arb'] }).findings).toEqual([]);
  });

  it('local rules override severities', () => {
    const local = createDrugKnowledgeBase({
      localRules: { suppressRules: [], severityOverrides: { 'acei-arb': 'critical' } },
    });
    const f = reviewPrescriptions(
      { patient: patient({ medications: [med('lisinopril')] }), drafts: [med('losartan')] },
      local,
    ).findings;
    expect(f[0]?.severity).toBe('critical');
  });

  it('computes eGFR from creatinine (CKD-EPI 2021, REFERENCE §4.1 EG5: F 65 y Scr 2.5 → 21)', () => {
    const f = review(patient({ sex: 'female', ageYears: 65, labs: { creatinine: { value: 2.5 } } }), [
      'metformin 500 mg bid',
    ]);
    expect(f[0]?.ruleId).toBe('metformin-egfr30');
    expect(f[0]?.evidence.facts).toContain('eGFR=21');
  });

  it('penicillin allergy: cephalexin (shared R1 side chain) warns; ceftriaxone is info', () => {
    const p = patient({ allergies: [{ text: 'penicillin' }] });
    expect(review(p, ['cephalexin 500 mg qid']).map((f) => f.severity)).toEqual(['warning']);
    expect(review(p, ['ceftriaxone 1 g qd']).map((f) => f.severity)).toEqual(['info']);
  });

  it('is deterministic', () => {
    const p = patient({
      medications: [med('lisinopril 10 mg qd'), med('hydrochlorothiazide 25 mg')],
      labs: { potassium: { value: 5.6 } },
    });
    const drafts = [med('ibuprofen 400 mg tid'), med('losartan 50 mg')];
    expect(reviewPrescriptions({ patient: p, drafts }, kb)).toEqual(
      reviewPrescriptions({ patient: p, drafts }, kb),
    );
  });
});
