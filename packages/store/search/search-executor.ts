/**
 * Executes a parsed search: the matching page (sorted, counted), then `_include` / `_revinclude` targets, all
 * restricted to the caller's patient compartment when the caller is a patient.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import { SEARCH_PARAMETERS, type IncludeRule, type ParsedSearch } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { filterCondition } from './filter-sql.ts';
import { pageQuery } from './sort-sql.ts';

export interface StoredRow {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: Date;
  content: Record<string, unknown>;
  compartments: string[];
}

export interface SearchResult {
  total?: number;
  matches: StoredRow[];
  included: StoredRow[];
}

const COLUMNS = sql`r.resource_type, r.id, r.version_id, r.last_updated, r.content, r.compartments`;

export function compartmentCondition(patientId: string | undefined): RawBuilder<unknown> {
  if (patientId === undefined) return sql`true`;
  // Unsigned prescriptions (MedicationRequest status draft) are never shown to a patient, nor another patient's
  // record even when it links to theirs (see access.ts hiddenFromPatient and inPatientCompartment).
  return sql`(((r.resource_type <> 'Patient' and r.compartments @> ARRAY[${patientId}]::text[]) or (r.resource_type = 'Patient' and r.id = ${patientId})) and not (r.resource_type = 'MedicationRequest' and r.content->>'status' = 'draft'))`;
}

function whereClause(search: ParsedSearch, patientId: string | undefined): RawBuilder<unknown> {
  const parts = [
    sql`r.resource_type = ${search.resourceType}`,
    sql`r.deleted = false`,
    compartmentCondition(patientId),
    ...search.filters.map((f) => filterCondition(f)),
  ];
  return sql.join(parts, sql` and `);
}

function paramType(resourceType: string, param: string) {
  if (param === '_id') return 'token' as const;
  if (param === '_lastUpdated') return 'date' as const;
  const definition = SEARCH_PARAMETERS[resourceType]?.[param];
  if (!definition) throw new QihuangError('invalid-input', `Unknown sort parameter ${resourceType}:${param}`);
  return definition.type;
}

/** The statement selecting the page of matches (sorted, limited): see sort-sql.ts. */
export function pageSql(search: ParsedSearch, patientId: string | undefined): RawBuilder<StoredRow> {
  const keys = search.sort.map((s) => ({ ...s, type: paramType(search.resourceType, s.param) }));
  return pageQuery(search, keys, whereClause(search, patientId), COLUMNS) as RawBuilder<StoredRow>;
}

export async function executeSearch(
  db: Kysely<StoreTables>,
  search: ParsedSearch,
  patientId: string | undefined,
): Promise<SearchResult> {
  const where = whereClause(search, patientId);
  let total: number | undefined;
  if (search.summary === 'count' || search.total !== 'none') {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from fhir_resource r where ${where}`.execute(db);
    total = rows[0]?.n ?? 0;
  }
  if (search.summary === 'count') return { total, matches: [], included: [] };

  const { rows: matches } = await pageSql(search, patientId).execute(db);

  const included = await resolveIncludes(db, search, matches, patientId);
  return { total, matches, included };
}

async function resolveIncludes(
  db: Kysely<StoreTables>,
  search: ParsedSearch,
  matches: StoredRow[],
  patientId: string | undefined,
): Promise<StoredRow[]> {
  if (matches.length === 0 || (search.includes.length === 0 && search.revincludes.length === 0)) return [];
  const seen = new Set(matches.map((m) => `${m.resource_type}/${m.id}`));
  const out: StoredRow[] = [];
  const add = (rows: StoredRow[]) => {
    for (const row of rows) {
      const key = `${row.resource_type}/${row.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(row);
      }
    }
  };
  for (const rule of search.includes) {
    const sources = [...matches, ...out].filter(
      (m) => rule.sourceType === '*' || m.resource_type === rule.sourceType,
    );
    if (sources.length === 0) continue;
    add(await includeTargets(db, rule, sources, patientId));
  }
  for (const rule of search.revincludes) {
    add(await revincludeSources(db, rule, matches, patientId));
  }
  return out;
}

async function includeTargets(
  db: Kysely<StoreTables>,
  rule: IncludeRule,
  sources: StoredRow[],
  patientId: string | undefined,
) {
  const ids = sources.map((s) => s.id);
  const targetType = rule.targetType ? sql`and x.target_type = ${rule.targetType}` : sql``;
  const { rows } = await sql<StoredRow>`select ${COLUMNS} from fhir_resource r
    where r.deleted = false and ${compartmentCondition(patientId)} and (r.resource_type, r.id) in (
      select x.target_type, x.target_id from fhir_reference x
      where x.resource_type = ${sources[0]!.resource_type} and x.param = ${rule.param} and x.resource_id = any(${ids}::text[]) ${targetType})
    limit 5000`.execute(db);
  return rows;
}

async function revincludeSources(
  db: Kysely<StoreTables>,
  rule: IncludeRule,
  targets: StoredRow[],
  patientId: string | undefined,
) {
  const ids = targets.map((t) => t.id);
  const { rows } = await sql<StoredRow>`select ${COLUMNS} from fhir_resource r
    where r.resource_type = ${rule.sourceType} and r.deleted = false and ${compartmentCondition(patientId)}
      and r.id in (select x.resource_id from fhir_reference x where x.resource_type = ${rule.sourceType}
        and x.param = ${rule.param} and x.target_type = ${targets[0]!.resource_type} and x.target_id = any(${ids}::text[]))
    limit 5000`.execute(db);
  return rows;
}
