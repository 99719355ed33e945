import { describe, expect, it } from 'vitest';
import { readingObservation } from './bp.ts';

describe('the patient page reading (issue 20)', () => {
  it('carries its idempotency key as the Observation identifier, so two saves in one minute are two readings', () => {
    const time = '2026-03-10T19:30:15+08:00';
    const a = readingObservation('p1', { sbp: 192, dbp: 126, time, key: 'k-1' });
    const b = readingObservation('p1', { sbp: 118, dbp: 76, time, key: 'k-2' });
    expect(a.identifier).toEqual([{ system: 'urn:qihuang:patient-entry', value: 'k-1' }]);
    expect(b.identifier?.[0]?.value).toBe('k-2');
    expect(a.effectiveDateTime).toBe(time);
    expect('identifier' in readingObservation('p1', { sbp: 120, dbp: 80, time })).toBe(false);
  });
});
