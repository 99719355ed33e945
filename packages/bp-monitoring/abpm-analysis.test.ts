import { describe, expect, it } from 'vitest';
import { analyseAbpm } from './abpm-analysis.ts';
import { abpmCsv, abpmFhir } from './test-support/abpm-fixtures.ts';

const NOW = '2026-03-10T04:00:00Z';

describe('ABPM intake into the engine (issue 17 item 6)', () => {
  const options = { now: NOW, patientId: 'p', guideline: 'esh-2023' as const, utcOffsetMinutes: 480 };

  it('CSV in UTC is bucketed day/night in China time; day 146/92 is high (≥135/85, REFERENCE §2.2)', () => {
    const r = analyseAbpm(abpmCsv(), options);
    expect(r.readings).toBe(48);
    expect(r.summary.day.mean).toEqual({ sbp: 146, dbp: 92 });
    expect(r.summary.night.mean).toEqual({ sbp: 120, dbp: 74 });
    expect(r.summary.day.high).toBe(true);
    // (146 − 120) / 146 = 17.8 %: dipper (REFERENCE §2.4 10–20 %)
    expect(r.summary.dipping?.dippingClass).toBe('dipper');
    expect(r.summary.dipping?.dipPercent).toBeCloseTo(17.8, 1);
    expect(r.guidelineName).toBe('ESH 2023');
    expect(JSON.stringify(r.sources)).not.toMatch(/REFERENCE|UNVERIFIED/);
  });

  it('bucketed by UTC hour instead, the same recording would have no night readings', () => {
    const r = analyseAbpm(abpmCsv(), { ...options, utcOffsetMinutes: 0 });
    expect(r.summary.night.mean).not.toEqual({ sbp: 120, dbp: 74 });
  });

  it('FHIR Observations marked ambulatory give the same summary; unmarked ones are refused', () => {
    expect(analyseAbpm(abpmFhir(), options).summary.dipping?.dippingClass).toBe('dipper');
    expect(() => analyseAbpm(abpmFhir(false), options)).toThrow(/marked as 24-hour ambulatory/);
  });

  it('with a normal office visit, high ambulatory BP is masked hypertension (REFERENCE §2.5)', () => {
    const r = analyseAbpm(abpmCsv(), { ...options, office: { sbp: 132, dbp: 82 }, treated: false });
    expect(r.phenotype?.phenotype).toBe('masked-hypertension');
  });

  it('refuses a file with no valid readings', () => {
    expect(() => analyseAbpm('time,sbp,dbp\nx,y,z', options)).toThrow();
    expect(() => analyseAbpm('{not json', options)).toThrow(/neither CSV nor valid JSON/);
  });

  it.each([
    'null',
    '[null]',
    '42',
    '"text"',
    '[1, 2]',
    '{"resourceType":"Bundle","entry":[null, 3]}',
    'null\nnull',
  ])('refuses JSON that is not resources (%s) as bad input, never a crash', (body) => {
    let error: unknown;
    try {
      analyseAbpm(body, options);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-input' });
  });
});
