import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type AuditRecord } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { uploadReadings } from './upload-readings.ts';

const NOW = '2026-03-10T12:00:00.000Z';
const ctx = { requestId: 'upload-test', principal: SYSTEM_PRINCIPAL };

/** n readings every 10 minutes from 2026-02-01, one device; `bad` rows are made implausible (SBP 400). */
function csv(n: number, bad: number[] = []): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.parse('2026-02-01T00:00:00Z') + i * 600_000).toISOString();
    rows.push(`${t},${bad.includes(i) ? 400 : 120 + (i % 40)},${75 + (i % 20)},mmHg,${60 + (i % 30)},cuff-A`);
  }
  return rows.join('\n');
}

async function rowCount(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select
    (select count(*) from fhir_resource) + (select count(*) from fhir_history) + (select count(*) from fhir_token)
    + (select count(*) from fhir_date) + (select count(*) from fhir_reference) + (select count(*) from fhir_quantity)
    as n`.execute(database.db);
  return Number(rows[0]!.n);
}

describe.each(DATABASE_KINDS)('uploadReadings (bulk write) on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audits: AuditRecord[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {
      clock: () => new Date(NOW),
      audit: async (_executor, _ctx, record) => void audits.push(record),
    });
    for (const id of ['bulk', 'txn'])
      await repo.update(ctx, 'Patient', id, { resourceType: 'Patient', id, gender: 'male' });
  });
  afterAll(async () => database?.close());

  it('rejects the implausible record with its reason and stores the rest, with one audit entry', async () => {
    audits.length = 0;
    const result = await uploadReadings(repo, ctx, 'bulk', csv(300, [17]), { now: NOW });
    expect(result).toMatchObject({ format: 'csv', stored: 299, unchanged: 0, rejected: 1 });
    expect(result.records[17]).toMatchObject({ status: 'rejected', code: 'implausible' });
    expect(result.records[17]!.reason).toMatch(/SBP 400/);
    expect(result.records.filter((r) => r.status === 'stored')).toHaveLength(299);
    const writes = audits.filter((a) => a.action === 'transaction');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      patientIds: ['bulk'],
      query: 'bp-readings',
      detail: { format: 'csv', rejected: 1, created: 299 * 2 + 1, byType: { Device: 1, Observation: 598 } },
    });
  });

  it('re-upload: every reading reported unchanged, nothing written', async () => {
    const before = await rowCount(database);
    const result = await uploadReadings(repo, ctx, 'bulk', csv(300, [17]), { now: NOW });
    expect(result).toMatchObject({ stored: 0, unchanged: 299, rejected: 1 });
    expect(await rowCount(database)).toBe(before);
  });

  // Ids differ per patient (stable id of patient|device|time): results are compared by time, sorted.
  it('answers and searches exactly like the transaction-Bundle write path', async () => {
    const viaTxn = await uploadReadings(repo, ctx, 'txn', csv(300, [17]), {
      now: NOW,
      writer: 'transaction',
    });
    const viaBulk = await uploadReadings(repo, ctx, 'bulk', csv(320, [17]), { now: NOW });
    expect(viaBulk).toMatchObject({ stored: 20, unchanged: 299 });
    const again = await uploadReadings(repo, ctx, 'txn', csv(320, [17]), { now: NOW, writer: 'transaction' });
    expect(again.records.map((r) => r.status)).toEqual(viaBulk.records.map((r) => r.status));
    expect(viaTxn.stored).toBe(299);
    for (const query of [
      [['component-value-quantity', 'gt150']],
      [
        ['code', '8867-4'],
        ['value-quantity', 'lt62'],
      ],
      [
        ['date', 'ge2026-02-02T00:00:00Z'],
        ['_sort', 'date'],
      ],
      [
        ['component-code', '8462-4'],
        ['category', 'vital-signs'],
      ],
    ] as [string, string][][]) {
      const found = async (patient: string) =>
        (
          await repo.search(ctx, 'Observation', [['patient', patient], ...query, ['_count', '1000']])
        ).matches.map((m) => (m.content as { effectiveDateTime: string }).effectiveDateTime);
      const bulk = (await found('bulk')).sort();
      expect(bulk.length).toBeGreaterThan(0);
      expect(bulk).toEqual((await found('txn')).sort());
    }
  });
});
