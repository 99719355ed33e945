import { describe, expect, it } from 'vitest';
import { analyseAbpm } from './abpm-analysis.ts';

const NOW = '2026-03-10T04:00:00Z';

/** 24 h every 30 min from 12:00 China time, written in UTC (Z): day 146/92, night 120/74, else 135/85. */
export function abpmRows(): { time: string; sbp: number; dbp: number }[] {
  const start = Date.parse('2026-03-08T04:00:00Z');
  return Array.from({ length: 48 }, (_, i) => {
    const ms = start + i * 30 * 60_000;
    const hour = (new Date(ms).getUTCHours() + 8) % 24; // China local hour
    const [sbp, dbp] = hour >= 10 && hour < 20 ? [146, 92] : hour < 6 ? [120, 74] : [135, 85];
    return { time: new Date(ms).toISOString(), sbp, dbp };
  });
}

export function abpmCsv(): string {
  return [
    'time,sbp,dbp,unit,heart_rate,device_id',
    ...abpmRows().map((r) => `${r.time},${r.sbp},${r.dbp},mmHg,70,abpm-1`),
  ].join('\n');
}

export function abpmFhir(marked = true): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: abpmRows().map((r, i) => ({
      resource: {
        resourceType: 'Observation',
        id: `a${i}`,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        ...(marked ? { method: { coding: [{ system: 'http://snomed.info/sct', code: '164783007' }] } } : {}),
        effectiveDateTime: r.time,
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: {
              value: r.sbp,
              unit: 'mmHg',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: {
              value: r.dbp,
              unit: 'mmHg',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
        ],
      },
    })),
  });
}

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
});
