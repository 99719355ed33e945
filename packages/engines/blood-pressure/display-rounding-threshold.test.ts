/**
 * Decision 0027 (issue 20): a mean never reads as on the other side of a threshold than its classification. A home
 * mean of 134.6 classified below 135/85 (REFERENCE §2.2 HBPM ≥135/85, ESH 2023 / China 2018) was shown as "135".
 */
import { describe, expect, it } from 'vitest';
import { shownBp, shownMmHg, summarizeHbpm, classifyOfficeBp, type BpReading } from './index.ts';

const HOME = { sbp: [135], dbp: [85] }; // REFERENCE §2.2 HBPM mean ≥135 and/or ≥85

describe('shown figures stay on their classification side of the threshold', () => {
  it('134.6 against 135 shows 134.6 (whole mmHg would read 135, the high side)', () => {
    expect(shownMmHg(134.6, HOME.sbp)).toBe('134.6');
  });
  it('134.4 against 135 shows 134 (whole mmHg stays below)', () => {
    expect(shownMmHg(134.4, HOME.sbp)).toBe('134');
  });
  it('135.0 against 135 shows 135 (at the threshold, classified high)', () => {
    expect(shownMmHg(135.0, HOME.sbp)).toBe('135');
  });
  it('84.5 against 85 shows 84.5 (half-up would read 85)', () => {
    expect(shownMmHg(84.5, HOME.dbp)).toBe('84.5');
  });
  it('134.96 shows 134.9, never 135.0: the decimal is cut toward the exact value', () => {
    expect(shownMmHg(134.96, HOME.sbp)).toBe('134.9');
  });
  it('far from any threshold: whole mmHg (152.6 → 153)', () => {
    expect(shownMmHg(152.6, HOME.sbp)).toBe('153');
    expect(shownBp({ sbp: 134.6, dbp: 84.5 }, HOME)).toEqual({ sbp: '134.6', dbp: '84.5' });
  });

  it('the home mean’s text: 134.6/84.5 below the home threshold reads 134.6/84.5, not 135/85', () => {
    // Days 2–4 (day 1 discarded), 4 readings a day averaging 134.6/84.5 (five-reading patterns give tenths).
    const sbp = [134, 135, 135, 134, 135];
    const dbp = [84, 85, 84, 85, 84.5];
    const readings: BpReading[] = [];
    for (let day = 1; day <= 4; day++)
      for (let i = 0; i < 5; i++)
        readings.push({
          id: `r${day}-${i}`,
          time: new Date(Date.UTC(2026, 2, day, 0, i * 2)).toISOString(),
          sbp: day === 1 ? 170 : sbp[i]!,
          dbp: day === 1 ? 100 : i === 4 ? (day % 2 ? 84 : 85) : dbp[i]!,
        });
    const s = summarizeHbpm(readings, { guideline: 'china-2018', utcOffsetMinutes: 480 });
    expect(s.high).toBe(false);
    expect(s.mean!.sbp).toBeCloseTo(134.6, 5);
    expect(s.mean!.dbp).toBeCloseTo(84.5, 1);
    expect(s.display.zh).toMatch(/^家庭血压均值 134\.6\/84\.\d mmHg（/);
    expect(s.display.en).toMatch(/^Home BP mean 134\.6\/84\.\d mmHg \(.*below the home threshold/);
  });

  it('the classification’s text of a mean: 139.6/89.6 below grade 1 (≥140/90, REFERENCE §1.3) reads 139.6/89.6', () => {
    const below = classifyOfficeBp({ sbp: 139.6, dbp: 89.6 }, 'china-2018');
    expect(below.category).not.toBe('grade-1');
    expect(below.display.zh).toMatch(/^139\.6\/89\.6 mmHg：/);
  });
});
