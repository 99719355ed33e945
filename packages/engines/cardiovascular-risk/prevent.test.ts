import { describe, expect, it } from 'vitest';
import { preventRisk } from './prevent.ts';

describe('PREVENT base 10-year (REFERENCE §3.2, §10.4)', () => {
  it('PRV1 preventr README example: 14.68 / 9.20 / 8.06 %', () => {
    const r = preventRisk({
      age: 50,
      sex: 'female',
      sbp: 160,
      antihypertensive: true,
      totalCholesterol: 200,
      hdl: 45,
      statin: false,
      diabetes: true,
      smoker: false,
      egfr: 90,
      bmi: 35,
    });
    expect(Math.abs(r.tenYearRisk * 100 - 14.68)).toBeLessThan(0.01);
    expect(Math.abs(r.tenYearAscvd * 100 - 9.2)).toBeLessThan(0.01);
    expect(Math.abs((r.tenYearHf as number) * 100 - 8.06)).toBeLessThan(0.01);
  });
  it('PRV2 (computed only): 5.69 / 3.85 %', () => {
    const r = preventRisk({
      age: 55,
      sex: 'male',
      sbp: 140,
      antihypertensive: false,
      totalCholesterol: 213,
      hdl: 50,
      statin: false,
      diabetes: false,
      smoker: false,
      egfr: 90,
      bmi: 30,
    });
    expect(Math.abs(r.tenYearRisk * 100 - 5.69)).toBeLessThan(0.01);
    expect(Math.abs(r.tenYearAscvd * 100 - 3.85)).toBeLessThan(0.01);
  });
  it('HF is omitted without BMI; ranges are enforced', () => {
    const base = {
      age: 55,
      sex: 'male' as const,
      sbp: 140,
      antihypertensive: false,
      totalCholesterol: 213,
      hdl: 50,
      statin: false,
      diabetes: false,
      smoker: false,
      egfr: 90,
    };
    expect(preventRisk(base).tenYearHf).toBeUndefined();
    expect(() => preventRisk({ ...base, age: 29 })).toThrow(/§3.2/);
    expect(() => preventRisk({ ...base, egfr: 14 })).toThrow(/§3.2/);
  });
});
