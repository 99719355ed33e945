import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { ingest, detectFormat } from './ingest.ts';
import { kpaToMmHg } from './plausibility.ts';
import { toFhirBpObservation, toFhirHeartRateObservation } from './to-fhir.ts';

const NOW = '2026-01-10T00:00:00Z';
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

function bpObs(
  sbp: number | undefined,
  dbp: number | undefined,
  time = '2026-01-02T07:05:00+08:00',
  extra: Record<string, unknown> = {},
) {
  const comp = (code: string, value: number | undefined, unit = 'mm[Hg]') =>
    value === undefined
      ? []
      : [
          {
            code: { coding: [{ system: 'http://loinc.org', code }] },
            valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: unit },
          },
        ];
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: 'Patient/p1' },
    device: { reference: 'Device/cuff-1' },
    effectiveDateTime: time,
    component: [...comp('8480-6', sbp), ...comp('8462-4', dbp)],
    ...extra,
  };
}
const bundle = (resources: unknown[]) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  });

describe('FHIR ingestion', () => {
  it('Bundle with BP panel, older panel 55284-4 and heart rate 8867-4', () => {
    const old = {
      ...bpObs(140, 90, '2026-01-02T21:00:00+08:00'),
      code: { coding: [{ system: 'http://loinc.org', code: '55284-4' }] },
    };
    const hr = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      effectiveDateTime: '2026-01-02T07:05:30+08:00',
      valueQuantity: { value: 66, code: '/min' },
    };
    const res = ingest(bundle([bpObs(130, 85), old, hr]), { now: NOW });
    expect(res.format).toBe('fhir');
    expect(res.accepted).toBe(2);
    expect(res.readings[0]).toMatchObject({
      sbp: 130,
      dbp: 85,
      heartRate: 66,
      deviceId: 'Device/cuff-1',
      patientId: 'Patient/p1',
    });
    expect(res.readings[1]).toMatchObject({ sbp: 140, dbp: 90 });
    expect(res.records[2]).toMatchObject({ status: 'heart-rate', attachedTo: res.readings[0]?.id });
  });
  it('NDJSON and a single resource', () => {
    const nd = [bpObs(120, 80), bpObs(121, 81, '2026-01-03T07:00:00+08:00')]
      .map((o) => JSON.stringify(o))
      .join('\n');
    expect(detectFormat(nd)).toBe('ndjson');
    expect(ingest(nd, { now: NOW }).accepted).toBe(2);
    expect(ingest(JSON.stringify(bpObs(120, 80)), { now: NOW }).accepted).toBe(1);
  });
  it('kPa components are converted to mmHg', () => {
    const o = bpObs(undefined, undefined);
    o.component = [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: 16, unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: 10.7, unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' },
      },
    ];
    expect(ingest(JSON.stringify(o), { now: NOW }).readings[0]).toMatchObject({ sbp: 120, dbp: 80.3 });
  });
  it('a batch with one bad record gives per-record results', () => {
    const res = ingest(
      bundle([
        bpObs(130, 85),
        bpObs(80, 95, '2026-01-03T07:00:00+08:00'),
        bpObs(125, 82, '2026-01-04T07:00:00+08:00'),
      ]),
      { now: NOW },
    );
    expect(res.records.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(res.records[1]).toMatchObject({ index: 2, code: 'dbp-not-below-sbp' });
    expect(res.rejected).toBe(1);
  });
});

describe('plausibility rules', () => {
  const one = (o: unknown) => ingest(JSON.stringify(o), { now: NOW }).records[0];
  it.each([
    ['implausible SBP', bpObs(320, 80), 'implausible'],
    ['implausible DBP', bpObs(120, 10), 'implausible'],
    ['DBP ≥ SBP', bpObs(100, 100), 'dbp-not-below-sbp'],
    ['future time', bpObs(120, 80, '2026-02-01T07:00:00+08:00'), 'future-time'],
    ['missing component', bpObs(120, undefined), 'missing-value'],
    ['missing time', bpObs(120, 80, ''), 'missing-time'],
    [
      'bad unit',
      {
        ...bpObs(120, 80),
        component: [
          { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 120, code: 'cm[H2O]' } },
        ],
      },
      'bad-unit',
    ],
    ['entered in error', { ...bpObs(120, 80), status: 'entered-in-error' }, 'not-a-reading'],
    [
      'unsupported code',
      { ...bpObs(120, 80), code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] } },
      'unsupported',
    ],
  ])('%s', (_n, obs, code) => {
    expect(one(obs)).toMatchObject({ status: 'rejected', code });
  });
  it('re-sync duplicates; other values at the same time are another reading (issue 20)', () => {
    const res = ingest(bundle([bpObs(130, 85), bpObs(130, 85), bpObs(131, 85), bpObs(131, 85)]), {
      now: NOW,
    });
    expect(res.records.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'accepted',
      'duplicate',
      'accepted',
      'duplicate',
    ]);
    expect(new Set(res.readings.map((r) => r.id)).size).toBe(2);
  });
  it('a record id is the identity: the same id with other values conflicts; other ids at one time are two readings', () => {
    const withId = (sbp: number, value: string) => ({
      ...bpObs(sbp, 85),
      identifier: [{ system: 'urn:vendor:record', value }],
    });
    const res = ingest(bundle([withId(130, 'r1'), withId(131, 'r1'), withId(140, 'r2'), withId(130, 'r1')]), {
      now: NOW,
    });
    expect(res.records.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'accepted',
      'conflicting-duplicate',
      'accepted',
      'duplicate',
    ]);
    const again = ingest(bundle([withId(130, 'r1')]), { now: NOW });
    expect(again.readings[0]!.id).toBe(res.readings[0]!.id);
  });
  it('kPa conversion factor (1 mmHg = 133.322387415 Pa)', () => {
    expect(kpaToMmHg(13.332)).toBe(100);
    expect(kpaToMmHg(1)).toBe(7.5);
  });
});

