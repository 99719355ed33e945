import { describe, expect, it } from 'vitest';
import { targetFor } from '@qihuang/engines/blood-pressure';
import { atTarget, homeTargetFor } from './home-targets.ts';
import { weeklyProgress } from './patient-home.ts';

const office = (sbp: number, dbp?: number) => ({
  sbp,
  ...(dbp !== undefined ? { dbp } : {}),
  rule: 'r',
  source: 's',
});

describe('home targets from the office target (REFERENCE §2.1 ACC/AHA 2017 Table 11, §2.2)', () => {
  it.each([
    [120, 80, 120, 80],
    [130, 80, 130, 80],
    [140, 90, 135, 85], // §2.1 row 3; §2.2 home ≥135/85 is hypertension
    [160, 100, 145, 90],
    [150, 90, 140, 85], // between rows: linear (documented choice)
  ])('office <%i/%i → home <%i/%i', (s, d, hs, hd) => {
    expect(homeTargetFor(office(s, d), 'china-2018')).toMatchObject({ sbp: hs, dbp: hd });
  });

  it('names the derivation of the home target, never the 135/85 diagnostic threshold beside another target', () => {
    for (const g of ['china-2018', 'china-2024', 'esh-2023', 'acc-aha-2017'] as const) {
      const home = homeTargetFor(office(150, 90), g);
      expect(home).toMatchObject({ sbp: 140, dbp: 85 });
      expect(home.source, g).not.toMatch(/135\/85/);
      expect(home.source, g).toMatch(/ACC\/AHA 2017 Table 11/);
    }
  });

  it('a home mean of 138/88 is above the China general home target (issue 17: was "at target")', () => {
    const home = homeTargetFor(targetFor('china-2018', { age: 50 }), 'china-2018');
    expect(home).toMatchObject({ sbp: 135, dbp: 85 });
    expect(atTarget({ sbp: 138, dbp: 88 }, home)).toBe(false);
    expect(atTarget({ sbp: 134, dbp: 84 }, home)).toBe(true);
  });

  it('an office target without a diastolic limit gives none at home', () => {
    const home = homeTargetFor(office(130), 'acc-aha-2017');
    expect(home.sbp).toBe(130);
    expect(home.dbp).toBeUndefined();
  });

  it('one verdict per week: the progress flag and the panel rule agree for every mean', () => {
    const home = homeTargetFor(office(140, 90), 'esh-2023');
    for (const [sbp, dbp] of [
      [138, 88],
      [134, 86],
      [136, 80],
      [130, 80],
    ] as const) {
      const week = weeklyProgress([{ id: 'x', time: '2026-03-03T07:00:00+08:00', sbp, dbp }], 480, home)[0]!;
      // The tile shows "at target" only when the same rule the panel uses ("controlled") says so.
      expect(week.atTarget).toBe(atTarget({ sbp, dbp }, home));
      expect(week.atTarget && !atTarget({ sbp, dbp }, home)).toBe(false);
    }
  });
});
