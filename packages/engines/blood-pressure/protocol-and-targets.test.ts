/**
 * Issue 17 items 5 and 7 (blood-pressure engine): HBPM sufficiency (REFERENCE §2.3 "≥12 readings or at least
 * 3 days"), the sustained alert on the protocol mean, targets (ACC/AHA ≥65 DBP, albuminuria, unknown age,
 * ≥80 with diabetes) and home/ambulatory targets derived from the office target (§2.1–§2.2).
 */
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from './alerts.ts';
import { assessHomeSeries } from './assess.ts';
import { summarizeHbpm } from './hbpm.ts';
import { checkTarget, equivalentOutOfOffice, targetFor } from './targets.ts';
import type { BpReading } from './types.ts';

const r = (id: string, time: string, sbp: number, dbp: number): BpReading => ({ id, time, sbp, dbp });

describe('HBPM sufficiency: ≥12 readings OR ≥3 days (REFERENCE §2.3)', () => {
  /** `days` consecutive days from Jan 1, `perDay` readings each (07:0x +08:00). */
  const days = (n: number, perDay: number, start = 1) =>
    Array.from({ length: n }, (_, d) =>
      Array.from({ length: perDay }, (_, k) =>
        r(`d${d}-${k}`, `2026-01-${String(start + d).padStart(2, '0')}T07:0${k}:00+08:00`, 150, 95),
      ),
    ).flat();
  it.each([
    ['4 days × 1 reading (3 days used, 3 readings)', true, days(4, 1)],
    ['2 days × 8 readings (1 day used, 8 readings)', false, days(2, 8)],
    ['3 days × 8 readings (2 days used, 16 readings)', true, days(3, 8)],
    ['3 days × 2 readings (2 days, 4 readings)', false, days(3, 2)],
  ] as const)('%s → sufficient: %s', (_n, sufficient, readings) => {
    const s = summarizeHbpm(readings, { guideline: 'esh-2023', utcOffsetMinutes: 480 });
    expect(s.sufficient).toBe(sufficient);
  });
  it('the weekly maintenance rhythm (one day a week, 2 × 2 readings) over 3 weeks gives an assessment', () => {
    const weekly = [...days(1, 4, 5), ...days(1, 4, 12), ...days(1, 4, 19)];
    const s = summarizeHbpm(weekly, {
      guideline: 'china-2018',
      utcOffsetMinutes: 480,
      days: 21,
      discardFirstDay: false,
    });
    expect(s.sufficient).toBe(true);
    expect(s.high).toBe(true);
  });
});

describe('sustained alert uses the HBPM protocol mean, not the raw readings (REFERENCE §2.3)', () => {
  it('a high first day is discarded by the protocol: no sustained alert', () => {
    // Day 1 (Mar 4) very high, days 2–7 controlled; the raw 7-day mean would be above target.
    const rs: BpReading[] = [];
    for (let d = 4; d <= 10; d++)
      for (const [h, k] of [
        ['07', 0],
        ['07', 1],
        ['21', 2],
        ['21', 3],
      ] as const) {
        const v = d === 4 ? 220 : 134;
        rs.push(r(`d${d}-${k}`, `2026-03-${String(d).padStart(2, '0')}T${h}:0${k}:00+08:00`, v, 80));
      }
    const base = {
      now: '2026-03-10T22:00:00+08:00',
      guideline: 'china-2018' as const,
      target: { sbp: 135, dbp: 85 },
    };
    const alerts = evaluateAlerts({ ...base, readings: rs, utcOffsetMinutes: 480 });
    expect(alerts.map((a) => a.kind)).not.toContain('sustained-above-target');
    const high = rs.map((x) => ({ ...x, sbp: x.sbp === 220 ? 220 : 140 }));
    const a = evaluateAlerts({ ...base, readings: high, utcOffsetMinutes: 480 });
    const s = a.find((x) => x.kind === 'sustained-above-target');
    expect(s?.values.meanSbp).toBe(140); // protocol mean (days 2–7), not (4×220 + 24×140)/28
    expect(s?.readingIds).toHaveLength(24);
  });
});

