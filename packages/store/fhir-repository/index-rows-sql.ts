/**
 * Search-index rows and array parameters for the set-based writers (index-writer.ts, bulk-insert.ts): one
 * `insert … select * from unnest(…)` per index table and CHUNK rows, with the array parameters built here as
 * PostgreSQL array literals (node-postgres' own array serialisation escapes element by element and was the
 * largest single cost of a transaction import), queued on the transaction's connection without awaiting each.
 */
import { sql, type Kysely } from 'kysely';
import { extractIndexRows } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import type { FhirResource } from './index-writer.ts';

export const CHUNK = 5000;

export type Queue = (query: Promise<unknown>) => void;

/** Search-index rows exactly as index-writer.ts writes them (same extraction, same columns), queued. */
export function queueIndexRows(
  trx: Kysely<StoreTables>,
  written: (FhirResource & { id: string })[],
  queue: Queue,
): void {
  const token = columns(5);
  const string = columns(4);
  const date = columns(5);
  const reference = columns(5);
  const quantity = columns(6);
  for (const resource of written) {
    const rows = extractIndexRows(resource);
    const t = resource.resourceType;
    const i = resource.id;
    for (const r of rows.tokens) token.push(t, i, r.param, r.system, r.code);
    for (const u of rows.uris) token.push(t, i, u.param, null, u.value);
    for (const s of rows.strings) string.push(t, i, s.param, s.value);
    for (const d of rows.dates) date.push(t, i, d.param, d.start, d.end);
    for (const r of rows.references) reference.push(t, i, r.param, r.targetType, r.targetId ?? r.url);
    for (const q of rows.quantities) quantity.push(t, i, q.param, q.value, q.system, q.code ?? q.unit);
    for (const n of rows.numbers) quantity.push(t, i, n.param, n.value, null, null);
  }
  // Each statement's parameters are serialised right before it is queued, i.e. while the database is
  // still busy with the previous one.
  for (const [a, b, c, d, e] of token.parts())
    queue(
      sql`insert into fhir_token (resource_type, resource_id, param, system, code)
        select * from unnest(${a}::text[], ${b}::text[], ${c}::text[], ${d}::text[], ${e}::text[])`.execute(
        trx,
      ),
    );
  for (const [a, b, c, d, e, f] of quantity.parts())
    queue(
      sql`insert into fhir_quantity (resource_type, resource_id, param, value, system, code)
        select * from unnest(${a}::text[], ${b}::text[], ${c}::text[], ${d}::numeric[], ${e}::text[], ${f}::text[])`.execute(
        trx,
      ),
    );
  for (const [a, b, c, d, e] of reference.parts())
    queue(
      sql`insert into fhir_reference (resource_type, resource_id, param, target_type, target_id)
        select * from unnest(${a}::text[], ${b}::text[], ${c}::text[], ${d}::text[], ${e}::text[])`.execute(
        trx,
      ),
    );
  for (const [a, b, c, d, e] of date.parts())
    queue(
      sql`insert into fhir_date (resource_type, resource_id, param, start_at, end_at)
        select * from unnest(${a}::text[], ${b}::text[], ${c}::text[], ${d}::timestamptz[], ${e}::timestamptz[])`.execute(
        trx,
      ),
    );
  for (const [a, b, c, d] of string.parts())
    queue(
      sql`insert into fhir_string (resource_type, resource_id, param, value)
        select * from unnest(${a}::text[], ${b}::text[], ${c}::text[], ${d}::text[])`.execute(trx),
    );
}

/**
 * A PostgreSQL array literal, built here (same text node-postgres would build for a JS array: elements quoted,
 * `\` and `"` escaped, null as NULL), so a statement's parameters are ready before it is queued.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      parts[i] = 'NULL';
      continue;
    }
    const text = typeof v === 'string' ? v : String(v as number);
    parts[i] = `"${text.includes('\\') || text.includes('"') ? text.replace(/[\\"]/g, '\\$&') : text}"`;
  }
  return `{${parts.join(',')}}`;
}

/** Column arrays for one table, cut into parts of CHUNK rows. */
export function columns(width: number) {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  return {
    push(...values: unknown[]) {
      for (let c = 0; c < width; c++) cols[c]!.push(values[c]);
    },
    parts(): unknown[][][] {
      const n = cols[0]!.length;
      const out: unknown[][][] = [];
      for (let start = 0; start < n; start += CHUNK)
        out.push(cols.map((col) => col.slice(start, start + CHUNK)));
      return out;
    },
  };
}
