import { describe, expect, it } from 'vitest';
import { evaluateAlerts, summarizeHbpm } from '@qihuang/engines/blood-pressure';
import { adherence, hbpmWindow, monitoringPlan, remindersFor } from './monitoring.ts';

const OFFSET = 480; // UTC+08:00
const at = (local: string) => ({ time: `${local}+08:00` });

describe('monitoringPlan (REFERENCE §2.3)', () => {
  it('diagnosis/titration: 7 consecutive days, morning + evening, 2 readings, first day discarded', () => {
    for (const phase of ['diagnosis', 'titration'] as const) {
      const p = monitoringPlan('china-2018', phase, '2026-03-02');
      expect(p).toMatchObject({ schedule: 'daily', days: 7, discardFirstDay: true, startDate: '2026-03-02' });
      expect(p.sessions.map((s) => [s.name, s.readings])).toEqual([
        ['morning', 2],
        ['evening', 2],
      ]);
      expect(p.source).toContain('中国高血压防治指南 2018');
    }
    expect(monitoringPlan('china-2018', 'diagnosis', '2026-03-02').sessions[0]?.instruction.zh).toContain(
      '服药前',
    );
    expect(monitoringPlan('esh-2023', 'diagnosis', '2026-03-02').sessions[1]?.instruction.en).toContain(
      'before dinner',
    );
  });
  it('maintenance: one day a week (China "每周1天"; ACC/AHA weekly)', () => {
    const p = monitoringPlan('china-2018', 'maintenance', '2026-03-02');
    expect(p).toMatchObject({ schedule: 'weekly', weekday: 1, discardFirstDay: false });
    expect(monitoringPlan('acc-aha-2017', 'maintenance', '2026-03-02').source).toContain('weekly');
  });
  it('rejects a bad start date', () => {
    expect(() => monitoringPlan('china-2018', 'diagnosis', '2026-3-2')).toThrow(/YYYY-MM-DD/);
  });
});

// Plan from Monday 2026-03-02; readings (local time, UTC+8):
//   03-02 morning 2 (07:00, 07:02); evening none
//   03-03 morning 1 (06:40); evening 2 (21:00, 21:01)
//   03-04 morning 1 (07:30); one reading at 12:30 (outside every window)
const plan = monitoringPlan('china-2018', 'titration', '2026-03-02');
const readings = [
  at('2026-03-02T07:00:00'),
  at('2026-03-02T07:02:00'),
  at('2026-03-03T06:40:00'),
  at('2026-03-03T21:00:00'),
  at('2026-03-03T21:01:00'),
  at('2026-03-04T07:30:00'),
  at('2026-03-04T12:30:00'),
];

describe('remindersFor', () => {
  it('states by session: done / missed / due / upcoming', () => {
    const r = remindersFor(plan, readings, '2026-03-04T08:30:00+08:00', OFFSET);
    expect(r.map((x) => [x.date, x.session, x.state, x.readingsTaken])).toEqual([
      ['2026-03-02', 'morning', 'done', 2],
      ['2026-03-02', 'evening', 'missed', 0],
      ['2026-03-03', 'morning', 'done', 1], // closed with 1 of 2 readings: done (partial)
      ['2026-03-03', 'evening', 'done', 2],
      ['2026-03-04', 'morning', 'due', 1], // window open, 1 of 2
      ['2026-03-04', 'evening', 'upcoming', 0],
    ]);
    expect(r[0]).toMatchObject({ window: ['04:00', '12:00'], readingsPlanned: 2 }); // decision 0012: HBPM windows
  });
  it('horizon limits the look-back; nothing before the plan starts; nothing after it ends', () => {
    expect(remindersFor(plan, readings, '2026-03-04T08:30:00+08:00', OFFSET, 1).map((x) => x.date)).toEqual([
      '2026-03-04',
      '2026-03-04',
    ]);
    expect(remindersFor(plan, readings, '2026-03-01T20:00:00+08:00', OFFSET)).toEqual([]);
    expect(remindersFor(plan, readings, '2026-03-20T08:00:00+08:00', OFFSET)).toEqual([]);
  });
  it('the morning window closes at 12:00 local; the UTC offset decides the local day', () => {
    expect(remindersFor(plan, readings, '2026-03-04T11:59:00+08:00', OFFSET, 1)[0]?.state).toBe('due');
    const r = remindersFor(plan, readings, '2026-03-04T12:00:00+08:00', OFFSET, 1);
    expect(r[0]?.state).toBe('done'); // closed with 1 reading
    const utc = remindersFor(plan, [], '2026-03-04T03:00:00Z', 0, 1); // 03:00 UTC: before the morning window
    expect(utc.map((x) => x.state)).toEqual(['upcoming', 'upcoming']);
  });
  it('weekly plan: only Mondays', () => {
    const weekly = monitoringPlan('china-2018', 'maintenance', '2026-03-02');
    const r = remindersFor(weekly, [at('2026-03-09T07:10:00')], '2026-03-12T20:00:00+08:00', OFFSET);
    expect(r.map((x) => [x.date, x.session, x.state])).toEqual([
      ['2026-03-09', 'morning', 'done'],
      ['2026-03-09', 'evening', 'missed'],
    ]);
  });
});

