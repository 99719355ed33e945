/**
 * Resource helpers shared by the repository's reads and writes (fhir-repository.ts, bulk-insert.ts,
 * bundle-processor.ts): content comparison without meta, meta stamping, ETag parsing and the key-list SQL.
 * Kept apart so that those files import them without importing each other (issue 19).
 */
import { sql } from 'kysely';
import type { FhirResource } from './index-writer.ts';

const stripMeta = (resource: FhirResource) => {
  const { meta, ...rest } = resource;
  if (!meta) return rest;
  const { versionId: _v, lastUpdated: _l, ...otherMeta } = meta as Record<string, unknown>;
  return Object.keys(otherMeta).length ? { ...rest, meta: otherMeta } : rest;
};

export function sameContent(a: FhirResource, b: FhirResource): boolean {
  return canonical(stripMeta(a)) === canonical(stripMeta(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function withMeta(
  resource: FhirResource,
  id: string,
  versionId: number,
  lastUpdated: string,
): FhirResource & { id: string } {
  return { ...resource, id, meta: { ...(resource.meta ?? {}), versionId: String(versionId), lastUpdated } };
}

/**
 * `(type, id) in (…)` as one pair of array parameters: a long literal list of row values crashes the embedded
 * database's parser (WASM stack) beyond a few hundred pairs, and is slower to plan on PostgreSQL too.
 */
export function keyList(pairs: [string, string][]) {
  return sql`select * from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[])`;
}

export function parseETag(value: string): string {
  const match = /^(?:W\/)?"?([^"]*)"?$/.exec(value.trim());
  return match?.[1] ?? value;
}
