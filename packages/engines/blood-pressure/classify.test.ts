import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyOfficeBp } from './classify.ts';
import { GUIDELINES, type Guideline } from './types.ts';

// REFERENCE §10.1: [id, sbp, dbp, ACC/AHA, ESH, China 2018, ISH (ESH/China), IDH (ESH), severe flag (>180/>120)]
const CASES: [string, number, number, string, string, string, boolean, boolean, boolean][] = [
  ['BP01', 100, 60, 'normal', 'optimal', 'normal', false, false, false],
  ['BP02', 118, 76, 'normal', 'optimal', 'normal', false, false, false],
  ['BP03', 120, 79, 'elevated', 'normal', 'high-normal', false, false, false],
  ['BP04', 119, 80, 'stage-1', 'normal', 'high-normal', false, false, false],
  ['BP05', 125, 82, 'stage-1', 'normal', 'high-normal', false, false, false],
  ['BP06', 129, 84, 'stage-1', 'normal', 'high-normal', false, false, false],
  ['BP07', 118, 85, 'stage-1', 'high-normal', 'high-normal', false, false, false],
  ['BP08', 130, 84, 'stage-1', 'high-normal', 'high-normal', false, false, false],
  ['BP09', 132, 78, 'stage-1', 'high-normal', 'high-normal', false, false, false],
  ['BP10', 139, 89, 'stage-1', 'high-normal', 'high-normal', false, false, false],
  ['BP11', 140, 85, 'stage-2', 'grade-1', 'grade-1', true, false, false],
  ['BP12', 138, 92, 'stage-2', 'grade-1', 'grade-1', false, true, false],
  ['BP13', 150, 95, 'stage-2', 'grade-1', 'grade-1', false, false, false],
  ['BP14', 158, 102, 'stage-2', 'grade-2', 'grade-2', false, false, false],
  ['BP15', 165, 95, 'stage-2', 'grade-2', 'grade-2', false, false, false],
  ['BP16', 178, 88, 'stage-2', 'grade-2', 'grade-2', true, false, false],
  ['BP17', 180, 110, 'stage-2', 'grade-3', 'grade-3', false, false, false],
  ['BP18', 181, 100, 'stage-2', 'grade-3', 'grade-3', false, false, true],
  ['BP19', 170, 121, 'stage-2', 'grade-3', 'grade-3', false, false, true],
  ['BP20', 200, 130, 'stage-2', 'grade-3', 'grade-3', false, false, true],
];

describe('REFERENCE §10.1 office classification', () => {
  it.each(CASES)('%s %i/%i', (_id, sbp, dbp, acc, esh, china, ish, idh, severe) => {
    const a = classifyOfficeBp({ sbp, dbp }, 'acc-aha-2017');
    const e = classifyOfficeBp({ sbp, dbp }, 'esh-2023');
    const c = classifyOfficeBp({ sbp, dbp }, 'china-2018');
    expect([a.category, e.category, c.category]).toEqual([acc, esh, china]);
    expect(e.isolatedSystolic).toBe(ish);
    expect(c.isolatedSystolic).toBe(ish);
    expect(e.isolatedDiastolic).toBe(idh);
    expect(a.crisis).toBe(severe);
    expect(c.crisis).toBe(severe);
    expect(classifyOfficeBp({ sbp, dbp }, 'china-2024').category).toBe(china); // §1.4 grading unchanged
  });
});

