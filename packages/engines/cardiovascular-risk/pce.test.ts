import { describe, expect, it } from 'vitest';
import { pooledCohortRisk, pceCategory, type PceInput } from './pce.ts';

const input = (o: Partial<PceInput>): PceInput => ({
  age: 55,
  sex: 'female',
  race: 'white',
  totalCholesterol: 213,
  hdl: 50,
  sbp: 120,
  treatedHypertension: false,
  smoker: false,
  diabetes: false,
  ...o,
});

// REFERENCE §10.3 (PCE1–PCE10): risk rounded to one decimal of a percent, full-precision risk (%), individual sum where given.
const CASES: [string, string, Partial<PceInput>, number, number | undefined][] = [
  ['PCE1', '5.4', { sex: 'male' }, 5.38, 60.6995],
  ['PCE2', '3.0', { race: 'african-american' }, 3.03, 86.1677],
  ['PCE3', '2.1', {}, 2.05, -29.6767],
  ['PCE4', '6.1', { sex: 'male', race: 'african-american' }, 6.07, 18.9728],
  ['PCE5', '2.8', { sbp: 140 }, 2.76, -29.375],
  ['PCE6', '1.2', { age: 45, totalCholesterol: 200, sbp: 125, treatedHypertension: true }, 1.22, undefined],
  [
    'PCE7',
    '22.7',
    {
      age: 60,
      totalCholesterol: 200,
      hdl: 45,
      sbp: 140,
      treatedHypertension: true,
      smoker: true,
      diabetes: true,
    },
    22.67,
    -27.159,
  ],
  [
    'PCE8',
    '41.5',
    {
      sex: 'male',
      age: 65,
      totalCholesterol: 240,
      hdl: 40,
      sbp: 150,
      treatedHypertension: true,
      diabetes: true,
    },
    41.53,
    62.9713,
  ],
  [
    'PCE9',
    '8.7',
    {
      sex: 'male',
      race: 'african-american',
      age: 50,
      totalCholesterol: 180,
      hdl: 55,
      sbp: 130,
      smoker: true,
    },
    8.74,
    19.3512,
  ],
  [
    'PCE10',
    '40.7',
    {
      race: 'african-american',
      age: 70,
      totalCholesterol: 220,
      hdl: 60,
      sbp: 160,
      treatedHypertension: true,
      diabetes: true,
    },
    40.68,
    89.0006,
  ],
];

describe('Pooled Cohort Equations (REFERENCE §3.1, §10.3)', () => {
  it.each(CASES)('%s → %s %%', (_id, oneDecimal, o, riskPct, sum) => {
    const r = pooledCohortRisk(input(o));
    expect(Math.abs(r.tenYearRisk * 100 - riskPct)).toBeLessThan(0.01); // §10 tolerance ±0.01 pp
    expect((r.tenYearRisk * 100).toFixed(1)).toBe(oneDecimal);
    if (sum !== undefined) expect(r.individualSum).toBeCloseTo(sum, 3);
  });
  it('published Goff 2013 example rounded to one decimal: 2.1 / 3.0 / 5.4 (table prints 5.3) / 6.1', () => {
    const pct = (o: Partial<PceInput>) => (pooledCohortRisk(input(o)).tenYearRisk * 100).toFixed(1);
    expect([
      pct({}),
      pct({ race: 'african-american' }),
      pct({ sex: 'male' }),
      pct({ sex: 'male', race: 'african-american' }),
    ]).toEqual(['2.1', '3.0', '5.4', '6.1']);
  });
  it('CVrisk cross-check, SBP 140 untreated (§3.1)', () => {
    const pct = (o: Partial<PceInput>) =>
      Math.round(pooledCohortRisk(input({ sbp: 140, ...o })).tenYearRisk * 10000) / 100;
    expect([
      pct({ sex: 'male', race: 'african-american' }),
      pct({ race: 'african-american' }),
      pct({}),
      pct({ sex: 'male' }),
    ]).toEqual([7.95, 5.08, 2.76, 7.01]);
  });
  it('other race uses the White equations', () => {
    expect(pooledCohortRisk(input({ race: 'other' })).tenYearRisk).toBe(
      pooledCohortRisk(input({})).tenYearRisk,
    );
  });
  it.each([
    ['age', { age: 39 }],
    ['age', { age: 80 }],
    ['tc', { totalCholesterol: 129 }],
    ['hdl', { hdl: 101 }],
    ['sbp', { sbp: 89 }],
    ['sbp', { sbp: 201 }],
  ])('out of range %s → invalid-input', (_n, o) => {
    expect(() => pooledCohortRisk(input(o))).toThrow(/REFERENCE §3.1/);
  });
  it('range edges are accepted (40, 79, 130, 320, 20, 100, 90, 200)', () => {
    expect(() => pooledCohortRisk(input({ age: 40, totalCholesterol: 130, hdl: 20, sbp: 90 }))).not.toThrow();
    expect(() =>
      pooledCohortRisk(input({ age: 79, totalCholesterol: 320, hdl: 100, sbp: 200 })),
    ).not.toThrow();
  });
  it('risk categories at boundaries', () => {
    expect([0.0499, 0.05, 0.0749, 0.075, 0.1999, 0.2].map(pceCategory)).toEqual([
      'low',
      'borderline',
      'borderline',
      'intermediate',
      'intermediate',
      'high',
    ]);
  });
});
