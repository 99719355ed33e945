import { describe, expect, it } from 'vitest';
import { dailyReport } from './daily-report.ts';
import type { ReviewRecord } from './review-state.ts';

const at = '2026-06-01T09:00:00Z';
const rec = (state: ReviewRecord['state'], severities: ('info' | 'warning' | 'critical')[], when = at) =>
  ({
    state,
    at: when,
    findings: severities.map((severity, i) => ({
      id: `f${i}`,
      type: i % 2 ? 'dose' : 'interaction',
      severity,
    })),
  }) as ReviewRecord;

describe('dailyReport', () => {
  it('counts volume, findings by type/severity, return and override rates for that day only', () => {
    const report = dailyReport('2026-06-01', [
      rec('approved', ['critical', 'warning']), // flagged, overridden
      rec('approved', ['info']), // not flagged
      rec('returned', ['warning']), // flagged, returned
      rec('returned', []),
      rec('approved', ['critical'], '2026-05-31T23:59:59Z'), // other day
      rec('pending', ['critical']), // not reviewed
    ]);
    expect(report).toEqual({
      date: '2026-06-01',
      reviewed: 4,
      approved: 2,
      returned: 2,
      returnRate: 0.5,
      flagged: 2,
      overridden: 1,
      overrideRate: 0.5,
      overrideReasons: 0,
      overridesWithoutReason: 2,
      findings: {
        total: 4,
        bySeverity: { info: 1, warning: 2, critical: 1 },
        byType: [
          { type: 'interaction', total: 3, info: 1, warning: 1, critical: 1 },
          { type: 'dose', total: 1, info: 0, warning: 1, critical: 0 },
        ],
      },
    });
  });

  it('counts the hospital day (Asia/Shanghai 2026-06-01 = 2026-05-31T16:00Z … 2026-06-01T16:00Z)', () => {
    const bounds = { start: new Date('2026-05-31T16:00:00Z'), end: new Date('2026-06-01T16:00:00Z') };
    const withReason = { ...rec('approved', ['critical']), at: '2026-05-31T17:00:00Z' };
    withReason.findings[0]!.override = 'renal team agrees';
    const report = dailyReport(
      '2026-06-01',
      [withReason, rec('returned', [], '2026-06-01T15:59:59Z'), rec('approved', [], '2026-06-01T16:00:00Z')],
      bounds,
    );
    expect(report).toMatchObject({ reviewed: 2, approved: 1, overridden: 1, overrideReasons: 1 });
  });

  it('gives zero rates for an empty day', () => {
    expect(dailyReport('2026-06-02', [])).toMatchObject({ reviewed: 0, returnRate: 0, overrideRate: 0 });
  });
});