describe('boundaries under every guideline', () => {
  const table: [Guideline, number, number, string][] = [
    ['acc-aha-2017', 119, 79, 'normal'],
    ['acc-aha-2017', 120, 79, 'elevated'],
    ['acc-aha-2017', 129, 79, 'elevated'],
    ['acc-aha-2017', 130, 79, 'stage-1'],
    ['acc-aha-2017', 119, 80, 'stage-1'],
    ['acc-aha-2017', 130, 80, 'stage-1'],
    ['acc-aha-2017', 139, 89, 'stage-1'],
    ['acc-aha-2017', 140, 89, 'stage-2'],
    ['acc-aha-2017', 139, 90, 'stage-2'],
    ['acc-aha-2017', 140, 90, 'stage-2'],
    ['acc-aha-2017', 180, 120, 'stage-2'],
    ['esh-2023', 119, 79, 'optimal'],
    ['esh-2023', 120, 79, 'normal'],
    ['esh-2023', 119, 80, 'normal'],
    ['esh-2023', 130, 80, 'high-normal'],
    ['esh-2023', 129, 84, 'normal'],
    ['esh-2023', 129, 85, 'high-normal'],
    ['esh-2023', 139, 89, 'high-normal'],
    ['esh-2023', 140, 90, 'grade-1'],
    ['esh-2023', 159, 99, 'grade-1'],
    ['esh-2023', 160, 99, 'grade-2'],
    ['esh-2023', 159, 100, 'grade-2'],
    ['esh-2023', 179, 109, 'grade-2'],
    ['esh-2023', 180, 109, 'grade-3'],
    ['esh-2023', 179, 110, 'grade-3'],
    ['esh-2023', 180, 120, 'grade-3'],
    ['china-2018', 119, 79, 'normal'],
    ['china-2018', 120, 79, 'high-normal'],
    ['china-2018', 119, 80, 'high-normal'],
    ['china-2018', 130, 80, 'high-normal'],
    ['china-2018', 139, 89, 'high-normal'],
    ['china-2018', 140, 89, 'grade-1'],
    ['china-2018', 139, 90, 'grade-1'],
    ['china-2018', 140, 90, 'grade-1'],
    ['china-2018', 159, 99, 'grade-1'],
    ['china-2018', 160, 100, 'grade-2'],
    ['china-2018', 179, 109, 'grade-2'],
    ['china-2018', 180, 110, 'grade-3'],
    ['china-2018', 180, 120, 'grade-3'],
    ['china-2024', 140, 90, 'grade-1'],
    ['china-2024', 180, 110, 'grade-3'],
  ];
  it.each(table)('%s %i/%i → %s', (g, sbp, dbp, category) => {
    expect(classifyOfficeBp({ sbp, dbp }, g).category).toBe(category);
  });

  it('crisis screen: strict >180/>120 for ACC/AHA and China; ≥180/110 for ESH', () => {
    for (const g of ['acc-aha-2017', 'china-2018', 'china-2024'] as const) {
      expect(classifyOfficeBp({ sbp: 180, dbp: 120 }, g).crisis).toBe(false);
      expect(classifyOfficeBp({ sbp: 181, dbp: 80 }, g).crisis).toBe(true);
      expect(classifyOfficeBp({ sbp: 150, dbp: 121 }, g).crisis).toBe(true);
    }
    expect(classifyOfficeBp({ sbp: 179, dbp: 109 }, 'esh-2023').crisis).toBe(false);
    expect(classifyOfficeBp({ sbp: 180, dbp: 100 }, 'esh-2023').crisis).toBe(true);
  });

  it('emergency vs urgency needs organ-damage input', () => {
    expect(classifyOfficeBp({ sbp: 200, dbp: 130 }, 'acc-aha-2017').crisisType).toBe('unknown');
    expect(
      classifyOfficeBp({ sbp: 200, dbp: 130 }, 'acc-aha-2017', { acuteOrganDamage: true }).crisisType,
    ).toBe('emergency');
    expect(
      classifyOfficeBp({ sbp: 200, dbp: 130 }, 'china-2018', { acuteOrganDamage: false }).crisisType,
    ).toBe('urgency');
    expect(
      classifyOfficeBp({ sbp: 150, dbp: 90 }, 'china-2018', { acuteOrganDamage: true }).crisisType,
    ).toBeUndefined();
  });

  it('rejects non-numeric input', () => {
    expect(() => classifyOfficeBp({ sbp: NaN, dbp: 80 }, 'esh-2023')).toThrow(/positive numbers/);
  });

  it('explains itself in zh and en with rule, source and inputs', () => {
    const r = classifyOfficeBp({ sbp: 140, dbp: 85 }, 'china-2018');
    expect(r.source).toBe('中国高血压防治指南 2018（血压水平分类和定义）');
    expect(r.rule).toContain('140–159');
    expect(r.inputs).toMatchObject({ sbp: 140, dbp: 85 });
    expect(r.display.zh).toContain('单纯收缩期高血压');
    expect(r.display.en).toContain('isolated systolic');
  });
});

describe('property: classification is monotone in SBP and DBP', () => {
  it.each(GUIDELINES)('%s', (g) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 260 }),
        fc.integer({ min: 30, max: 160 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (s, d, ds, dd) => {
          const lo = classifyOfficeBp({ sbp: s, dbp: d }, g);
          const hi = classifyOfficeBp({ sbp: s + ds, dbp: d + dd }, g);
          return hi.rank >= lo.rank && (!lo.crisis || hi.crisis) && (!lo.hypertension || hi.hypertension);
        },
      ),
    );
  });
});
