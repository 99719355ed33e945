/**
 * Planner statistics for the FHIR tables. The search SQL joins the index tables with semi-joins whose plan
 * depends on row estimates: with none (a table never analysed) PostgreSQL assumes a handful of rows and picks
 * nested loops that cost seconds once a patient has thousands of readings (31 s for one patient's BP search at
 * 15,000 Observations, against milliseconds after ANALYZE). The embedded database never runs autovacuum, and a
 * PostgreSQL server may have it off or not have caught up after a bulk load, so the writers that grow these
 * tables (the BP projector, import, demo seeding, a periodic server job) call `analyzeGrownTables`.
 *
 * Growth is judged by the table's size on disk against the page count ANALYZE last recorded (`pg_class.relpages`),
 * which both databases keep (PGlite does not keep the cumulative statistics `n_mod_since_analyze` needs).
 */
import { sql, type Kysely } from 'kysely';

/** The tables search plans read (fhir_resource and its search-index tables). */
export const SEARCH_TABLES = [
  'fhir_resource',
  'fhir_history',
  'fhir_token',
  'fhir_string',
  'fhir_date',
  'fhir_reference',
  'fhir_quantity',
] as const;

export interface AnalyzeOptions {
  /** Analyse a table that has grown by more than this fraction since its last ANALYZE (default 0.2). */
  growth?: number;
  /** Tables smaller than this many pages are left alone (default 8 pages = 64 KiB). */
  minPages?: number;
}

/** Runs ANALYZE on the search tables that have grown since they were last analysed; answers their names. */
export async function analyzeGrownTables(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  options: AnalyzeOptions = {},
): Promise<string[]> {
  const growth = options.growth ?? 0.2;
  const minPages = options.minPages ?? 8;
  const { rows } = await sql<{ relname: string; relpages: number; pages: number }>`
    select c.relname, c.relpages::int as relpages,
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema() and c.relname = any(${[...SEARCH_TABLES]}::text[])`.execute(
    db,
  );
  const grown = rows
    .filter((r) => r.pages >= minPages && (r.relpages <= 0 || r.pages > r.relpages * (1 + growth)))
    .map((r) => r.relname)
    .sort();
  // Names come from the fixed list above, never from input.
  for (const table of grown) await sql`analyze ${sql.table(table)}`.execute(db);
  return grown;
}
