import { describe, expect, it } from 'vitest';
import { reportedBadge } from './reported-badge.ts';

const ver = (code: string) => ({ verificationStatus: { coding: [{ system: 'x', code }] } });

describe('reportedBadge (issue 20)', () => {
  it('marks an unconfirmed or patient-written allergy, and a rejected one', () => {
    expect(reportedBadge(ver('unconfirmed'))).toBe('unconfirmed');
    expect(reportedBadge(ver('refuted'))).toBe('rejected');
    expect(reportedBadge(ver('entered-in-error'))).toBe('rejected');
    expect(reportedBadge({ meta: { tag: [{ system: 'urn:qihuang:recorded-by', code: 'patient' }] } })).toBe(
      'unconfirmed',
    );
  });

  it('no badge for a confirmed or a clinician-recorded allergy', () => {
    expect(reportedBadge(ver('confirmed'))).toBeUndefined();
    expect(reportedBadge({})).toBeUndefined();
  });
});
