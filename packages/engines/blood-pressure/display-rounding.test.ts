/**
 * Issue 20 (a non-author try): the same home mean read 153/95 on one screen (the tiles, the alert text, the chart)
 * and 152.6/94.8 on another (the assessment's and the classification's text, the treatment proposal: hypertension-care's test). Every
 * displayed BP mean is whole mmHg (display-rounding.ts says why); the classification uses the unrounded mean.
 */
import { describe, expect, it } from 'vitest';
import { classifyOfficeBp, mmHg, summarizeHbpm, type BpReading } from './index.ts';

// Six days × 4 readings, day 1 discarded: mean 152.6/94.8 over days 2–6 (values chosen for the tenths).
const readings: BpReading[] = [];
for (let day = 1; day <= 6; day++)
  for (let i = 0; i < 4; i++)
    readings.push({
      id: `r${day}-${i}`,
      time: new Date(Date.UTC(2026, 2, day, 0, i * 2)).toISOString(),
      sbp: [152, 153, 152, 153][i]! + (i === 0 && day % 5 === 0 ? 1 : 0),
      dbp: [95, 95, 94, 95][i]!,
    });

describe('displayed BP means are whole mmHg on every screen (one decimal only where that crosses a threshold)', () => {
  it('mmHg() rounds half up to the whole mmHg', () => {
    expect([mmHg(152.6), mmHg(94.8), mmHg(134.5), mmHg(134.49)]).toEqual([153, 95, 135, 134]);
  });

  it('the home mean’s text (BP page, assessment): 153/95, never 152.6/94.8', () => {
    const s = summarizeHbpm(readings, { guideline: 'china-2018', utcOffsetMinutes: 480 });
    expect(s.mean!.sbp).toBeCloseTo(152.6, 1);
    expect(s.mean!.dbp).toBeCloseTo(94.75, 2);
    expect(s.display.zh).toMatch(/^家庭血压均值 153\/95 mmHg（/);
    expect(s.display.en).toMatch(/^Home BP mean 153\/95 mmHg \(/);
  });

  it('the classification’s text of a mean: whole mmHg; the category from the exact mean', () => {
    const c = classifyOfficeBp({ sbp: 152.6, dbp: 94.8 }, 'china-2018');
    expect(c.display.zh).toMatch(/^153\/95 mmHg：/);
    expect(c.display.en).toMatch(/^153\/95 mmHg: /);
    // 139.6/89.6 is below China 2018's grade-1 bounds (≥140/90, REFERENCE §1.3): it shows 139.6/89.6, never
    // 140/90 (decision 0027; display-rounding-threshold.test.ts).
    const below = classifyOfficeBp({ sbp: 139.6, dbp: 89.6 }, 'china-2018');
    expect(below.display.zh).toMatch(/^139\.6\/89\.6 mmHg：/);
    expect(below.category).not.toBe('grade-1');
  });
});