describe('adherence (fractions computed by hand)', () => {
  it('date range: the last day counts only its completed sessions', () => {
    // 03-02: 2 planned, 1 completed (morning, full); 03-03: 2 planned, 2 completed (evening full);
    // 03-04 (to-day, may still be running): morning done → counted; evening not yet → not counted.
    // planned 5, completed 4, full 2 → 4/5
    const a = adherence(plan, readings, '2026-03-02', '2026-03-04', OFFSET);
    expect(a).toEqual({
      plannedSessions: 5,
      completedSessions: 4,
      fullSessions: 2,
      fraction: 0.8,
      from: '2026-03-02',
      to: '2026-03-04',
    });
  });
  it('date-time cut-off: sessions count once their window has closed', () => {
    const noon = adherence(plan, readings, '2026-03-02', '2026-03-04T12:00:00+08:00', OFFSET);
    expect([noon.plannedSessions, noon.completedSessions]).toEqual([5, 4]);
    // The evening session runs 18:00–04:00 (decision 0012): at midnight it is still open, at 04:00 it closed.
    const midnight = adherence(plan, readings, '2026-03-02', '2026-03-05T00:00:00+08:00', OFFSET);
    expect([midnight.plannedSessions, midnight.completedSessions]).toEqual([5, 4]);
    const four = adherence(plan, readings, '2026-03-02', '2026-03-05T04:00:00+08:00', OFFSET);
    expect([four.plannedSessions, four.completedSessions]).toEqual([6, 4]); // evening 03-04 missed
    expect(four.fraction).toBeCloseTo(4 / 6, 10);
  });
  it('whole plan after it ended: 14 sessions, 4 completed', () => {
    const a = adherence(plan, readings, '2026-03-01', '2026-03-20', OFFSET);
    expect([a.plannedSessions, a.completedSessions, a.fullSessions]).toEqual([14, 4, 2]);
    expect(a.fraction).toBeCloseTo(4 / 14, 10);
  });
  it('nothing planned → fraction 0', () => {
    expect(adherence(plan, readings, '2026-02-01', '2026-02-10', OFFSET)).toMatchObject({
      plannedSessions: 0,
      fraction: 0,
    });
  });
});

describe('the weekly maintenance plan produces an assessment (issue 17; REFERENCE §2.3 "≥12 readings or ≥3 days")', () => {
  it.each([
    ['maintenance', 21, false],
    ['titration', 7, true],
  ] as const)('%s → HBPM window %i days, discard first day %s', (phase, days, discard) => {
    const plan = monitoringPlan('china-2018', phase, '2026-03-02');
    expect(hbpmWindow(plan)).toEqual({ days, discardFirstDay: discard });
  });
  it('three weekly measurement days (Mondays, 2 × 2 readings) → sufficient mean and a sustained alert', () => {
    const plan = monitoringPlan('china-2018', 'maintenance', '2026-03-02');
    const readings = ['2026-03-02', '2026-03-09', '2026-03-16'].flatMap((d, i) =>
      ['07:00', '07:01', '20:00', '20:01'].map((t, k) => ({
        id: `w${i}-${k}`,
        time: `${d}T${t}:00+08:00`,
        sbp: 146,
        dbp: 88,
      })),
    );
    const s = summarizeHbpm(readings, {
      guideline: 'china-2018',
      utcOffsetMinutes: OFFSET,
      ...hbpmWindow(plan),
    });
    expect(s.sufficient).toBe(true);
    expect(s.mean).toEqual({ sbp: 146, dbp: 88 });
    const alerts = evaluateAlerts({
      readings,
      now: '2026-03-16T22:00:00+08:00',
      guideline: 'china-2018',
      target: { sbp: 135, dbp: 85 },
      utcOffsetMinutes: OFFSET,
      config: { sustained: { minReadings: 12, minDays: 3, ...hbpmWindow(plan) } },
    });
    expect(alerts.map((a) => a.kind)).toContain('sustained-above-target');
  });
});
