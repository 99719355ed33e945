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

/**
 * A row whose resource is the database's JSON text (`content::text`), never parsed in this process: for
 * answers that only pass resources through (the searchset Bundle of the HTTP API). Parsing and re-serialising
 * 1,000-row pages for ten clients at once held the server's thread long enough to delay `/healthz` (issue 15,
 * docs/decisions/0004).
 */
export interface StoredJsonRow {
  resource_type: string;
  id: string;
  compartments: string[];
  /** The resource as JSON text (PostgreSQL's jsonb output: `{"a": 1}`, key order as stored). */
  json: string;
}

/** `object`: rows with the parsed `content` (StoredRow); `json`: rows with the JSON text (StoredJsonRow). */
export type RowShape = 'object' | 'json';
export type RowOf<S extends RowShape> = S extends 'json' ? StoredJsonRow : StoredRow;

export interface SearchResult<Row = StoredRow> {
  total?: number;
  matches: Row[];
  included: Row[];
}

interface Keyed {
  resource_type: string;
  id: string;
}

const COLUMNS: Record<RowShape, RawBuilder<unknown>> = {
  object: sql`r.resource_type, r.id, r.version_id, r.last_updated, r.content, r.compartments`,
  json: sql`r.resource_type, r.id, r.compartments, r.content::text as json`,
};

export function compartmentCondition(patientId: string | undefined): RawBuilder<unknown> {
  if (patientId === undefined) return sql`true`;
  // Prescriptions other than active/on-hold/completed/stopped (drafts, withdrawn, entered in error) are never shown to a
  // patient, nor another patient's record even when it links to theirs (access.ts hiddenFromPatient,
  // PATIENT_ORDER_STATUSES, and inPatientCompartment).
  return sql`(((r.resource_type <> 'Patient' and r.compartments @> ARRAY[${patientId}]::text[]) or (r.resource_type = 'Patient' and r.id = ${patientId})) and not (r.resource_type = 'MedicationRequest' and coalesce(r.content->>'status', '') not in ('active', 'on-hold', 'completed', 'stopped')))`;
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
export function pageSql<S extends RowShape = 'object'>(
  search: ParsedSearch,
  patientId: string | undefined,
  shape: S = 'object' as S,
): RawBuilder<RowOf<S>> {
  const keys = search.sort.map((s) => ({ ...s, type: paramType(search.resourceType, s.param) }));
  return pageQuery(search, keys, whereClause(search, patientId), COLUMNS[shape]) as RawBuilder<RowOf<S>>;
}

/** The search's total (unless `_total=none`), page of matches and included rows, in the given row shape. */
export async function executeSearch<S extends RowShape = 'object'>(
  db: Kysely<StoreTables>,
  search: ParsedSearch,
  patientId: string | undefined,
  shape: S = 'object' as S,
): Promise<SearchResult<RowOf<S>>> {
  const where = whereClause(search, patientId);
  let total: number | undefined;
  if (search.summary === 'count' || search.total !== 'none') {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from fhir_resource r where ${where}`.execute(db);
    total = rows[0]?.n ?? 0;
  }
  if (search.summary === 'count') return { total, matches: [], included: [] };

  const { rows: matches } = await pageSql(search, patientId, shape).execute(db);

  const included = await resolveIncludes(db, search, matches, patientId, COLUMNS[shape]);
  return { total, matches, included };
}

async function resolveIncludes<Row extends Keyed>(
  db: Kysely<StoreTables>,
  search: ParsedSearch,
  matches: Row[],
  patientId: string | undefined,
  columns: RawBuilder<unknown>,
): Promise<Row[]> {
  if (matches.length === 0 || (search.includes.length === 0 && search.revincludes.length === 0)) return [];
  const seen = new Set(matches.map((m) => `${m.resource_type}/${m.id}`));
  const out: Row[] = [];
  const add = (rows: Row[]) => {
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
    add(await includeTargets<Row>(db, rule, sources, patientId, columns));
  }
  for (const rule of search.revincludes) {
    add(await revincludeSources<Row>(db, rule, matches, patientId, columns));
  }
  return out;
}

async function includeTargets<Row>(
  db: Kysely<StoreTables>,
  rule: IncludeRule,
  sources: Keyed[],
  patientId: string | undefined,
  columns: RawBuilder<unknown>,
) {
  const ids = sources.map((s) => s.id);
  const targetType = rule.targetType ? sql`and x.target_type = ${rule.targetType}` : sql``;
  const { rows } = await sql<Row>`select ${columns} from fhir_resource r
    where r.deleted = false and ${compartmentCondition(patientId)} and (r.resource_type, r.id) in (
      select x.target_type, x.target_id from fhir_reference x
      where x.resource_type = ${sources[0]!.resource_type} and x.param = ${rule.param} and x.resource_id = any(${ids}::text[]) ${targetType})
    limit 5000`.execute(db);
  return rows;
}

async function revincludeSources<Row>(
  db: Kysely<StoreTables>,
  rule: IncludeRule,
  targets: Keyed[],
  patientId: string | undefined,
  columns: RawBuilder<unknown>,
) {
  const ids = targets.map((t) => t.id);
  const { rows } = await sql<Row>`select ${columns} from fhir_resource r
    where r.resource_type = ${rule.sourceType} and r.deleted = false and ${compartmentCondition(patientId)}
      and r.id in (select x.resource_id from fhir_reference x where x.resource_type = ${rule.sourceType}
        and x.param = ${rule.param} and x.target_type = ${targets[0]!.resource_type} and x.target_id = any(${ids}::text[]))
    limit 5000`.execute(db);
  return rows;
}
