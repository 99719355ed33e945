/**
 * Decision 0027 "Not yet" (issue 20): the weekly progress chart keeps calendar weeks (a trend, not the current
 * average), but its figures follow the one display rule and its verdict the exact mean. A week's mean of 134.95 was
 * rounded to 135.0 before the target check: "not at target" for a mean below <135. Figures as shown never cross
 * the target (display-rounding.ts: 134.6 → "134.6", 134.95 → "134.9").
 */
import { describe, expect, it } from 'vitest';
import type { BpReading } from '@qihuang/engines/blood-pressure';
import { weeklyProgress } from './patient-home.ts';

const TARGET = { sbp: 135, dbp: 85 }; // home equivalent of <140/90 (REFERENCE §2.1)

const week = (sbps: number[], dbp = 80): BpReading[] =>
  sbps.map((sbp, i) => ({
    id: `r${i}`,
    // Monday 2026-03-02 … Sunday 2026-03-08, Shanghai (one calendar week)
    time: `2026-03-0${2 + (i % 7)}T0${7 + Math.floor(i / 7)}:00:00+08:00`,
    sbp,
    dbp,
  }));

describe('weekly progress: calendar-week means, judged exact, shown by the one rule', () => {
  it('a mean of 134.95 is at target <135 (judged on the exact mean) and shown as 134.9', () => {
    const [w] = weeklyProgress(week([...Array(19).fill(135), 134]), 480, TARGET);
    expect(w!.weekStart).toBe('2026-03-02');
    expect(w!.atTarget).toBe(true);
    expect(w!.shown).toEqual({ sbp: '134.9', dbp: '80' });
  });

  it('134.6/84.5 shows 134.6/84.5 beside a <135/85 target; 128.4 stays whole', () => {
    expect(weeklyProgress(week([134, 135, 135, 134, 135], 84.5), 480, TARGET)[0]!.shown).toEqual({
      sbp: '134.6',
      dbp: '84.5',
    });
    expect(weeklyProgress(week([128, 129, 128, 128, 129]), 480, TARGET)[0]!.shown).toEqual({
      sbp: '128',
      dbp: '80',
    });
  });

  it('a mean at 135.0 is above the target, shown 135', () => {
    const [w] = weeklyProgress(week([135, 135]), 480, TARGET);
    expect(w!.atTarget).toBe(false);
    expect(w!.shown).toEqual({ sbp: '135', dbp: '80' });
  });
});
