/**
 * Writes current versions, history rows and search-index rows for many resources in a few multi-row
 * statements (the import path depends on this being set-based, not row-by-row).
 */
import { sql, type Kysely } from 'kysely';
import { extractIndexRows, patientCompartmentIds } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';

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
const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function writeVersions(db: Kysely<StoreTables>, writes: VersionedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // Rows in key order, so that concurrent transactions touching shared resources (the same Organization in
  // two bundles) lock them in the same order and cannot deadlock.
  writes = [...writes].sort(
    (a, b) => cmp(a.resource.resourceType, b.resource.resourceType) || cmp(a.resource.id, b.resource.id),
  );
  // Set-based writes: one statement per table with unnest() over column arrays — a handful of bound
  // parameters however many rows, instead of thousands (faster to build, send and plan).
  for (const part of chunks(writes)) {
    const types = part.map((w) => w.resource.resourceType);
    const ids = part.map((w) => w.resource.id);
    const versions = part.map((w) => w.versionId);
    const updated = part.map((w) => w.lastUpdated);
    const deleted = part.map((w) => w.method === 'DELETE');
    const contents = part.map((w) => (w.method === 'DELETE' ? null : JSON.stringify(w.resource)));
    const compartments = part.map((w) => (w.method === 'DELETE' ? '' : compartmentsOf(w.resource).join(SEP)));
    const methods = part.map((w) => w.method);
    const authors = part.map((w) => w.author ?? null);
    // History first: a deletion is filed under the compartments of the version it deletes (still current).
    await sql`insert into fhir_history (resource_type, id, version_id, last_updated, deleted, method, content, compartments)
      select t, i, v, u, d, m, c::jsonb, case when d
        then coalesce((select r.compartments from fhir_resource r where r.resource_type = t and r.id = i), '{}')
        else string_to_array(p, ${SEP}) end
      from unnest(${types}::text[], ${ids}::text[], ${versions}::bigint[], ${updated}::timestamptz[], ${deleted}::boolean[], ${methods}::text[], ${contents}::text[], ${compartments}::text[]) as x(t, i, v, u, d, m, c, p)`.execute(
      db,
    );
    await sql`insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments, author)
      select t, i, v, u, d, c::jsonb, string_to_array(p, ${SEP}), a
      from unnest(${types}::text[], ${ids}::text[], ${versions}::bigint[], ${updated}::timestamptz[], ${deleted}::boolean[], ${contents}::text[], ${compartments}::text[], ${authors}::text[]) as x(t, i, v, u, d, c, p, a)
      on conflict (resource_type, id) do update set version_id = excluded.version_id, last_updated = excluded.last_updated,
        deleted = excluded.deleted, content = excluded.content, compartments = excluded.compartments,
        author = coalesce(excluded.author, fhir_resource.author)`.execute(db);
  }
  await replaceIndexRows(db, writes);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Separator of patient ids inside one array element (ids are [A-Za-z0-9-.], so it never occurs in them). */
const SEP = '\u001f';

function compartmentsOf(resource: FhirResource & { id: string }): string[] {
  const ids = new Set(patientCompartmentIds(resource));
  if (resource.resourceType === 'Patient') ids.add(resource.id);
  return [...ids];
}

async function replaceIndexRows(db: Kysely<StoreTables>, writes: VersionedWrite[]): Promise<void> {
  const existing = writes.filter((w) => w.existed);
  if (existing.length > 0) {
    const byType = new Map<string, string[]>();
    for (const w of existing) {
      const list = byType.get(w.resource.resourceType) ?? [];
      list.push(w.resource.id);
      byType.set(w.resource.resourceType, list);
    }
    for (const table of INDEX_TABLES) {
      for (const [type, ids] of byType) {
        await db
          .deleteFrom(table)
          .where('resource_type', '=', type)
          .where('resource_id', '=', sql<string>`any(${ids}::text[])`)
          .execute();
      }
    }
  }
  const tokens: StoreTables['fhir_token'][] = [];
  const strings: StoreTables['fhir_string'][] = [];
  const dates: StoreTables['fhir_date'][] = [];
  const references: StoreTables['fhir_reference'][] = [];
  const quantities: StoreTables['fhir_quantity'][] = [];
  for (const w of writes) {
    if (w.method === 'DELETE') continue;
    const owner = { resource_type: w.resource.resourceType, resource_id: w.resource.id };
    const rows = extractIndexRows(w.resource);
    for (const t of rows.tokens) tokens.push({ ...owner, param: t.param, system: t.system, code: t.code });
    for (const u of rows.uris) tokens.push({ ...owner, param: u.param, system: null, code: u.value });
    for (const s of rows.strings) strings.push({ ...owner, param: s.param, value: s.value });
    for (const d of rows.dates) dates.push({ ...owner, param: d.param, start_at: d.start, end_at: d.end });
    for (const r of rows.references) {
      references.push({
        ...owner,
        param: r.param,
        target_type: r.targetType,
        target_id: r.targetId ?? r.url,
      });
    }
    for (const q of rows.quantities) {
      quantities.push({ ...owner, param: q.param, value: q.value, system: q.system, code: q.code ?? q.unit });
    }
    for (const n of rows.numbers)
      quantities.push({ ...owner, param: n.param, value: n.value, system: null, code: null });
  }
  for (const part of chunks(tokens)) {
    await sql`insert into fhir_token (resource_type, resource_id, param, system, code)
      select * from unnest(${part.map((r) => r.resource_type)}::text[], ${part.map((r) => r.resource_id)}::text[], ${part.map((r) => r.param)}::text[], ${part.map((r) => r.system)}::text[], ${part.map((r) => r.code)}::text[])`.execute(
      db,
    );
  }
  for (const part of chunks(strings)) {
    await sql`insert into fhir_string (resource_type, resource_id, param, value)
      select * from unnest(${part.map((r) => r.resource_type)}::text[], ${part.map((r) => r.resource_id)}::text[], ${part.map((r) => r.param)}::text[], ${part.map((r) => r.value)}::text[])`.execute(
      db,
    );
  }
  for (const part of chunks(dates)) {
    await sql`insert into fhir_date (resource_type, resource_id, param, start_at, end_at)
      select * from unnest(${part.map((r) => r.resource_type)}::text[], ${part.map((r) => r.resource_id)}::text[], ${part.map((r) => r.param)}::text[], ${part.map((r) => r.start_at)}::timestamptz[], ${part.map((r) => r.end_at)}::timestamptz[])`.execute(
      db,
    );
  }
  for (const part of chunks(references)) {
    await sql`insert into fhir_reference (resource_type, resource_id, param, target_type, target_id)
      select * from unnest(${part.map((r) => r.resource_type)}::text[], ${part.map((r) => r.resource_id)}::text[], ${part.map((r) => r.param)}::text[], ${part.map((r) => r.target_type)}::text[], ${part.map((r) => r.target_id)}::text[])`.execute(
      db,
    );
  }
  for (const part of chunks(quantities)) {
    await sql`insert into fhir_quantity (resource_type, resource_id, param, value, system, code)
      select * from unnest(${part.map((r) => r.resource_type)}::text[], ${part.map((r) => r.resource_id)}::text[], ${part.map((r) => r.param)}::text[], ${part.map((r) => r.value)}::numeric[], ${part.map((r) => r.system)}::text[], ${part.map((r) => r.code)}::text[])`.execute(
      db,
    );
  }
}
