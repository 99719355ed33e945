import { describe, expect, it } from 'vitest';
import { cockcroftGault, egfrCkdEpi2021, type Sex } from './ckd-epi.ts';
import { kdigoAlbuminuriaStage, kdigoGfrStage, kdigoRisk } from './kdigo.ts';

// REFERENCE §10.5 EG1–EG7: [id, sex, age, Scr mg/dL, eGFR (2 dp), rounded, G stage of the unrounded value]
const CASES: [string, Sex, number, number, number, number, string][] = [
  ['EG1', 'male', 55, 1.2, 71.42, 71, 'G2'],
  ['EG2', 'female', 50, 0.8, 89.71, 90, 'G2'],
  ['EG3', 'female', 40, 0.6, 116.3, 116, 'G1'],
  ['EG4', 'male', 70, 1.0, 80.97, 81, 'G2'],
  ['EG5', 'female', 65, 2.5, 20.82, 21, 'G4'],
  ['EG6', 'female', 80, 1.5, 35.01, 35, 'G3b'],
  ['EG7', 'male', 60, 0.9, 97.78, 98, 'G1'],
];

describe('CKD-EPI 2021 (REFERENCE §4.1, §10.5)', () => {
  it.each(CASES)('%s', (_id, sex, age, scr, egfr, rounded, stage) => {
    const r = egfrCkdEpi2021({ creatinine: scr, unit: 'mg/dL', age, sex });
    expect(Math.abs(r.egfr - egfr)).toBeLessThan(0.01);
    expect(r.egfrRounded).toBe(rounded);
    expect(r.stage).toBe(stage);
  });
  it('µmol/L input (÷88.4) gives the same result', () => {
    expect(egfrCkdEpi2021({ creatinine: 1.2 * 88.4, unit: 'umol/L', age: 55, sex: 'male' }).egfr).toBeCloseTo(
      71.42,
      2,
    );
  });
  it('rejects non-adults and non-positive creatinine', () => {
    expect(() => egfrCkdEpi2021({ creatinine: 1, unit: 'mg/dL', age: 17, sex: 'male' })).toThrow();
    expect(() => egfrCkdEpi2021({ creatinine: 0, unit: 'mg/dL', age: 40, sex: 'male' })).toThrow();
  });
});

describe('Cockcroft–Gault (REFERENCE §4.2, §10.5)', () => {
  it.each([
    ['CG1', 'male', 60, 72, 1.0, 80.0],
    ['CG2', 'female', 80, 55, 1.2, 32.47],
    ['CG3', 'male', 45, 90, 0.8, 148.44],
  ] as [string, Sex, number, number, number, number][])('%s', (_id, sex, age, weightKg, creatinine, crcl) => {
    expect(cockcroftGault({ sex, age, weightKg, creatinine, unit: 'mg/dL' }).crcl).toBeCloseTo(crcl, 2);
  });
});

describe('KDIGO (REFERENCE §4.3)', () => {
  it('G boundaries (half-open)', () => {
    expect(
      [90, 89.99, 60, 59.99, 45, 44.99, 30, 29.99, 15, 14.99].map((v) => kdigoGfrStage(v).stage),
    ).toEqual(['G1', 'G2', 'G2', 'G3a', 'G3a', 'G3b', 'G3b', 'G4', 'G4', 'G5']);
  });
  it('A boundaries: 300 mg/g is A2, >300 A3', () => {
    expect([29, 30, 300, 301].map((v) => kdigoAlbuminuriaStage(v))).toEqual(['A1', 'A2', 'A2', 'A3']);
    expect([2.9, 3, 30, 30.1].map((v) => kdigoAlbuminuriaStage(v, 'mg/mmol'))).toEqual([
      'A1',
      'A2',
      'A2',
      'A3',
    ]);
  });
  it('heat map', () => {
    expect([
      kdigoRisk('G1', 'A1'),
      kdigoRisk('G2', 'A2'),
      kdigoRisk('G3a', 'A2'),
      kdigoRisk('G3b', 'A1'),
      kdigoRisk('G4', 'A1'),
    ]).toEqual(['low', 'moderately-increased', 'high', 'high', 'very-high']);
  });
});
