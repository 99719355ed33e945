import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type AuditRecord } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { loadPatientContext } from './patient-context.ts';
import { projectAll } from './projector.ts';
import { uploadReadings } from './upload-readings.ts';

const NOW = '2026-03-10T12:00:00.000Z';
const ctx = { requestId: 'upload-test', principal: SYSTEM_PRINCIPAL };

/** n readings every 10 minutes from 2026-02-01, one device; `bad` rows are made implausible (SBP 400). */
function csv(n: number, bad: number[] = [], sbp: (i: number) => number = (i) => 120 + (i % 40)): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.parse('2026-02-01T00:00:00Z') + i * 600_000).toISOString();
    rows.push(`${t},${bad.includes(i) ? 400 : sbp(i)},${75 + (i % 20)},mmHg,${60 + (i % 30)},cuff-A`);
  }
  return rows.join('\n');
}

async function rowCount(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select
    (select count(*) from fhir_resource) + (select count(*) from fhir_history) + (select count(*) from fhir_token)
    + (select count(*) from fhir_date) + (select count(*) from fhir_reference) + (select count(*) from fhir_quantity)
    + (select count(*) from bp_reading) + (select coalesce(sum(version), 0) from bp_reading) as n`.execute(
    database.db,
  );
  return Number(rows[0]!.n);
}

describe.each(DATABASE_KINDS)('uploadReadings (reading store + FHIR projection) on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audits: AuditRecord[] = [];
  const observations = async (patient: string, query: [string, string][] = []) =>
    (await repo.search(ctx, 'Observation', [['patient', patient], ...query, ['_count', '1000']])).matches.map(
      (m) => m.content as { id: string; effectiveDateTime: string; meta: { versionId: string } },
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {
      clock: () => new Date(NOW),
      audit: async (_executor, _ctx, record) => void audits.push(record),
    });
    for (const id of ['inline', 'bg', 'same', 'race', 'other'])
      await repo.update(ctx, 'Patient', id, { resourceType: 'Patient', id, gender: 'male' });
  });
  afterAll(async () => database?.close());

  it('rejects the implausible record with its reason, stores the rest and writes their Observations', async () => {
    audits.length = 0;
    const result = await uploadReadings(repo, ctx, 'inline', csv(300, [17]), { now: NOW });
    expect(result).toMatchObject({
      format: 'csv',
      stored: 299,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      projection: { projected: 299, pending: 0 },
    });
    expect(result.records[17]).toMatchObject({ status: 'rejected', code: 'implausible' });
    expect(result.records[17]!.reason).toMatch(/SBP 400/);
    // One entry for the upload (the user's), one for the Observations written from it.
    const upload = audits.filter((a) => a.query === 'bp-readings');
    expect(upload).toEqual([
      expect.objectContaining({
        patientIds: ['inline'],
        detail: expect.objectContaining({ format: 'csv', rejected: 1, stored: 299, devicesWritten: 1 }),
      }),
    ]);
    // One audit entry per projection transaction (PROJECTION_CHUNK readings each): 200 + 99.
    const projection = audits.filter((a) => a.query === 'bp-projection');
    expect(projection.map((a) => a.detail)).toEqual([
      expect.objectContaining({ readings: 200, created: 400, byType: { Observation: 400 } }),
      expect.objectContaining({ readings: 99, created: 198, byType: { Observation: 198 } }),
    ]);
    expect(await observations('inline', [['code', '85354-9']])).toHaveLength(299);
    expect(await observations('inline', [['code', '8867-4']])).toHaveLength(299);
  });

  it('re-upload: every reading reported unchanged, nothing written', async () => {
    const before = await rowCount(database);
    const result = await uploadReadings(repo, ctx, 'inline', csv(300, [17]), { now: NOW });
    expect(result).toMatchObject({ stored: 0, updated: 0, unchanged: 299, rejected: 1 });
    expect(result.projection).toEqual({ projected: 0, pending: 0 });
    expect(await rowCount(database)).toBe(before);
  });

  it('a record of the same device and time with other values is another reading, not a new version (issue 20)', async () => {
    const result = await uploadReadings(
      repo,
      ctx,
      'inline',
      csv(300, [17], (i) => (i === 5 ? 171 : 120 + (i % 40))),
      { now: NOW },
    );
    expect(result).toMatchObject({ stored: 1, updated: 0, unchanged: 298, projection: { projected: 1 } });
    const first = (await uploadReadings(repo, ctx, 'inline', csv(300, [17]), { now: NOW })).records[5]!;
    expect(result.records[5]!.id).not.toBe(first.id);
    const kept = (await repo.read(ctx, 'Observation', first.id!)) as unknown as {
      meta: { versionId: string };
    };
    expect(kept.meta.versionId).toBe('1');
    // A retry of the second reading finds it again.
    const retry = await uploadReadings(
      repo,
      ctx,
      'inline',
      csv(300, [17], (i) => (i === 5 ? 171 : 120 + (i % 40))),
      { now: NOW },
    );
    expect(retry).toMatchObject({ stored: 0, updated: 0, unchanged: 299 });
    expect(retry.records[5]!.id).toBe(result.records[5]!.id);
  });

  it('a named record re-sent with other values is "updated" (a correction), unless it was a crisis reading', async () => {
    const record = (value: string, sbp: number, dbp: number) =>
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        identifier: [{ system: 'urn:cuff:record', value }],
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        effectiveDateTime: '2026-03-02T07:00:00Z',
        device: { identifier: { value: 'cuff-A' } },
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: sbp, unit: 'mmHg' },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: dbp, unit: 'mmHg' },
          },
        ],
      });
    const first = await uploadReadings(repo, ctx, 'inline', record('r-7', 150, 90), { now: NOW });
    const corrected = await uploadReadings(repo, ctx, 'inline', record('r-7', 140, 90), { now: NOW });
    expect(corrected.records[0]).toMatchObject({ status: 'updated', id: first.records[0]!.id });
    const observation = (await repo.read(ctx, 'Observation', first.records[0]!.id!)) as unknown as {
      meta: { versionId: string };
      component: { valueQuantity: { value: number } }[];
    };
    expect(observation.meta.versionId).toBe('2');
    expect(observation.component[0]!.valueQuantity.value).toBe(140);
    // A crisis reading is never replaced by a later value: the re-send is kept as another reading.
    const crisis = await uploadReadings(repo, ctx, 'inline', record('r-8', 192, 126), { now: NOW });
    const later = await uploadReadings(repo, ctx, 'inline', record('r-8', 118, 76), { now: NOW });
    expect(later.records[0]).toMatchObject({ status: 'stored' });
    expect(later.records[0]!.id).not.toBe(crisis.records[0]!.id);
    const kept = (await repo.read(ctx, 'Observation', crisis.records[0]!.id!)) as unknown as {
      meta: { versionId: string };
      component: { valueQuantity: { value: number } }[];
    };
    expect([kept.meta.versionId, kept.component[0]!.valueQuantity.value]).toEqual(['1', 192]);
  });

  it('a large upload answers once stored; the assessment counts the pending readings; the projector writes the same Observations', async () => {
    const result = await uploadReadings(repo, ctx, 'bg', csv(320, [17]), {
      now: NOW,
      projection: { background: 100 },
    });
    expect(result).toMatchObject({ stored: 319, projection: { projected: 0, pending: 319 } });
    expect(await observations('bg')).toHaveLength(0);
    const pending = await loadPatientContext(repo, ctx, 'bg', { now: NOW });
    expect(pending.home).toHaveLength(319);
    expect(pending.pendingProjection).toBe(319);

    expect(await projectAll(repo, ctx, { limit: 100 })).toBe(319);
    expect(await projectAll(repo, ctx)).toBe(0);
    const projected = await loadPatientContext(repo, ctx, 'bg', { now: NOW });
    expect(projected.pendingProjection).toBe(0);
    const values = (home: typeof pending.home) =>
      home
        .map((r) => [r.time, r.sbp, r.dbp, r.heartRate])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(values(projected.home)).toEqual(values(pending.home));
    expect(pending.home.every((r) => r.heartRate !== undefined)).toBe(true);
    // The same upload projected in the request: ids differ per patient (stable id of patient|device|time), so
    // the search results are compared by time, sorted.
    await uploadReadings(repo, ctx, 'same', csv(320, [17]), { now: NOW });
    for (const query of [
      [['component-value-quantity', 'gt150']],
      [
        ['code', '8867-4'],
        ['value-quantity', 'lt62'],
      ],
      [
        ['date', 'ge2026-02-02T00:00:00Z'],
        ['date', 'lt2026-02-03T00:00:00Z'],
        ['_sort', 'date'],
      ],
      [
        ['component-code', '8462-4'],
        ['category', 'vital-signs'],
        ['date', 'lt2026-02-01T12:00:00Z'],
      ],
    ] as [string, string][][]) {
      const times = async (patient: string) =>
        (await observations(patient, query)).map((o) => o.effectiveDateTime).sort();
      const bg = await times('bg');
      expect(bg.length).toBeGreaterThan(0);
      expect(bg).toEqual(await times('same'));
    }
  });

  it('parallel uploads with the same new device both succeed (the second finds the Device the first wrote)', async () => {
    const day = (d: number) =>
      ['time,sbp,dbp,unit,heart_rate,device_id']
        .concat(
          Array.from({ length: 50 }, (_, i) => {
            const t = new Date(Date.parse(`2026-01-0${d}T00:00:00Z`) + i * 600_000).toISOString();
            return `${t},${130 + (i % 9)},80,mmHg,70,watch-new`;
          }),
        )
        .join('\n');
    const results = await Promise.all(
      [1, 2, 3, 4].map((d) => uploadReadings(repo, ctx, 'other', day(d), { now: NOW })),
    );
    expect(results.map((r) => r.stored)).toEqual([50, 50, 50, 50]);
    expect(new Set(results.flatMap((r) => r.devices)).size).toBe(1);
    expect(await observations('other', [['code', '85354-9']])).toHaveLength(200);
  });

  it('two projectors at once write every reading once', async () => {
    await uploadReadings(repo, ctx, 'race', csv(200), { now: NOW, projection: { background: 0 } });
    const [a, b] = await Promise.all([
      projectAll(repo, ctx, { limit: 50 }),
      projectAll(repo, ctx, { limit: 50 }),
    ]);
    expect(a + b).toBe(200);
    const found = await observations('race', [['code', '85354-9']]);
    expect(found).toHaveLength(200);
    expect(new Set(found.map((o) => o.meta.versionId))).toEqual(new Set(['1']));
  });

  it("a reading naming an unknown or another patient's Device stores nothing", async () => {
    const before = await rowCount(database);
    const bundle = (device: string) =>
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
              effectiveDateTime: '2026-03-01T07:00:00+08:00',
              device: { reference: device },
              component: [
                {
                  code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
                  valueQuantity: {
                    value: 130,
                    unit: 'mmHg',
                    system: 'http://unitsofmeasure.org',
                    code: 'mm[Hg]',
                  },
                },
                {
                  code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
                  valueQuantity: {
                    value: 80,
                    unit: 'mmHg',
                    system: 'http://unitsofmeasure.org',
                    code: 'mm[Hg]',
                  },
                },
              ],
            },
          },
        ],
      });
    await expect(uploadReadings(repo, ctx, 'other', bundle('Device/nope'), { now: NOW })).rejects.toThrow(
      /Device\/nope is not known; nothing was stored/,
    );
    const inlineDevice = (await uploadReadings(repo, ctx, 'inline', csv(1), { now: NOW })).devices[0]!;
    await expect(
      uploadReadings(repo, ctx, 'other', bundle(`Device/${inlineDevice}`), { now: NOW }),
    ).rejects.toThrow(/belongs to Patient\/inline, not Patient\/other/);
    expect(await rowCount(database)).toBe(before);
  });
});
