import { describe, expect, it } from 'vitest';
import { assessHomeSeries, classifyPhenotype, ingest } from '@qihuang/engines/blood-pressure';
import { generateHomeBpSeries, HOME_BP_PROFILES, mulberry32 } from './home-bp-series.ts';

const opts = { patientId: 'demo-1', seed: 7, endDate: '2026-03-31' } as const;

describe('synthetic home BP series', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = generateHomeBpSeries({ ...opts, profile: 'controlled' });
    const b = generateHomeBpSeries({ ...opts, profile: 'controlled' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(
      generateHomeBpSeries({ ...opts, seed: 8, profile: 'controlled' }).readings[0]?.sbp,
    ).not.toBeUndefined();
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
  it('60 days × morning/evening × 2 readings, with heart rate, as FHIR BP + HR Observations', () => {
    const s = generateHomeBpSeries({ ...opts, profile: 'controlled' });
    expect(s.synthetic).toBe(true);
    expect(s.readings).toHaveLength(240);
    expect(s.observations).toHaveLength(480);
    expect(s.observations[0]?.code.coding?.[0]?.code).toBe('85354-9');
    expect(s.readings.at(-1)?.time.startsWith('2026-03-31T21:')).toBe(true);
  });
  // IT trial item 3: seeded at 13:27 Shanghai, the evening readings of the same day lay hours in the future and
  // the chart showed them as the latest values. Generated readings never lie after the clock passed in.
  it.each([
    ['13:27 Shanghai (05:27Z): this morning is the last occasion', '2026-03-31T05:27:00Z', '2026-03-31T07:'],
    ['06:00 Shanghai (22:00Z the day before): last evening is', '2026-03-30T22:00:00Z', '2026-03-30T21:'],
    ['23:30 Shanghai: this evening is', '2026-03-31T15:30:00Z', '2026-03-31T21:'],
  ])('with `now` at %s', (_label, now, lastLocal) => {
    for (const profile of HOME_BP_PROFILES) {
      const s = generateHomeBpSeries({ patientId: 'demo-1', seed: 7, profile, now, days: 30 });
      expect(s.readings.length).toBeGreaterThan(100);
      const future = s.readings.filter((r) => Date.parse(r.time) > Date.parse(now));
      expect(future.map((r) => r.time)).toEqual([]);
      expect(s.readings.at(-1)?.time.startsWith(lastLocal), s.readings.at(-1)?.time).toBe(true);
    }
  });
  it('re-ingesting the generated Observations yields the same reading ids (idempotent)', () => {
    const s = generateHomeBpSeries({ ...opts, profile: 'uncontrolled', days: 10 });
    const back = ingest(
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: s.observations.map((resource) => ({ resource })),
      }),
      { now: '2026-04-01T00:00:00Z' },
    );
    expect(back.rejected).toBe(0);
    expect(back.readings.map((r) => r.id)).toEqual(s.readings.map((r) => r.id));
    expect(back.readings.every((r) => r.heartRate !== undefined)).toBe(true);
  });
  it.each([
    ['controlled', 'sustained-normotension'],
    ['uncontrolled', 'sustained-hypertension'],
    ['white-coat', 'white-coat-hypertension'],
    ['masked', 'masked-hypertension'],
  ] as const)('profile %s looks like %s under China 2018', (profile, phenotype) => {
    const s = generateHomeBpSeries({ ...opts, profile });
    const a = assessHomeSeries({
      readings: s.readings,
      guideline: 'china-2018',
      now: '2026-03-31T23:30:00+08:00',
      utcOffsetMinutes: 480,
      office: s.office,
    });
    expect(a.phenotype?.phenotype).toBe(phenotype);
    expect(
      classifyPhenotype({ guideline: 'china-2018', treated: false, office: s.office, home: a.hbpm.mean! })
        .phenotype,
    ).toBe(phenotype);
  });
  it('crisis-episode raises a crisis alert', () => {
    const s = generateHomeBpSeries({ ...opts, profile: 'crisis-episode' });
    const a = assessHomeSeries({
      readings: s.readings,
      guideline: 'china-2018',
      now: '2026-03-30T23:30:00+08:00',
      utcOffsetMinutes: 480,
    });
    expect(a.alerts.map((x) => x.kind)).toContain('crisis');
    expect(HOME_BP_PROFILES).toHaveLength(5);
  });
});
