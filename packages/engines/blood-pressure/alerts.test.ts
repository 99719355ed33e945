import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from './alerts.ts';
import type { BpReading } from './types.ts';

const NOW = '2026-03-10T22:00:00+08:00';
function series(days: number, sbp: (d: number) => number, dbp = 80): BpReading[] {
  const out: BpReading[] = [];
  for (let d = days; d >= 1; d--) {
    for (const h of [7, 21]) {
      const t = Date.parse(NOW) - d * 86_400_000 + (h - 22) * 3_600_000 + 86_400_000;
      out.push({ id: `r${d}-${h}`, time: new Date(t).toISOString(), sbp: sbp(d), dbp });
    }
  }
  return out;
}
const base = { now: NOW, guideline: 'china-2018' as const, target: { sbp: 140, dbp: 90 } };

describe('alerts', () => {
  it('no alert for a steady controlled series', () => {
    expect(evaluateAlerts({ ...base, readings: series(14, () => 125) })).toEqual([]);
  });
  it('crisis names the triggering reading; 180/120 exactly does not trigger (REFERENCE §1.5 strict)', () => {
    const rs = series(14, () => 125);
    rs.push({ id: 'edge', time: '2026-03-10T20:00:00+08:00', sbp: 180, dbp: 120 });
    expect(evaluateAlerts({ ...base, readings: rs }).map((a) => a.kind)).toEqual([]);
    rs.push({ id: 'bad', time: '2026-03-10T21:00:00+08:00', sbp: 192, dbp: 118 });
    const alerts = evaluateAlerts({ ...base, readings: rs });
    expect(alerts[0]?.kind).toBe('crisis');
    expect(alerts[0]?.readingIds).toEqual(['bad']);
    expect(alerts[0]?.display.zh).toContain('192/118');
  });
  it('crisis is de-duplicated by reading; configurable threshold', () => {
    const rs = [
      ...series(14, () => 125),
      { id: 'bad', time: '2026-03-10T21:00:00+08:00', sbp: 192, dbp: 118 },
    ];
    const previous = [
      { kind: 'crisis' as const, raisedAt: '2026-03-10T21:05:00+08:00', readingIds: ['bad'] },
    ];
    expect(evaluateAlerts({ ...base, readings: rs, previous })).toEqual([]);
    const strict = evaluateAlerts({
      ...base,
      readings: series(3, () => 175),
      config: { crisis: { sbp: 170, dbp: 110, lookbackHours: 24 } },
    });
    expect(strict.some((a) => a.kind === 'crisis')).toBe(true);
  });
  it('sustained rise above target, de-duplicated within 24 h', () => {
    const rs = series(14, () => 150);
    const a = evaluateAlerts({ ...base, readings: rs });
    expect(a.map((x) => x.kind)).toEqual(['sustained-above-target']);
    expect(a[0]?.readingIds.length).toBe(11); // HBPM protocol: 7-day window, first day discarded (§2.3)
    expect(a[0]?.values.meanSbp).toBe(150);
    expect(
      evaluateAlerts({
        ...base,
        readings: rs,
        previous: [{ kind: 'sustained-above-target', raisedAt: '2026-03-10T08:00:00+08:00' }],
      }),
    ).toEqual([]);
    expect(
      evaluateAlerts({
        ...base,
        readings: rs,
        previous: [{ kind: 'sustained-above-target', raisedAt: '2026-03-09T08:00:00+08:00' }],
      }),
    ).toHaveLength(1);
  });
  it('rapid rise', () => {
    const a = evaluateAlerts({
      ...base,
      target: { sbp: 200, dbp: 200 },
      readings: series(14, (d) => (d <= 3 ? 150 : 125)),
    });
    expect(a.map((x) => x.kind)).toEqual(['rapid-rise']);
    expect(a[0]?.values.deltaSbp).toBe(25);
  });
  it('missed measurements and readings after now are ignored', () => {
    const rs = series(14, () => 125).filter((r) => Date.parse(r.time) < Date.parse(NOW) - 3 * 86_400_000);
    rs.push({ id: 'future', time: '2026-03-12T08:00:00+08:00', sbp: 125, dbp: 80 });
    const a = evaluateAlerts({ ...base, readings: rs });
    expect(a.map((x) => x.kind)).toEqual(['missed-measurements']);
    expect(evaluateAlerts({ ...base, readings: [] })[0]?.display.en).toBe('No BP readings yet');
  });
});
