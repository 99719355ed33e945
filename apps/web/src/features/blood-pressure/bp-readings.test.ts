import { describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import {
  HOME_WINDOWS,
  THRESHOLDS,
  extractVitals,
  isHigh,
  morningEvening,
  phenotypeVerdict,
} from './bp-readings.ts';

describe('the BP tab windows (decision 0012: one pair)', () => {
  it('sort readings into morning 04:00–12:00 and evening 18:00–04:00 (the engine’s, via the contract)', () => {
    expect(HOME_WINDOWS).toEqual({ morning: ['04:00', '12:00'], evening: ['18:00', '04:00'] });
  });
});

const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const mmHg = (value: number) => ({
  value,
  unit: 'mmHg',
  system: 'http://unitsofmeasure.org',
  code: 'mm[Hg]',
});

function bpObs(id: string, time: string, sbp: number, dbp: number, panel = '85354-9'): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: loinc(panel),
    effectiveDateTime: time,
    component: [
      { code: loinc('8480-6'), valueQuantity: mmHg(sbp) },
      { code: loinc('8462-4'), valueQuantity: mmHg(dbp) },
    ],
  };
}

describe('extractVitals', () => {
  it('a reading remembered in a consultation (time not known) is never a chart point nor the latest (issue 20)', () => {
    const remembered: Observation = {
      ...bpObs('r', '2026-01-17T15:27:00+08:00', 150, 95),
      status: 'preliminary',
      meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] },
    };
    const { bp } = extractVitals([bpObs('a', '2026-01-16T07:00:00+08:00', 128, 82), remembered]);
    expect(bp.map((p) => p.id)).toEqual(['a']);
  });
  it('reads the REFERENCE §8.3 example and the older 55284-4 panel, sorted by time', () => {
    const hr: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: loinc('8867-4'),
      effectiveDateTime: '2026-01-15T09:30:00+08:00',
      valueQuantity: { value: 72, unit: '/min' },
    };
    const { bp, hr: rates } = extractVitals([
      bpObs('b', '2026-01-16T20:00:00+08:00', 130, 80, '55284-4'),
      bpObs('a', '2026-01-15T09:30:00+08:00', 142, 88),
      hr,
      { ...bpObs('x', '2026-01-17T08:00:00+08:00', 200, 120), status: 'entered-in-error' },
    ]);
    expect(bp.map((p) => [p.id, p.sbp, p.dbp])).toEqual([
      ['a', 142, 88],
      ['b', 130, 80],
    ]);
    expect(bp[0]?.heartRate).toBe(72);
    expect(rates.map((r) => r.value)).toEqual([72]);
  });

  it('skips panels missing a component', () => {
    const o = bpObs('a', '2026-01-15T09:30:00+08:00', 142, 88);
    o.component = o.component?.slice(0, 1);
    expect(extractVitals([o]).bp).toEqual([]);
  });
});

describe('morningEvening', () => {
  it('splits by the local clock in the named zone (04–12 morning, 18–04 evening)', () => {
    const { bp } = extractVitals([
      bpObs('m1', '2026-01-15T07:00:00+08:00', 140, 90),
      bpObs('m2', '2026-01-16T11:59:00+08:00', 130, 80),
      bpObs('d', '2026-01-16T14:00:00+08:00', 200, 100),
      bpObs('e1', '2026-01-16T22:00:00+08:00', 120, 70),
      bpObs('e2', '2026-01-17T02:00:00+08:00', 124, 74),
    ]);
    const split = morningEvening(bp, 'Asia/Shanghai');
    expect(split.morning).toMatchObject({ n: 2, sbp: 135, dbp: 85 });
    expect(split.evening).toMatchObject({ n: 2, sbp: 122, dbp: 72 });
    expect(split.unplaced).toBe(0);
  });
  it('buckets a UTC-written reading by its hour in the zone the server names, never a fixed UTC+8', () => {
    // 13:00Z = 21:00 in Shanghai (evening), 08:00 in New York (morning, EST in January).
    const { bp } = extractVitals([bpObs('z', '2026-01-15T13:00:00Z', 150, 95)]);
    expect(morningEvening(bp, 'Asia/Shanghai')).toMatchObject({ morning: { n: 0 }, evening: { n: 1 } });
    expect(morningEvening(bp, 'America/New_York')).toMatchObject({ morning: { n: 1 }, evening: { n: 0 } });
    // No zone, or one the runtime does not know: not placed at all (no guessed offset).
    for (const zone of [undefined, 'Not/AZone'])
      expect(morningEvening(bp, zone)).toMatchObject({ morning: { n: 0 }, evening: { n: 0 }, unplaced: 1 });
  });
  it('a reading written without an offset keeps its own clock', () => {
    const { bp } = extractVitals([bpObs('f', '2026-01-15T07:10:00', 150, 95)]);
    expect(morningEvening(bp, undefined)).toMatchObject({ morning: { n: 1 }, unplaced: 0 });
  });
});

describe('THRESHOLDS', () => {
  it('match REFERENCE §2.1/§2.2 rows', () => {
    expect(THRESHOLDS['acc-aha-2017']).toEqual({
      office: { sbp: 130, dbp: 80 },
      home: { sbp: 130, dbp: 80 },
    });
    expect(THRESHOLDS['esh-2023'].home).toEqual({ sbp: 135, dbp: 85 });
    expect(THRESHOLDS['china-2018'].office).toEqual({ sbp: 140, dbp: 90 });
    // "and/or": one component at threshold is enough (REFERENCE conventions).
    expect(isHigh({ sbp: 120, dbp: 85 }, THRESHOLDS['esh-2023'].home)).toBe(true);
    expect(isHigh({ sbp: 134, dbp: 84 }, THRESHOLDS['esh-2023'].home)).toBe(false);
  });
});

describe('phenotypeVerdict: a tile never says "uncontrolled" and "at target" at once (issue 17 item 5)', () => {
  it.each([
    ['uncontrolled-hypertension', true, undefined, 'at-target'],
    ['masked-uncontrolled-hypertension', true, undefined, 'at-target'],
    ['controlled-hypertension', false, undefined, 'above-target'],
    ['uncontrolled-hypertension', false, 'uncontrolled-hypertension', 'above-target'],
    ['controlled-hypertension', true, 'controlled-hypertension', 'at-target'],
    ['white-coat-effect', true, 'white-coat-effect', 'at-target'],
    ['sustained-hypertension', undefined, 'sustained-hypertension', undefined],
  ] as const)('%s with target met %s', (phenotype, met, shown, verdict) => {
    const v = phenotypeVerdict(phenotype, met);
    expect(v.phenotype).toBe(shown);
    expect(v.verdict).toBe(verdict);
    expect(v.verdict === 'at-target' && /uncontrolled/.test(v.phenotype ?? '')).toBe(false);
  });
});
