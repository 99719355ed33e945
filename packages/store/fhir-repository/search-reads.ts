/**
 * FHIR search for the repository: scope checks (the searched type and every _include/_revinclude type), the
 * search itself (search-executor.ts) restricted to a patient's compartment, included rows of types the caller
 * may not read dropped, and one audit entry naming every patient whose data was returned. Rows come parsed
 * (`object`) or as JSON text (`json`, for answers that pass resources through unparsed).
 */
import type { Kysely } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { parseSearch, type ParsedSearch } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { executeSearch, type RowOf, type RowShape, type SearchResult } from '../search/search-executor.ts';
import { compartmentOf } from './access.ts';
import type { FhirRepository } from './fhir-repository.ts';

export async function searchAs<S extends RowShape>(
  repo: FhirRepository,
  ctx: RequestContext,
  resourceType: string,
  params: URLSearchParams | [string, string][],
  shape: S,
  executor?: Kysely<StoreTables>,
): Promise<SearchResult<RowOf<S>> & { parsed: ParsedSearch }> {
  repo.authorize(ctx, resourceType, 'read');
  const parsed = parseSearch(resourceType, params);
  for (const rule of [...parsed.includes, ...parsed.revincludes]) {
    if (rule.targetType) repo.authorize(ctx, rule.targetType, 'read');
    repo.authorize(ctx, rule.sourceType, 'read');
  }
  const found = await executeSearch(executor ?? repo.db, parsed, compartmentOf(ctx.principal), shape);
  // An `_include` without a target type (`Observation:subject`) can reach types the caller's scopes do not
  // cover: those rows are dropped and the search answers with the rest (a named target type was checked
  // above and refused instead).
  const readable = new Map<string, boolean>();
  const mayRead = (type: string) => {
    if (!readable.has(type)) readable.set(type, repo.allows(ctx, type, 'read'));
    return readable.get(type)!;
  };
  const result = { ...found, included: found.included.filter((row) => mayRead(row.resource_type)) };
  const patientIds = new Set<string>();
  for (const row of [...result.matches, ...result.included])
    for (const p of row.compartments) patientIds.add(p);
  const query = new URLSearchParams(params as [string, string][]).toString();
  await repo.audit(executor ?? repo.db, ctx, {
    action: 'search',
    outcome: 'success',
    resourceType,
    query,
    patientIds: [...patientIds],
    detail: { total: result.total, returned: result.matches.length },
  });
  return { ...result, parsed };
}
