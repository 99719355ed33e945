/**
 * Writes current versions, history rows and search-index rows for many resources in a few multi-row
 * statements (the import path depends on this being set-based, not row-by-row).
 */
import type { Kysely } from 'kysely';
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
}

const INDEX_TABLES = ['fhir_token', 'fhir_string', 'fhir_date', 'fhir_reference', 'fhir_quantity'] as const;
const CHUNK = 1000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function writeVersions(db: Kysely<StoreTables>, writes: VersionedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const current = writes.map((w) => ({
    resource_type: w.resource.resourceType,
    id: w.resource.id,
    version_id: w.versionId,
    last_updated: w.lastUpdated,
    deleted: w.method === 'DELETE',
    content: w.method === 'DELETE' ? null : JSON.stringify(w.resource),
    compartments: w.method === 'DELETE' ? [] : compartmentsOf(w.resource),
  }));
  for (const part of chunks(current)) {
    await db
      .insertInto('fhir_resource')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['resource_type', 'id']).doUpdateSet((eb) => ({
          version_id: eb.ref('excluded.version_id'),
          last_updated: eb.ref('excluded.last_updated'),
          deleted: eb.ref('excluded.deleted'),
          content: eb.ref('excluded.content'),
          compartments: eb.ref('excluded.compartments'),
        })),
      )
      .execute();
  }
  for (const part of chunks(writes)) {
    await db
      .insertInto('fhir_history')
      .values(
        part.map((w) => ({
          resource_type: w.resource.resourceType,
          id: w.resource.id,
          version_id: w.versionId,
          last_updated: w.lastUpdated,
          deleted: w.method === 'DELETE',
          method: w.method,
          content: w.method === 'DELETE' ? null : JSON.stringify(w.resource),
        })),
      )
      .execute();
  }
  await replaceIndexRows(db, writes);
}

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
          .where('resource_id', 'in', ids)
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
  for (const part of chunks(tokens)) await db.insertInto('fhir_token').values(part).execute();
  for (const part of chunks(strings)) await db.insertInto('fhir_string').values(part).execute();
  for (const part of chunks(dates)) await db.insertInto('fhir_date').values(part).execute();
  for (const part of chunks(references)) await db.insertInto('fhir_reference').values(part).execute();
  for (const part of chunks(quantities)) await db.insertInto('fhir_quantity').values(part).execute();
}
