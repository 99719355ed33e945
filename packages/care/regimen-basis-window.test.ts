/**
 * Decision 0027 (issue 20): the treatment proposal of a treated patient judged the regimen on a home mean of the 7
 * days ending on the *latest reading* — a month-old week, or a window other than the one every screen shows. The
 * proposal's home BP is now the one current home average (7 local days ending today, the first day with readings
 * discarded — ESH 2023 / China 2018 home BP monitoring, REFERENCE §2.3) of the readings taken on the regimen.
 */
import { describe, expect, it } from 'vitest';
import type { ClinicalContext } from './clinical.ts';
import { bpBasis } from './regimen-basis.ts';

const NOW = '2026-03-10T04:00:00Z'; // 12:00 in Shanghai: today is 2026-03-10
const SHANGHAI = 480;

function chart(days: [string, number, number][]): ClinicalContext {
  const series = days.flatMap(([d, sbp, dbp]) =>
    ['07:00', '20:00'].map((clock) => ({
      time: `${d}T${clock}:00+08:00`,
      sbp,
      dbp,
      setting: 'home' as const,
    })),
  );
  return { report: { series } } as unknown as ClinicalContext;
}

describe('the proposal’s home BP is the one current home average', () => {
  it('the last reading 3 days ago: the window still closes today (03-04 – 03-10), its first day 03-04 discarded', () => {
    const c = chart([
      ['2026-03-02', 125, 78],
      ['2026-03-03', 170, 100], // in a window closing on the last reading (03-01 – 03-07), not in today's
      ['2026-03-04', 125, 78], // today's window's first day with readings: discarded
      ['2026-03-05', 125, 78],
      ['2026-03-06', 125, 78],
      ['2026-03-07', 125, 78],
    ]);
    const b = bpBasis(c, 'china-2018', SHANGHAI, NOW)!;
    expect(b.source).toBe('home');
    expect(b.bp).toEqual({ sbp: 125, dbp: 78 });
    expect(b.sufficient).toBe(true); // 3 days (REFERENCE §2.3: ≥12 readings or ≥3 days)
    expect(b.from).toBe('2026-03-04T23:00:00.000Z'); // 03-05 07:00 Shanghai
  });

  it('a week that ended a month ago is no current home average', () => {
    const c = chart(['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04'].map((d) => [d, 150, 95]));
    expect(bpBasis(c, 'china-2018', SHANGHAI, NOW)).toBeUndefined();
  });

  it('134.6 stays 134.6 (exact): the engine judges the target on it', () => {
    const c = chart([
      ['2026-03-04', 170, 100],
      ...[134, 135, 135, 134, 135].map((sbp, i): [string, number, number] => [`2026-03-0${5 + i}`, sbp, 84]),
    ]);
    expect(bpBasis(c, 'china-2018', SHANGHAI, NOW)!.bp.sbp).toBeCloseTo(134.6, 6);
  });
});
