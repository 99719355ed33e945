/**
 * Decision 0027 (issue 20): one current home average for every screen — 7 local days ending today, the first day
 * with readings discarded (REFERENCE §2.3: ESH 2023 "preferably 7 days … excluding the first day"; China 2018
 * "连续测量7天，取后6天").
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_HOME_WINDOW, CURRENT_HOME_WINDOW_LABEL, currentHomeMean, type BpReading } from './index.ts';

const CN = 480; // China Standard Time
// Local day d of March 2026 at 08:00 (UTC+8).
const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 2, day, hour - 8)).toISOString();
const reading = (day: number, sbp: number, dbp = 80, hour = 8): BpReading => ({
  id: `d${day}-${hour}`,
  time: at(day, hour),
  sbp,
  dbp,
});

describe('currentHomeMean: the one current home average', () => {
  it('is the guideline protocol: 7 days, first day excluded (REFERENCE §2.3 ESH 2023, China 2018)', () => {
    expect(CURRENT_HOME_WINDOW).toEqual({ days: 7, discardFirstDay: true });
    expect(CURRENT_HOME_WINDOW_LABEL).toEqual({
      zh: '近7天（不含第1天）',
      en: 'last 7 days, day 1 excluded',
    });
    const m = currentHomeMean([reading(20, 150)], {
      guideline: 'china-2018',
      now: at(20, 12),
      utcOffsetMinutes: CN,
    });
    expect(m.source).toMatch(/中国高血压防治指南 2018（家庭血压监测）/);
    expect(
      currentHomeMean([reading(20, 150)], { guideline: 'esh-2023', now: at(20, 12), utcOffsetMinutes: CN })
        .source,
    ).toMatch(/ESH 2023 \(home BP monitoring\)/);
  });

  it('ends today, not on the last reading: readings 8+ days old are outside; the first day in the window is dropped', () => {
    const readings = [
      reading(10, 190), // 10 days before "today" (20th): outside
      reading(14, 170), // first day in the window 14–20: discarded
      reading(15, 130),
      reading(16, 140),
      reading(18, 150, 90),
    ];
    const m = currentHomeMean(readings, { guideline: 'china-2018', now: at(20, 12), utcOffsetMinutes: CN });
    expect(m.from).toBe('2026-03-14');
    expect(m.to).toBe('2026-03-20');
    expect(m.discardedDay).toBe('2026-03-14');
    expect(m.readingsUsed).toBe(3);
    expect(m.mean).toEqual({ sbp: 140, dbp: (80 + 80 + 90) / 3 });
    expect(m.label.zh).toBe('近7天（不含第1天）');
  });

  it('leaves out readings after now, and is empty (no mean) when nothing falls in the window', () => {
    const m = currentHomeMean([reading(1, 150), reading(20, 150, 80, 18)], {
      guideline: 'china-2018',
      now: at(20, 12),
      utcOffsetMinutes: CN,
    });
    expect(m.mean).toBeUndefined();
    expect(m.shown).toBeUndefined();
    expect(m.readingsUsed).toBe(0);
  });

  it('the shown figure stays on the side of the home threshold and of the target (134.6 → "134.6")', () => {
    const readings = [reading(14, 170), ...[134, 135, 135, 134, 135].map((s, i) => reading(15 + i, s, 84))];
    const m = currentHomeMean(readings, {
      guideline: 'china-2018',
      now: at(20, 12),
      utcOffsetMinutes: CN,
      target: { sbp: 130, dbp: 80 },
    });
    expect(m.mean!.sbp).toBeCloseTo(134.6, 6);
    expect(m.high).toBe(false);
    expect(m.shown).toEqual({ sbp: '134.6', dbp: '84' });
    const nearTarget = currentHomeMean([reading(14, 170), reading(15, 129), reading(16, 130)], {
      guideline: 'china-2018',
      now: at(20, 12),
      utcOffsetMinutes: CN,
      target: { sbp: 130, dbp: 80 },
    });
    expect(nearTarget.mean!.sbp).toBe(129.5);
    expect(nearTarget.shown!.sbp).toBe('129.5'); // below the 130 target: never "130"
  });
});
