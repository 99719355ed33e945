import { describe, expect, it } from 'vitest';
import { targetFor } from '@qihuang/engines/blood-pressure';
import type { PatientContext } from './patient-context.ts';
import { targetPopulation } from './target-population.ts';

const base: PatientContext = {
  patientId: 'p',
  age: 76,
  sex: 'female',
  home: [],
  office: [],
  pendingProjection: 0,
  labs: {},
  diabetes: false,
  ckd: false,
  stroke: false,
  coronary: false,
  albuminuria: false,
  treated: false,
  conditions: [],
};

describe('targetPopulation: the one builder (issue 20, decision 0005 item 9)', () => {
  it('stroke and coronary disease pass through; a 76-year-old after stroke gets China <140/90 (REFERENCE §7.3)', () => {
    const p = targetPopulation({ ...base, stroke: true });
    expect(p).toMatchObject({ age: 76, stroke: true, coronary: false, proteinuria: false });
    expect([targetFor('china-2018', p).sbp, targetFor('china-2018', p).dbp]).toEqual([140, 90]);
  });
  it('UACR ≥30 mg/g (or ≥3 mg/mmol) is proteinuria; 29 mg/g is not (REFERENCE §3.4)', () => {
    const lab = (value: number, unit: string) => ({ uacr: { value, unit, date: '2026-03-01' } });
    expect(targetPopulation({ ...base, labs: lab(30, 'mg/g') }).proteinuria).toBe(true);
    expect(targetPopulation({ ...base, labs: lab(29, 'mg/g') }).proteinuria).toBe(false);
    expect(targetPopulation({ ...base, labs: lab(3, 'mg/mmol') }).proteinuria).toBe(true);
    expect(targetPopulation({ ...base, albuminuria: true }).proteinuria).toBe(true);
  });
  it('eGFR <60 is CKD (REFERENCE §4.3 G3a); unknown age stays unknown', () => {
    // CKD-EPI 2021, female 76, creatinine 1.2 mg/dL → eGFR ≈ 46
    const ckd = targetPopulation({ ...base, labs: { creatinine: { value: 1.2, unit: 'mg/dL', date: '' } } });
    expect(ckd.ckd).toBe(true);
    const normal = targetPopulation({
      ...base,
      labs: { creatinine: { value: 0.7, unit: 'mg/dL', date: '' } },
    });
    expect(normal.ckd).toBe(false);
    const { age: _age, ...noAge } = base;
    expect('age' in targetPopulation(noAge)).toBe(false);
  });
});
