/**
 * Writes current versions, history rows and search-index rows for many resources in a few multi-row
 * statements (the import path depends on this being set-based, not row-by-row).
 */
import { sql, type Kysely } from 'kysely';
import { patientCompartmentIds } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { arrayLiteral, CHUNK, queueIndexRows, type Queue } from './index-rows-sql.ts';

export type FhirResource = Record<string, unknown> & {
  resourceType: string;
  id?: string;
  meta?: Record<string, unknown>;
};

export interface VersionedWrite {
  resource: FhirResource & { id: string };
  versionId: number;
  lastUpdated: string;
  method: 'POST' | 'PUT' | 'DELETE';
  /** true when the resource existed before (its index rows must be replaced). */
  existed: boolean;
  /**
   * Who writes this version (`authorOf` in access.ts), deletions included: the row's author becomes the author
   * of its current version, so a patient may change what it wrote only until someone else writes a version
   * (patient-writes.ts). Without one (old callers) the row keeps its author.
   */
  author?: string | null;
}

const INDEX_TABLES = ['fhir_token', 'fhir_string', 'fhir_date', 'fhir_reference', 'fhir_quantity'] as const;

/**
 * Always inside a transaction (`db` is its connection): the statements are queued on that one connection in
 * order without awaiting each, so the database writes the versions while the index rows are extracted and
 * serialised here.
 */
export async function writeVersions(db: Kysely<StoreTables>, writes: VersionedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // Rows in key order, so that concurrent transactions touching shared resources (the same Organization in
  // two bundles) lock them in the same order and cannot deadlock.
  writes = [...writes].sort(
    (a, b) => cmp(a.resource.resourceType, b.resource.resourceType) || cmp(a.resource.id, b.resource.id),
  );
  const pending: Promise<unknown>[] = [];
  const queue: Queue = (query) => {
    query.catch(() => undefined); // settled below with Promise.all; no unhandled rejection meanwhile
    pending.push(query);
  };
  // Set-based writes: one statement per chunk for the current versions and their history, with a handful of
  // bound parameters however many rows. The contents travel once, as ONE JSON array (no array-literal
  // escaping of large strings, no second copy for the history row).
  for (let start = 0; start < writes.length; start += CHUNK) {
    const part = writes.slice(start, start + CHUNK);
    const types = arrayLiteral(part.map((w) => w.resource.resourceType));
    const ids = arrayLiteral(part.map((w) => w.resource.id));
    const versions = arrayLiteral(part.map((w) => w.versionId));
    const updated = arrayLiteral(part.map((w) => w.lastUpdated));
    const deleted = `{${part.map((w) => (w.method === 'DELETE' ? 't' : 'f')).join(',')}}`;
    const contents = `[${part.map((w) => (w.method === 'DELETE' ? 'null' : JSON.stringify(w.resource))).join(',')}]`;
    const compartments = arrayLiteral(
      part.map((w) => (w.method === 'DELETE' ? '' : compartmentsOf(w.resource).join(SEP))),
    );
    const methods = arrayLiteral(part.map((w) => w.method));
    const authors = arrayLiteral(part.map((w) => w.author ?? null));
    // History and current version in one statement; both read the snapshot from before it, so a deletion is
    // filed under the compartments of the version it deletes (still current).
    queue(
      sql`with x as (
        select t, i, v, u, d, m, case when d then null else c end as c, p, a
        from rows from (unnest(${types}::text[]), unnest(${ids}::text[]), unnest(${versions}::bigint[]), unnest(${updated}::timestamptz[]), unnest(${deleted}::boolean[]), unnest(${methods}::text[]), jsonb_array_elements(${contents}::jsonb), unnest(${compartments}::text[]), unnest(${authors}::text[])) as x(t, i, v, u, d, m, c, p, a)
      ), hist as (
        insert into fhir_history (resource_type, id, version_id, last_updated, deleted, method, content, compartments)
        select t, i, v, u, d, m, c, case when d
          then coalesce((select r.compartments from fhir_resource r where r.resource_type = t and r.id = i), '{}')
          else string_to_array(p, ${SEP}) end
        from x
      )
      insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments, author)
      select t, i, v, u, d, c, string_to_array(p, ${SEP}), a from x
      on conflict (resource_type, id) do update set version_id = excluded.version_id, last_updated = excluded.last_updated,
        deleted = excluded.deleted, content = excluded.content, compartments = excluded.compartments,
        author = coalesce(excluded.author, fhir_resource.author)`.execute(db),
    );
  }
  // The rows of versions that replace others go first (same connection, so in this order).
  queueIndexDeletes(db, writes, queue);
  await new Promise((resolve) => setImmediate(resolve)); // let the driver send the first statements
  queueIndexRows(
    db,
    writes.filter((w) => w.method !== 'DELETE').map((w) => w.resource),
    queue,
  );
  await Promise.all(pending);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Separator of patient ids inside one array element (ids are [A-Za-z0-9-.], so it never occurs in them). */
const SEP = '\u001f';

function compartmentsOf(resource: FhirResource & { id: string }): string[] {
  const ids = new Set(patientCompartmentIds(resource));
  if (resource.resourceType === 'Patient') ids.add(resource.id);
  return [...ids];
}

function queueIndexDeletes(db: Kysely<StoreTables>, writes: VersionedWrite[], queue: Queue): void {
  const byType = new Map<string, string[]>();
  for (const w of writes) {
    if (!w.existed) continue;
    const list = byType.get(w.resource.resourceType) ?? [];
    list.push(w.resource.id);
    byType.set(w.resource.resourceType, list);
  }
  for (const table of INDEX_TABLES)
    for (const [type, ids] of byType)
      queue(
        db
          .deleteFrom(table)
          .where('resource_type', '=', type)
          .where('resource_id', '=', sql<string>`any(${arrayLiteral(ids)}::text[])`)
          .execute(),
      );
}
