import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { latestPerCode, latestValueText } from './latest-values.ts';

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

describe('latest value text (issue 20 item 4: one unit formatter for every viewer)', () => {
  const hr: Observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    valueQuantity: { value: 87, unit: 'beats/minute' },
  };
  it('a heart rate reads "87 次/分" on a zh screen and "87 beats/min" on an en screen', () => {
    expect(latestValueText(hr, 'zh-CN')).toBe('87 次/分');
    expect(latestValueText(hr, 'en')).toBe('87 beats/min');
  });
  it('a BP panel reads systolic/diastolic mmHg', () => {
    const panel: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      component: [
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 150 } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 95 } },
      ],
    };
    expect(latestValueText(panel, 'zh-CN')).toBe('150/95 mmHg');
  });
});
