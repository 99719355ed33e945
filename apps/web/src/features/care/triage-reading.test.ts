/** The clinician's triage line never shows a withdrawn reading as current (issue 20, decision 0020). */
import { describe, expect, it } from 'vitest';
import { triageReading } from './triage-reading.ts';

const crisis = { id: 'bp-1', sbp: 185, dbp: 122, time: '2026-12-08T06:29:00+08:00' };

describe('the triage line’s reading', () => {
  it('a reading that stands: shown as it is', () => {
    expect(triageReading({ crisisReading: crisis }, undefined)).toEqual({
      sbp: 185,
      dbp: 122,
      withdrawn: false,
    });
  });

  it('withdrawn: marked, with the latest reading that stands (the try: “血压 185/122” unmarked)', () => {
    expect(
      triageReading(
        { crisisReading: crisis, crisisReadingWithdrawn: true },
        { sbp: 150, dbp: 92, time: '2026-12-08T06:33:00+08:00' },
      ),
    ).toEqual({
      sbp: 185,
      dbp: 122,
      withdrawn: true,
      latest: { sbp: 150, dbp: 92, time: '2026-12-08T06:33:00+08:00' },
    });
  });

  it('withdrawn and no reading since: marked, no latest', () => {
    expect(triageReading({ crisisReading: crisis, crisisReadingWithdrawn: true }, undefined)).toEqual({
      sbp: 185,
      dbp: 122,
      withdrawn: true,
    });
  });

  it('a latest mean with decimals is shown in whole mmHg like every other reading', () => {
    expect(
      triageReading(
        { crisisReading: crisis, crisisReadingWithdrawn: true },
        { sbp: 150.4, dbp: 91.6, time: 't' },
      )?.latest,
    ).toEqual({ sbp: 150, dbp: 92, time: 't' });
  });

  it('no reading quoted: nothing', () => {
    expect(triageReading({}, undefined)).toBeUndefined();
  });
});
