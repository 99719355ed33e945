/**
 * The demo's home series are written as FHIR Observations at seed time; their alerts are raised then, as the
 * system, so the alert inbox is not empty until someone opens a chart (the assessment GET writes nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { seedDemoData } from '@qihuang/demo';

const NOW = new Date('2026-03-10T04:00:00Z');

describe.each(DATABASE_KINDS)('demo seed raises BP alerts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('stores alert Flags for patients whose home series is above target', async () => {
    const result = await seedDemoData(t.repository, { requestId: 'seed', principal: SYSTEM_PRINCIPAL }, NOW);
    expect(result.seeded).toBe(true);
    const flags = await sql<{ n: number }>`
      select count(*)::int as n from fhir_resource
      where resource_type = 'Flag' and not deleted
        and content -> 'code' -> 'coding' -> 0 ->> 'system' = 'urn:qihuang:bp-alert'`.execute(
      t.repository.db,
    );
    expect(flags.rows[0]!.n).toBeGreaterThan(0);

    // IT trial item 3: seeded at 12:00 Shanghai, no home reading may be dated later (the evening's were).
    const { rows } = await sql<{ effective: string }>`
      select content ->> 'effectiveDateTime' as effective from fhir_resource
      where resource_type = 'Observation' and not deleted and content ->> 'effectiveDateTime' is not null`.execute(
      t.repository.db,
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => Date.parse(r.effective) > NOW.getTime()).map((r) => r.effective)).toEqual([]);
  }, 600_000);
});
