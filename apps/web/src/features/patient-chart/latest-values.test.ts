import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { latestPerCode } from './latest-values.ts';

const bp = (id: string, time: string, remembered = false): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  effectiveDateTime: time,
  ...(remembered ? { meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] } } : {}),
});

describe('latest value per code on the chart', () => {
  it('a BP remembered in a consultation (time not known) is never the latest value', () => {
    const out = latestPerCode([
      bp('told', '2026-12-07T08:34:23Z', true),
      bp('measured', '2026-12-07T08:32:00Z'),
    ]);
    expect(out.map((o) => o.id)).toEqual(['measured']);
  });
  it('one observation per code, newest first', () => {
    const out = latestPerCode([bp('a', '2026-12-07T09:00:00Z'), bp('b', '2026-12-07T08:00:00Z')]);
    expect(out.map((o) => o.id)).toEqual(['a']);
  });
});
