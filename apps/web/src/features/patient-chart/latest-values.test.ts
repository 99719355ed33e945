import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { crisisBeside, latestPerCode, latestValueText } from './latest-values.ts';

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
  it('a reading withdrawn as entered in error is never the latest value (decision 0020; a try saw it stay)', () => {
    const wrong = { ...bp('duplicate', '2026-12-07T09:00:00Z'), status: 'entered-in-error' as const };
    const out = latestPerCode([wrong, bp('kept', '2026-12-07T08:00:00Z')]);
    expect(out.map((o) => o.id)).toEqual(['kept']);
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

describe('a crisis reading beside the latest BP (issue 20 item 1)', () => {
  const panel = (id: string, time: string, sbp: number, dbp: number): Observation => ({
    ...bp(id, time),
    component: [
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: sbp } },
      { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: dbp } },
    ],
  });
  const now = '2026-12-07T10:40:00Z';
  it('a normal latest reading one minute after a crisis one does not hide it', () => {
    const obs = [panel('n', '2026-12-07T10:35:00Z', 118, 76), panel('c', '2026-12-07T10:34:00Z', 192, 126)];
    expect(crisisBeside(obs, obs[0]!, now)?.id).toBe('c');
  });
  it('none when the latest is itself the crisis, or the crisis is older than the alert window', () => {
    const crisisLatest = [panel('c', '2026-12-07T10:34:00Z', 192, 126)];
    expect(crisisBeside(crisisLatest, crisisLatest[0]!, now)).toBeUndefined();
    const old = [panel('n', '2026-12-07T10:35:00Z', 118, 76), panel('c', '2026-10-01T10:34:00Z', 192, 126)];
    expect(crisisBeside(old, old[0]!, now)).toBeUndefined();
  });
  it('180/120 exactly is not crisis (strict >180/>120)', () => {
    const obs = [panel('n', '2026-12-07T10:35:00Z', 118, 76), panel('b', '2026-12-07T10:34:00Z', 180, 120)];
    expect(crisisBeside(obs, obs[0]!, now)).toBeUndefined();
  });
});
