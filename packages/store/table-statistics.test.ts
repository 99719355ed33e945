import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { analyzeGrownTables, FhirRepository, type Database, type FhirResource } from '@qihuang/store';

const ctx: RequestContext = { requestId: 'stats-test', principal: SYSTEM_PRINCIPAL };

const observation = (i: number): FhirResource => ({
  resourceType: 'Observation',
  id: `obs-${i}`,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(),
  valueQuantity: { value: 60 + (i % 30), unit: '/min' },
});

describe.each(DATABASE_KINDS)('planner statistics for the search tables (%s)', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const relpages = async (table: string) => {
    const { rows } = await sql<{
      relpages: number;
    }>`select relpages::int as relpages from pg_class where relname = ${table} and relkind = 'r'`.execute(
      database.db,
    );
    return rows[0]?.relpages ?? -1;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db);
    await repo.update(ctx, 'Patient', 'p1', { resourceType: 'Patient', id: 'p1' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('analyses the tables that grew, then leaves them alone until they grow again', async () => {
    await repo.bulkUpsert(
      ctx,
      Array.from({ length: 600 }, (_, i) => observation(i)),
    );
    const first = await analyzeGrownTables(database.db);
    expect(first).toEqual(expect.arrayContaining(['fhir_resource', 'fhir_token', 'fhir_reference']));
    expect(await relpages('fhir_resource')).toBeGreaterThan(0);
    expect(await analyzeGrownTables(database.db)).toEqual([]);
    await repo.bulkUpsert(
      ctx,
      Array.from({ length: 1200 }, (_, i) => observation(600 + i)),
    );
    expect(await analyzeGrownTables(database.db)).toContain('fhir_resource');
  });
});
