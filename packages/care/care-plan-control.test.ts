/**
 * Decision 0027 "Not yet" (issue 20): the care plan's phase and follow-up at creation judged "controlled" on a 28-day
 * mean of every home reading, while the patient's home, the BP page and the panel use the one current home average
 * (7 local days ending today, first day with readings discarded — ESH 2023 / China 2018 home BP monitoring,
 * REFERENCE §2.3). One patient could be "controlled" on the home page and in titration on the plan.
 */
import { describe, expect, it } from 'vitest';
import type { BpReading } from '@qihuang/engines/blood-pressure';
import { carePlanControl } from './care-plan-control.ts';
import { meanOf } from './management.ts';
import { atTarget } from './home-targets.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai: today is 2026-03-10
const SHANGHAI = 480;
const HOME_TARGET = { sbp: 135, dbp: 85 }; // home equivalent of <140/90 (REFERENCE §2.1)

function day(d: string, sbp: number, dbp: number, n = 2): BpReading[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${d}-${i}`,
    time: `${d}T0${7 + i}:00:00+08:00`,
    sbp,
    dbp,
  }));
}

describe('the care plan judges control on the one current home average', () => {
  it('day 1 of the week high, days 2–7 normal: controlled (day 1 discarded), where the 28-day mean said not', () => {
    const readings = [
      ...day('2026-03-04', 190, 110, 3), // the window's first day with readings: discarded
      ...['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].flatMap((d) =>
        day(d, 125, 78),
      ),
    ];
    // The old rule: every reading of the 28 days, day 1 included → 140/84.9, above the target.
    expect(atTarget(meanOf(readings)!, HOME_TARGET)).toBe(false);
    const c = carePlanControl(
      readings,
      { now: NOW, utcOffsetMinutes: SHANGHAI, guideline: 'china-2018' },
      HOME_TARGET,
    );
    expect(c.controlled).toBe(true);
    expect(c.mean).toEqual({ sbp: 125, dbp: 78 });
  });

  it('a week that ended a month ago is no current average: control unknown, not "controlled"', () => {
    const readings = ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04'].flatMap((d) => day(d, 120, 75));
    expect(
      carePlanControl(
        readings,
        { now: NOW, utcOffsetMinutes: SHANGHAI, guideline: 'china-2018' },
        HOME_TARGET,
      ),
    ).toEqual({});
  });

  it('134.6 against <135 is controlled on the exact mean (never judged on a rounded 135)', () => {
    const readings = [
      ...day('2026-03-04', 170, 100, 1),
      ...[134, 135, 135, 134, 135].map((sbp, i) => ({
        id: `r${i}`,
        time: `2026-03-0${5 + i}T07:00:00+08:00`,
        sbp,
        dbp: 84,
      })),
    ];
    const c = carePlanControl(
      readings,
      { now: NOW, utcOffsetMinutes: SHANGHAI, guideline: 'china-2018' },
      HOME_TARGET,
    );
    expect(c.mean?.sbp).toBeCloseTo(134.6, 6);
    expect(c.controlled).toBe(true);
  });
});
