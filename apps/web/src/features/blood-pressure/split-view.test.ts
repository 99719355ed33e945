import { describe, expect, it } from 'vitest';
import type { HbpmSummary } from '../../api/bp.ts';
import { THRESHOLDS, type BpPoint } from './bp-readings.ts';
import { chartTimes, readingHour, wallClock } from './reading-zone.ts';
import { splitView } from './split-view.ts';

// The tester's case: 7 days of home readings at 13:00Z (150/95) and 23:30Z (130/80).
// New York (EST, UTC−5 in January): 13:00Z = 08:00 morning, 23:30Z = 18:30 evening.
// Shanghai (UTC+8): 13:00Z = 21:00 evening, 23:30Z = 07:30 next morning.
const days = ['09', '10', '11', '12', '13', '14', '15'];
const point = (id: string, time: string, sbp: number, dbp: number): BpPoint => ({
  id,
  time,
  ms: Date.parse(time),
  sbp,
  dbp,
  heartRate: sbp === 150 ? 80 : 70,
  setting: 'home',
});
const readings: BpPoint[] = days.flatMap((d) => [
  point(`a${d}`, `2026-01-${d}T13:00:00Z`, 150, 95),
  point(`b${d}`, `2026-01-${d}T23:30:00Z`, 130, 80),
]);
const home = THRESHOLDS['china-2018'].home; // REFERENCE §2.2 China 2018 HBPM ≥135/85

/** What the server's HBPM summary says (days 2–7 used, first local day discarded — REFERENCE §2.3). */
function serverHbpm(morning: { sbp: number; dbp: number }, evening: { sbp: number; dbp: number }) {
  return {
    sufficient: true,
    readingsUsed: 12,
    daysUsed: 6,
    mean: { sbp: 140, dbp: 87.5 },
    morningMean: morning,
    eveningMean: evening,
    threshold: { sbp: 135, dbp: 85 },
    readingIds: readings.slice(2).map((r) => r.id),
  } as HbpmSummary;
}
const newYorkServer = serverHbpm({ sbp: 150, dbp: 95 }, { sbp: 130, dbp: 80 });
const shanghaiServer = serverHbpm({ sbp: 130, dbp: 80 }, { sbp: 150, dbp: 95 });

describe('reading-zone: per-reading conversion with the zone rules', () => {
  it('New York and Shanghai hours of the same instants, daylight saving time included', () => {
    expect(readingHour('2026-01-15T13:00:00Z', 'America/New_York')).toBe(8);
    expect(readingHour('2026-01-15T23:30:00Z', 'America/New_York')).toBe(18);
    expect(readingHour('2026-07-15T12:00:00Z', 'America/New_York')).toBe(8); // EDT, UTC−4
    expect(readingHour('2026-01-15T13:00:00Z', 'Asia/Shanghai')).toBe(21);
    expect(readingHour('2026-01-15T23:30:00Z', 'Asia/Shanghai')).toBe(7);
    expect(readingHour('2026-01-15T23:30:00Z', undefined)).toBeUndefined();
    expect(readingHour('2026-01-15T23:30:00+08:00', 'Bad/Zone')).toBeUndefined();
    expect(readingHour('2026-01-15T23:30:00', undefined)).toBe(23);
  });
  it('wall clock for the chart axis (useUTC) in the zone, the instant itself without one', () => {
    expect(wallClock('2026-01-15T23:30:00Z', 'Asia/Shanghai')).toEqual({
      hour: 7,
      date: '2026-01-16',
      wallMs: Date.parse('2026-01-16T07:30:00Z'),
    });
    const p = { time: '2026-01-15T13:00:00Z', ms: Date.parse('2026-01-15T13:00:00Z') };
    expect(chartTimes('America/New_York').at(p)).toBe(Date.parse('2026-01-15T08:00:00Z'));
    expect(chartTimes('America/New_York').useUTC).toBe(true);
    expect(chartTimes(undefined)).toMatchObject({ useUTC: false });
    expect(chartTimes(undefined).at(p)).toBe(p.ms);
  });
});

describe('splitView: morning/evening are the server figures, never re-bucketed with a fixed offset', () => {
  const view = (hbpm: HbpmSummary | undefined, timeZone: string | undefined) =>
    splitView({ hbpm, all: readings, shown: readings, timeZone, homeThreshold: home });

  it('New York: morning 150/95 above the home threshold, evening 130/80 below', () => {
    const v = view(newYorkServer, 'America/New_York');
    expect(v?.source).toBe('server');
    expect(v?.morning).toEqual({ sbp: 150, dbp: 95, high: true, n: 6, heartRate: 80 });
    expect(v?.evening).toEqual({ sbp: 130, dbp: 80, high: false, n: 6, heartRate: 70 });
  });

  it('Shanghai: 23:30Z is the morning reading, 13:00Z the evening one', () => {
    const v = view(shanghaiServer, 'Asia/Shanghai');
    expect(v?.morning).toEqual({ sbp: 130, dbp: 80, high: false, n: 6, heartRate: 70 });
    expect(v?.evening).toEqual({ sbp: 150, dbp: 95, high: true, n: 6, heartRate: 80 });
  });

  it('without the zone (or a different one) the server means stand; the console count is left out', () => {
    for (const zone of [undefined, 'Asia/Shanghai']) {
      const v = view(newYorkServer, zone);
      expect(v?.morning).toEqual({ sbp: 150, dbp: 95, high: true });
      expect(v?.evening).toEqual({ sbp: 130, dbp: 80, high: false });
    }
  });

  it("the server's threshold is the one compared with; a period without readings says so", () => {
    const v = view({ ...newYorkServer, eveningMean: undefined, threshold: { sbp: 130, dbp: 80 } }, undefined);
    expect(v?.threshold).toEqual({ sbp: 130, dbp: 80 });
    expect(v?.evening).toEqual({ n: 0 });
  });

  it('assessment unavailable: the console splits only in a zone the server named, else shows nothing', () => {
    const ny = view(undefined, 'America/New_York');
    expect(ny?.source).toBe('console');
    expect(ny?.morning).toMatchObject({ n: 7, sbp: 150, dbp: 95, high: true });
    expect(ny?.evening).toMatchObject({ n: 7, sbp: 130, dbp: 80, high: false });
    expect(view(undefined, undefined)).toBeUndefined();
    expect(view(undefined, 'Not/AZone')).toBeUndefined();
  });
});