describe('Open mHealth and CSV', () => {
  it('OMH data points: BP plus heart-rate merged', () => {
    const res = ingest(fixture('omh-bp.json'), { now: NOW });
    expect(res.format).toBe('omh');
    expect(res.readings).toHaveLength(1);
    expect(res.readings[0]).toMatchObject({
      sbp: 142,
      dbp: 91,
      heartRate: 77,
      deviceId: 'cuff-2',
      patientId: 'Patient/p2',
    });
  });
  it('OMH bare body, statistic and missing time', () => {
    const body = (extra: object) => ({
      systolic_blood_pressure: { value: 160, unit: 'mmHg' },
      diastolic_blood_pressure: { value: 60, unit: 'mmHg' },
      ...extra,
    });
    const res = ingest(
      JSON.stringify([
        body({ effective_time_frame: { date_time: '2013-02-05T07:25:00Z' } }),
        body({
          descriptive_statistic: 'maximum',
          effective_time_frame: { date_time: '2013-02-05T07:25:00Z' },
        }),
        body({}),
      ]),
      { now: NOW },
    );
    expect(res.records.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'accepted',
      'not-a-reading',
      'missing-time',
    ]);
  });
  it('CSV with kPa row and a non-numeric row', () => {
    const res = ingest(fixture('home-bp.csv'), { now: NOW });
    expect(res.format).toBe('csv');
    expect(res.records.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(res.readings[2]).toMatchObject({ sbp: 138, dbp: 87 });
    expect(res.records[3]).toMatchObject({ index: 4, code: 'malformed' });
  });
  it('CSV per RFC 4180 (the shared reader): BOM, CRLF, quoted fields with commas and line breaks', () => {
    const csv =
      '\uFEFFtime,sbp,dbp,device_id,patient_id\r\n' +
      '2026-01-05T08:00:00+08:00,128,82,"cuff, left arm",p1\r\n' +
      '\r\n' +
      '2026-01-05T20:00:00+08:00,131,84,"cuff\r\n2",p1\r\n';
    const res = ingest(csv, { now: NOW });
    expect(res.format).toBe('csv');
    expect(res.records.map((r) => [r.index, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
    ]);
    expect(res.readings.map((r) => r.deviceId)).toEqual(['cuff, left arm', 'cuff\r\n2']);
  });
  it('property: parsing the same batch twice yields identical identifiers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.integer({ min: 100, max: 200 }),
            d: fc.integer({ min: 50, max: 95 }),
            m: fc.integer({ min: 0, max: 50_000 }),
          }),
          { maxLength: 30 },
        ),
        (rows) => {
          const csv = [
            'time,sbp,dbp,device_id',
            ...rows.map(
              (r) =>
                `${new Date(Date.parse('2025-12-01T00:00:00Z') + r.m * 60_000).toISOString()},${r.s},${r.d},dev`,
            ),
          ].join('\n');
          const a = ingest(csv, { now: NOW });
          const b = ingest(csv, { now: NOW });
          return (
            JSON.stringify(a.readings.map((r) => r.id)) === JSON.stringify(b.readings.map((r) => r.id)) &&
            a.readings.every(
              (r) =>
                toFhirBpObservation(r).identifier?.[0]?.value ===
                toFhirBpObservation(b.readings.find((x) => x.id === r.id)!).identifier?.[0]?.value,
            )
          );
        },
      ),
    );
  });
});

describe('to FHIR', () => {
  it('vital-signs BP panel with UCUM mm[Hg], device and stable identifier; round-trips through ingest', () => {
    const [reading] = ingest(fixture('home-bp.csv'), { now: NOW }).readings;
    const obs = toFhirBpObservation(reading!);
    expect(obs.code.coding?.[0]?.code).toBe('85354-9');
    expect(obs.category?.[0]?.coding?.[0]?.code).toBe('vital-signs');
    expect(obs.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.code])).toEqual([
      ['8480-6', 'mm[Hg]'],
      ['8462-4', 'mm[Hg]'],
    ]);
    expect(obs.subject?.reference).toBe('Patient/p1');
    expect(obs.device).toEqual({ identifier: { value: 'cuff-1' } });
    expect(obs.identifier?.[0]).toEqual({
      system: 'urn:qihuang:bp-reading',
      value: 'cuff-1|2026-01-01T23:05:00.000Z',
    });
    expect(toFhirHeartRateObservation(reading!)?.valueQuantity).toMatchObject({ value: 72, code: '/min' });
    const again = ingest(JSON.stringify(obs), { now: NOW }).readings[0];
    expect(again).toMatchObject({ sbp: 138, dbp: 88, time: reading!.time });
  });
});

// The shared Open mHealth test documents may be absent on a fresh clone (../shared/data is not in the repo).
const OMH = new URL('../../../../shared/data/openmhealth-bp/test-data/omh/blood-pressure', import.meta.url)
  .pathname;
describe.skipIf(!existsSync(OMH))('Open mHealth shouldPass documents (shared data)', () => {
  it('every shouldPass blood-pressure document parses to a record', () => {
    for (const v of readdirSync(OMH)) {
      const dir = `${OMH}/${v}/shouldPass`;
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        const res = ingest(readFileSync(`${dir}/${f}`, 'utf8'), { now: NOW, format: 'omh' });
        expect(res.records).toHaveLength(1);
        expect(['accepted', 'rejected']).toContain(res.records[0]?.status);
      }
    }
  });
});
