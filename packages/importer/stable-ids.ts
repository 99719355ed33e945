/**
 * Stable identities for import, so that importing the same files again — directly or through a server, after
 * a crash or not — writes nothing new. Every create becomes a PUT by id: the id of a `urn:uuid:` fullUrl, else
 * the resource's own id, else one derived from the resource's content (a SHA-256 of its canonical JSON, with an
 * occurrence number so that identical resources in one file stay distinct). A create with `ifNoneExist` is kept
 * as it is: a conditional create is already idempotent.
 */
import { createHash } from 'node:crypto';
import type { BundleEntry, FhirResource } from '@qihuang/store';

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** JSON with object keys sorted, so that key order does not change the derived id. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Assigns ids within one import unit (a file, or an NDJSON file); identical content gets numbered ids. */
export class StableIds {
  private readonly seen = new Map<string, number>();

  /** The id to store `resource` under, given its entry's fullUrl. */
  idFor(resource: FhirResource, fullUrl: string | undefined): string {
    const fromUrl = fullUrl?.startsWith('urn:uuid:') ? fullUrl.slice(9) : undefined;
    if (fromUrl && ID_RE.test(fromUrl)) return fromUrl;
    if (typeof resource.id === 'string' && ID_RE.test(resource.id)) return resource.id;
    const { meta: _meta, id: _id, ...content } = resource as FhirResource & { meta?: unknown };
    const digest = createHash('sha256').update(canonical(content)).digest('hex');
    const occurrence = this.seen.get(digest) ?? 0;
    this.seen.set(digest, occurrence + 1);
    const hex =
      occurrence === 0 ? digest : createHash('sha256').update(`${digest}#${occurrence}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  /** A create (POST without ifNoneExist) as a PUT by stable id; other entries unchanged. */
  entry(entry: BundleEntry): BundleEntry {
    const request = entry.request;
    const resource = entry.resource;
    if (
      !resource ||
      typeof resource !== 'object' ||
      typeof resource.resourceType !== 'string' ||
      !request ||
      typeof request.method !== 'string' ||
      request.method.toUpperCase() !== 'POST' ||
      request.ifNoneExist
    )
      return entry;
    const id = this.idFor(resource, entry.fullUrl);
    return {
      ...entry,
      resource: { ...resource, id },
      request: { method: 'PUT', url: `${resource.resourceType}/${id}` },
    };
  }
}

/** A transaction Bundle whose creates are PUTs by stable id (references to their fullUrls still resolve). */
export function withStableIds(
  bundle: Record<string, unknown>,
  ids = new StableIds(),
): Record<string, unknown> {
  const entries = bundle.entry;
  if (!Array.isArray(entries)) return bundle;
  return { ...bundle, entry: (entries as BundleEntry[]).map((e) => (e ? ids.entry(e) : e)) };
}
