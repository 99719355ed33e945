import { describe, expect, it } from 'vitest';
import { timelinessFigures } from './alert-timeliness.ts';

const d = (median: number, within: number) => ({
  count: 1,
  medianMinutes: median,
  p90Minutes: median,
  withinTargetPercent: within,
});

describe('inbox timeliness headline (tester finding 4)', () => {
  it('leads with alert → acknowledgement, reading → alert beside it, never reading → closing', () => {
    const f = timelinessFigures({
      alerts: 1,
      closed: 1,
      targetMinutes: 15,
      openPastTarget: 0,
      readingToClose: d(5591.5, 0),
      alertToClose: d(2.2, 100),
      readingToAlert: d(5589.3, 0),
      alertToAcknowledge: d(2.2, 100),
    });
    expect(f.headline).toMatchObject({ medianMinutes: 2.2, withinTargetPercent: 100 });
    expect(f.readingToAlert).toMatchObject({ medianMinutes: 5589.3 });
  });

  it('with the older answer: alert → closing is the headline and no reading → alert is claimed', () => {
    const f = timelinessFigures({
      alerts: 2,
      closed: 1,
      targetMinutes: 15,
      openPastTarget: 1,
      headline: 'readingToClose',
      readingToClose: d(5591.5, 0),
      alertToClose: d(2.2, 100),
    });
    expect(f.headline?.medianMinutes).toBe(2.2);
    expect(f.readingToAlert).toBeUndefined();
    expect(f).toMatchObject({ alerts: 2, closed: 1, overdue: 1, targetMinutes: 15 });
  });
});
