/**
 * Issue 20 (non-author try): an emergency reported in the consultation read "测量值：1 次测量" — as if a device had
 * measured it. A consultation report is worded as such; a reading alert counts its readings.
 */
import { describe, expect, it } from 'vitest';
import { evidenceLine } from './alert-evidence.ts';

describe('evidenceLine', () => {
  it('a consultation report is no measurement count', () => {
    const report = { label: 'alertDue.source', key: 'alertDue.consultationReport' };
    expect(evidenceLine({ kind: 'reported-emergency' }, 1)).toEqual(report);
    expect(evidenceLine({ kind: 'reported-urgent' }, 0)).toEqual(report);
  });
  it('a reading alert counts its readings', () => {
    expect(evidenceLine({ kind: 'crisis' }, 8)).toEqual({
      label: 'alerts.readings',
      key: 'bp.readings',
      count: 8,
    });
  });
});
