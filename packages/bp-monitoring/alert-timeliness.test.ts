/**
 * The timeliness report's statistics (issue 17 item 3). The report over real alerts, reading → closing:
 * apps/server/api-tests/bp-monitoring/alert-loop.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { durations, percentile } from './alert-timeliness.ts';

describe('timeliness statistics', () => {
  it('nearest-rank median and p90, share within target', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
    expect(durations([12, 3, 40, 9], 10)).toEqual({
      count: 4,
      medianMinutes: 9,
      p90Minutes: 40,
      withinTargetPercent: 50,
    });
  });
});
