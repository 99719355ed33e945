/**
 * HBPM days with a per-instant zone offset (daylight saving time): readings at 23:30 and 00:30 New York time in
 * EST, summarised on a day in EDT, land on different local days; one offset taken at `now` (EDT) would put both
 * on the same day (issue 17 item 4).
 */
import { describe, expect, it } from 'vitest';
import { summarizeHbpm } from './hbpm.ts';
import { evaluateAlerts } from './alerts.ts';
import type { BpReading } from './types.ts';

const TIMES = ['2026-03-05T04:30:00Z', '2026-03-05T05:30:00Z', '2026-03-06T04:30:00Z', '2026-03-06T05:30:00Z', '2026-03-07T04:30:00Z', '2026-03-07T05:30:00Z']; // prettier-ignore
const readings: BpReading[] = TIMES.map((time, i) => ({ id: `r${i}`, time, sbp: 150, dbp: 95 }));
/** New York: EST (−300) before 2026-03-08T07:00Z, EDT (−240) after (US rule, second Sunday of March). */
const newYork = (ms: number) => (ms < Date.parse('2026-03-08T07:00:00Z') ? -300 : -240);

describe('HBPM local days with a per-instant offset', () => {
  it('23:30 and 00:30 EST are two days; a fixed EDT offset merges them', () => {
    const opts = { guideline: 'china-2018' as const, endDate: '2026-03-10' };
    const perReading = summarizeHbpm(readings, { ...opts, utcOffsetMinutes: -240, offsetAt: newYork });
    expect(perReading.daysUsed).toBe(3); // 4 days (4–7 March), the first discarded (REFERENCE §2.3)
    expect(perReading.sufficient).toBe(true);
    const fixed = summarizeHbpm(readings, { ...opts, utcOffsetMinutes: -240 });
    expect(fixed.daysUsed).toBe(2);
    expect(fixed.sufficient).toBe(false);
    const shanghai = summarizeHbpm(readings, { ...opts, utcOffsetMinutes: 480 });
    expect(shanghai.sufficient).toBe(false);
  });

  it('the sustained alert follows (window ends on the local day of now)', () => {
    const input = {
      readings,
      now: '2026-03-10T16:00:00Z',
      target: { sbp: 135, dbp: 85 },
      guideline: 'china-2018' as const,
    };
    const kinds = (a: { kind: string }[]) => a.map((x) => x.kind);
    expect(kinds(evaluateAlerts({ ...input, utcOffsetMinutes: -240, offsetAt: newYork }))).toContain(
      'sustained-above-target',
    );
    expect(kinds(evaluateAlerts({ ...input, utcOffsetMinutes: -240 }))).not.toContain(
      'sustained-above-target',
    );
  });
});
