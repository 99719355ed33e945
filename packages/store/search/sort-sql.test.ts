/**
 * Sorting: results (multi-key, missing values last, min/max of several values, paging, compartments) and plans
 * (no per-row subquery: the old correlated `(select min(...))` per row and key cost 10 s at demo size).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { parseSearch } from '@qihuang/fhir';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database, type FhirResource } from '@qihuang/store';
import { executeSearch, pageSql } from './search-executor.ts';

const ctx: RequestContext = { requestId: 'sort-test', principal: SYSTEM_PRINCIPAL };
const LOINC = 'http://loinc.org';

function observation(
  id: string,
  patient: string,
  code: string,
  status: string,
  dates: string[],
): FhirResource {
  return {
    resourceType: 'Observation',
    id,
    status,
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: `Patient/${patient}` },
    // Several dates (a period): the lowest sorts ascending, the highest descending.
    ...(dates.length === 1 ? { effectiveDateTime: dates[0] } : {}),
    ...(dates.length === 2 ? { effectivePeriod: { start: dates[0], end: dates[1] } } : {}),
  };
}

const ROWS: FhirResource[] = [
  observation('o1', 'p1', '8867-4', 'final', ['2026-01-03T00:00:00Z']),
  observation('o2', 'p1', '85354-9', 'final', ['2026-01-03T00:00:00Z']),
  observation('o3', 'p2', '8867-4', 'amended', ['2026-01-01T00:00:00Z', '2026-01-09T00:00:00Z']),
  observation('o4', 'p1', '8867-4', 'final', []),
  observation('o5', 'p2', '2339-0', 'final', ['2026-01-05T00:00:00Z']),
  observation('o6', 'p1', '2339-0', 'preliminary', ['2026-01-02T00:00:00Z']),
];

describe.each(DATABASE_KINDS)('search sorting on %s', (kind) => {
  let database: Database;
  const ids = async (query: string, patientId?: string) => {
    const result = await executeSearch(
      database.db,
      parseSearch('Observation', new URLSearchParams(query)),
      patientId,
    );
    return result.matches.map((m) => m.id);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const repo = new FhirRepository(database.db, { clock: () => new Date('2026-02-01T00:00:00Z') });
    for (const p of ['p1', 'p2']) await repo.update(ctx, 'Patient', p, { resourceType: 'Patient', id: p });
    for (const row of ROWS) await repo.update(ctx, 'Observation', row.id as string, row);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('one key: ascending by the lowest date, descending by the highest, no value last', async () => {
    expect(await ids('_sort=date')).toEqual(['o3', 'o6', 'o1', 'o2', 'o5', 'o4']);
    expect(await ids('_sort=-date')).toEqual(['o3', 'o5', 'o1', 'o2', 'o6', 'o4']);
  });

  it('several keys, ties broken by the next key and then by id; paging; filters; compartment', async () => {
    expect(await ids('_sort=-date,code')).toEqual(['o3', 'o5', 'o2', 'o1', 'o6', 'o4']);
    expect(await ids('_sort=-date,-code,status')).toEqual(['o3', 'o5', 'o1', 'o2', 'o6', 'o4']);
    expect(await ids('_sort=status,-date,_id')).toEqual(['o3', 'o5', 'o1', 'o2', 'o4', 'o6']);
    expect(await ids('_sort=-date,code&_count=2&_offset=2')).toEqual(['o2', 'o1']);
    expect(await ids('_sort=-date&code=8867-4')).toEqual(['o3', 'o1', 'o4']);
    expect(await ids('_sort=code,-date', 'p1')).toEqual(['o6', 'o2', 'o1', 'o4']);
    expect(await ids('_sort=_id&_count=3')).toEqual(['o1', 'o2', 'o3']);
    expect(await ids('_sort=-_lastUpdated,-_id&_count=2')).toEqual(['o6', 'o5']);
  });

  it('the plan has no per-row subquery for any sort key', async () => {
    const search = parseSearch(
      'Observation',
      new URLSearchParams('date=ge2000-01-01&_sort=-date,code,status&_count=20'),
    );
    const compiled = pageSql(search, undefined).compile(database.db);
    const { rows } = await sql
      .raw<{ 'QUERY PLAN': unknown }>(`explain (format json) ${inline(compiled.sql, compiled.parameters)}`)
      .execute(database.db);
    const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
    // A materialised CTE is listed as an InitPlan named "CTE …"; any other sub-plan runs per row.
    const subplans = [...plan.matchAll(/"Subplan Name":"([^"]*)"/g)].map((m) => m[1]!);
    expect(subplans.filter((name) => !name.startsWith('CTE '))).toEqual([]);
    expect(plan).toContain('"Index Name":"fhir_token_owner"');
  });
});

/** The statement with its parameters as literals (EXPLAIN of a parameterised statement needs them bound). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}