describe('targets (REFERENCE §7.1–§7.4)', () => {
  it.each([
    ['acc-aha-2017', { age: 70 }, 130, 80],
    ['acc-aha-2017', { age: 50, proteinuria: true }, 130, 80],
    ['esh-2023', { age: 70, proteinuria: true }, 130, 80],
    ['china-2018', { age: 70, proteinuria: true }, 130, 80],
    ['esh-2023', { age: 82, diabetes: true }, 150, 80],
    ['china-2018', { age: 82, diabetes: true }, 150, 90],
    ['china-2018', { age: 82, diabetes: true, tolerated: true }, 150, 90],
    ['esh-2023', { age: 70, diabetes: true }, 130, 80],
  ] as const)('%s %o → <%i/%i', (g, pop, sbp, dbp) => {
    const t = targetFor(g, pop);
    expect([t.sbp, t.dbp]).toEqual([sbp, dbp]);
  });
  it('unknown age: the target says so (never a default age)', () => {
    const t = targetFor('esh-2023', {});
    expect(t.missing).toEqual(['age']);
    expect(t.rule).toMatch(/age unknown/);
    expect(targetFor('esh-2023', { age: 50 }).missing).toBeUndefined();
  });
  it('assessHomeSeries without a population does not assume age 50', () => {
    const a = assessHomeSeries({ readings: [], guideline: 'esh-2023', now: '2026-01-10T00:00:00Z' });
    expect(a.hbpm.sufficient).toBe(false);
    expect(JSON.stringify(a)).not.toContain('"age":50');
  });
});

describe('home and ambulatory targets from the office target (REFERENCE §2.1 Table 11, §2.2)', () => {
  it.each([
    // office → home, day, night, 24h (Table 11 rows exactly)
    [
      { sbp: 120, dbp: 80 },
      { sbp: 120, dbp: 80 },
      { sbp: 120, dbp: 80 },
      { sbp: 100, dbp: 65 },
      { sbp: 115, dbp: 75 },
    ],
    [
      { sbp: 130, dbp: 80 },
      { sbp: 130, dbp: 80 },
      { sbp: 130, dbp: 80 },
      { sbp: 110, dbp: 65 },
      { sbp: 125, dbp: 75 },
    ],
    [
      { sbp: 140, dbp: 90 },
      { sbp: 135, dbp: 85 },
      { sbp: 135, dbp: 85 },
      { sbp: 120, dbp: 70 },
      { sbp: 130, dbp: 80 },
    ],
    [
      { sbp: 160, dbp: 100 },
      { sbp: 145, dbp: 90 },
      { sbp: 145, dbp: 90 },
      { sbp: 140, dbp: 85 },
      { sbp: 145, dbp: 90 },
    ],
  ])('office %o', (office, home, day, night, h24) => {
    expect(equivalentOutOfOffice(office, 'home')).toEqual(home);
    expect(equivalentOutOfOffice(office, 'day')).toEqual(day);
    expect(equivalentOutOfOffice(office, 'night')).toEqual(night);
    expect(equivalentOutOfOffice(office, '24h')).toEqual(h24);
  });
  it('between rows: linear interpolation per component (office 150/90 → home 140/85)', () => {
    expect(equivalentOutOfOffice({ sbp: 150, dbp: 90 }, 'home')).toEqual({ sbp: 140, dbp: 85 });
    expect(equivalentOutOfOffice({ sbp: 140, dbp: 80 }, 'home')).toEqual({ sbp: 135, dbp: 80 });
  });
  it.each([
    ['china-2018', { age: 50 }, 'home', 135, 85], // office <140/90
    ['china-2018', { age: 50, diabetes: true }, 'home', 130, 80], // office <130/80
    ['esh-2023', { age: 70 }, 'home', 135, 80], // office <140/80
    ['acc-aha-2017', { age: 50 }, '24h', 125, 75], // office <130/80
  ] as const)('%s %o %s target → <%i/%i', (g, pop, setting, sbp, dbp) => {
    const t = targetFor(g, pop, setting);
    expect([t.sbp, t.dbp]).toEqual([sbp, dbp]);
    expect(t.source).not.toContain('REFERENCE');
  });
  it('home 138/88 is not "at target" for China 2018 (home ≥135/85 is hypertension)', () => {
    expect(checkTarget({ sbp: 138, dbp: 88 }, 'china-2018', { age: 50 }, 'home').met).toBe(false);
    expect(checkTarget({ sbp: 138, dbp: 88 }, 'china-2018', { age: 50 }).met).toBe(true);
  });
  it('assessHomeSeries compares the home mean with the home target', () => {
    const rs: BpReading[] = [];
    for (let d = 1; d <= 7; d++)
      for (const k of [0, 1, 2, 3]) rs.push(r(`d${d}-${k}`, `2026-01-0${d}T07:0${k}:00+08:00`, 138, 88));
    const a = assessHomeSeries({
      readings: rs,
      guideline: 'china-2018',
      now: '2026-01-07T23:00:00+08:00',
      utcOffsetMinutes: 480,
      population: { age: 50 },
    });
    expect(a.target?.met).toBe(false);
    expect(a.target?.target).toMatchObject({ sbp: 135, dbp: 85 });
  });
});
