/**
 * Decision 0027 "Not yet" (issue 20): the BP page's morning/evening rows are means of the current home average's own
 * readings (7 local days ending today, day 1 discarded — REFERENCE §2.3) but the console rounded them with
 * Math.round: a morning mean of 134.6 read "135" beside "below the home threshold (135/85)". The server now sends
 * each row's figure as shown (the one rule, display-rounding.ts) against the 135/85 home threshold (REFERENCE §2.2).
 */
import { describe, expect, it } from 'vitest';
import { assessHomeSeries, type BpReading } from '@qihuang/engines/blood-pressure';
import { withSessionsShown } from './session-shown.ts';

const NOW = '2026-03-10T04:00:00Z'; // 12:00 in Shanghai: today is 2026-03-10

const at = (day: string, clock: string, sbp: number, dbp: number): BpReading => ({
  id: `${day}-${clock}`,
  time: `${day}T${clock}:00+08:00`,
  sbp,
  dbp,
});

function assess(readings: BpReading[]) {
  return assessHomeSeries({
    readings,
    guideline: 'china-2018',
    now: NOW,
    homeWindowEnd: 'now',
    utcOffsetMinutes: 480,
  });
}

describe('morning/evening rows: the current window, shown by the one rule', () => {
  it('day 1 high, days 2–7 normal: the rows leave day 1 out (the current window), as the tile does', () => {
    const readings = [
      at('2026-03-04', '07:00', 190, 110), // the window's first day with readings: discarded
      at('2026-03-04', '20:00', 188, 108),
      ...['05', '06', '07', '08', '09'].flatMap((d) => [
        at(`2026-03-${d}`, '07:00', 124, 78),
        at(`2026-03-${d}`, '20:00', 120, 76),
      ]),
    ];
    const hbpm = withSessionsShown(assess(readings).hbpm);
    expect(hbpm.morningMean).toEqual({ sbp: 124, dbp: 78 });
    expect(hbpm.eveningMean).toEqual({ sbp: 120, dbp: 76 });
    expect(hbpm.morningShown).toEqual({ sbp: '124', dbp: '78' });
    expect(hbpm.eveningShown).toEqual({ sbp: '120', dbp: '76' });
  });

  it('a morning mean of 134.6/84.5 shows 134.6/84.5 below 135/85, never 135/85; 135.0 shows 135', () => {
    const readings = [
      at('2026-03-04', '07:00', 170, 100),
      ...[134, 135, 135, 134, 135].map((sbp, i) => at(`2026-03-0${5 + i}`, '07:00', sbp, i % 2 ? 84 : 85)),
      ...['05', '06', '07', '08', '09'].map((d) => at(`2026-03-${d}`, '20:00', 135, 80)),
    ];
    const hbpm = withSessionsShown(assess(readings).hbpm);
    expect(hbpm.morningMean!.sbp).toBeCloseTo(134.6, 6);
    expect(hbpm.morningMean!.dbp).toBeCloseTo(84.6, 6);
    expect(hbpm.morningShown).toEqual({ sbp: '134.6', dbp: '84.6' });
    expect(hbpm.eveningShown).toEqual({ sbp: '135', dbp: '80' });
  });

  it('no row without readings', () => {
    const hbpm = withSessionsShown(
      assess([at('2026-03-05', '07:00', 130, 80), at('2026-03-06', '07:00', 130, 80)]).hbpm,
    );
    expect(hbpm.morningShown).toEqual({ sbp: '130', dbp: '80' });
    expect(hbpm.eveningShown).toBeUndefined();
  });
});
