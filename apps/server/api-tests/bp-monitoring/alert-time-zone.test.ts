/**
 * The sustained-elevation alert evaluated on write counts days in the patient's own time zone (FHIR extension
 * http://hl7.org/fhir/StructureDefinition/timezone), else the hospital's (QIHUANG_TIME_ZONE), with each reading's
 * own UTC offset (daylight saving time), never a fixed UTC+8 (issue 17 item 4, decision 0007).
 *
 * Six readings 150/95 at 23:30 and 00:30 New York time on the nights of 4, 5 and 6 March 2026 (EST, UTC−5):
 * in New York they fall on 4 local days (4–7 March; the first is discarded, 3 remain: the HBPM protocol is
 * sufficient, REFERENCE §2.3, and the mean is above the home target → alert). In Shanghai each pair falls on one
 * afternoon (3 days, 2 after discarding, 4 readings: insufficient → no alert). `now` is 10 March, after the US
 * switch to daylight time (8 March, EDT UTC−4): one offset taken at `now` would put 23:30 EST on the next day and
 * lose the split (what per-reading offsets avoid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { raiseAlerts } from '@qihuang/bp-monitoring';

const NOW = '2026-03-10T16:00:00Z';
const system = { requestId: 'tz-alerts', principal: SYSTEM_PRINCIPAL };
/** 23:30 and 00:30 New York (EST) on the nights of 4, 5 and 6 March 2026, as UTC instants. */
const TIMES = ['2026-03-05T04:30:00Z', '2026-03-05T05:30:00Z', '2026-03-06T04:30:00Z', '2026-03-06T05:30:00Z', '2026-03-07T04:30:00Z', '2026-03-07T05:30:00Z']; // prettier-ignore
const CSV = ['time,sbp,dbp,unit', ...TIMES.map((t) => `${t},150,95,mmHg`)].join('\n');
const TZ_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

describe.each(DATABASE_KINDS)('write-time sustained alert in local days on %s', (kind) => {
  let t: TestApp;
  const kinds = async (patientId: string): Promise<string[]> => {
    const bundle = (await (await t.request(`/fhir/R4/Flag?patient=${patientId}`)).json()) as {
      entry?: { resource: { code: { coding: { code: string }[] } } }[];
    };
    return (bundle.entry ?? []).map((e) => e.resource.code.coding[0]!.code).sort();
  };
  const patient = async (id: string, zone?: string) => {
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'female',
      birthDate: '1960-01-01',
      ...(zone ? { extension: [{ url: TZ_EXTENSION, valueCode: zone }] } : {}),
    });
    const upload = await t.request(`/api/bp/patients/${id}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(upload.status).toBe(201);
  };

  beforeAll(async () => {
    // The hospital is in Shanghai (the default zone); the routes' evaluation runs at upload time.
    t = await createTestApp(kind, {}, () => new Date(NOW));
    await patient('tz-ny', 'America/New_York');
    await patient('tz-hospital');
    await patient('tz-sh', 'Asia/Shanghai');
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('a patient in New York: 23:30 and 00:30 are different days, the protocol is sufficient, alert', async () => {
    expect(await kinds('tz-ny')).toContain('sustained-above-target');
  });

  it("the same readings bucketed in Shanghai (hospital zone, or the patient's own) raise no sustained alert", async () => {
    expect(await kinds('tz-hospital')).not.toContain('sustained-above-target');
    expect(await kinds('tz-sh')).not.toContain('sustained-above-target');
  });

  it("a hospital in New York (no patient zone) buckets by each reading's own offset across the DST change", async () => {
    expect(
      await raiseAlerts(t.repository, 'tz-hospital', { now: NOW, timeZone: 'America/New_York' }),
    ).toBeGreaterThan(0);
    expect(await kinds('tz-hospital')).toContain('sustained-above-target');
    // The patient's own zone wins over the hospital's.
    expect(await raiseAlerts(t.repository, 'tz-sh', { now: NOW, timeZone: 'America/New_York' })).toBe(0);
    expect(await kinds('tz-sh')).not.toContain('sustained-above-target');
  });
});
