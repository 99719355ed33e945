/**
 * Transaction and batch Bundles. A transaction is atomic: identities are assigned (conditional create and
 * update resolved), `urn:uuid:` references rewritten, every resource validated and every reference checked,
 * and only then is anything written — in one database transaction with its audit entry. A batch processes
 * each entry on its own and reports each outcome.
 */
import { sql, type Kysely } from 'kysely';
import { QihuangError, isQihuangError, type Issue, type RequestContext } from '@qihuang/contracts';
import { isResourceType, operationOutcome, patientCompartmentIds, validateResource } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { assertInCompartment, authorOf } from './access.ts';
import { assertPatientMayChange } from './patient-writes.ts';
import { assertStaffMayChange } from './staff-writes.ts';
import type { FhirRepository, FhirResource } from './fhir-repository.ts';
import { keyList } from './resource-meta.ts';
import { writeVersions, type VersionedWrite } from './index-writer.ts';
import { assertBundle, fail, rewriteReferences } from './bundle-checks.ts';

export { assertBundle, rewriteReferences };

export interface BundleEntryRequest {
  method: string;
  url: string;
  ifNoneExist?: string;
  ifMatch?: string;
}
export interface BundleEntry {
  fullUrl?: string;
  resource?: FhirResource;
  request?: BundleEntryRequest;
}
export interface Bundle {
  resourceType: 'Bundle';
  type: string;
  entry?: BundleEntry[];
}

export interface ProcessOptions {
  /**
   * Import mode: a POST whose fullUrl is `urn:uuid:X` (X a valid id) is stored as `Type/X` (an upsert), so that
   * importing the same files twice creates no duplicates.
   */
  idsFromFullUrl?: boolean;
  /** Check that `Type/id` references point at stored resources (default true; bulk NDJSON imports turn it off). */
  checkReferences?: boolean;
}

export interface TransactionSummary {
  bundle: Record<string, unknown>;
  written: number;
  unchanged: number;
  byType: Record<string, number>;
}

type Planned =
  | {
      index: number;
      kind: 'write';
      resource: FhirResource & { id: string };
      ifMatch?: string;
      fullUrl?: string;
    }
  | { index: number; kind: 'existing'; resource: FhirResource & { id: string } }
  | { index: number; kind: 'delete'; type: string; id: string };

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** The outcome of a transaction entry whose content equals the stored version (nothing was written). */
const UNCHANGED_OUTCOME = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'information', code: 'informational', diagnostics: 'unchanged: no new version' }],
} as const;

function splitUrl(url: string): { type: string; id?: string; query?: string } {
  const [path = '', query] = url.replace(/^\//, '').split('?', 2);
  const [type = '', id] = path.split('/');
  return { type, id: id || undefined, query };
}

export async function processTransaction(
  repo: FhirRepository,
  ctx: RequestContext,
  input: unknown,
  options: ProcessOptions = {},
): Promise<TransactionSummary> {
  const bundle = assertBundle(input, ['transaction']);
  const entries = bundle.entry ?? [];
  return repo.db.transaction().execute(async (trx) => {
    const refMap = new Map<string, string>();
    const planned: Planned[] = [];
    // Pass 1: identities.
    for (const [index, entry] of entries.entries()) {
      const request = entry.request;
      if (!request || typeof request.method !== 'string' || typeof request.url !== 'string')
        fail(index, 'request.method and request.url are required');
      const method = request.method.toUpperCase();
      const { type, id, query } = splitUrl(request.url);
      if (!isResourceType(type)) fail(index, `unknown resource type "${type}" in request.url`, 'request.url');
      if (method === 'DELETE') {
        repo.authorize(ctx, type, 'write');
        const targets = id
          ? [id]
          : (await repo.conditionalMatches(trx, ctx, type, query ?? '')).map((r) => r.id);
        for (const target of targets) planned.push({ index, kind: 'delete', type, id: target });
        continue;
      }
      if (method === 'GET')
        fail(index, 'GET entries are not supported inside a transaction; use a batch', 'request.method');
      const resource = entry.resource;
      if (!resource || typeof resource !== 'object')
        fail(index, 'a resource is required for POST and PUT', 'resource', 'required');
      if (resource.resourceType !== type)
        fail(
          index,
          `resource type ${String(resource.resourceType)} does not match request.url ${request.url}`,
          'resource.resourceType',
        );
      repo.authorize(ctx, type, 'write');
      let targetId: string;
      if (method === 'POST') {
        if (request.ifNoneExist) {
          const matches = await repo.conditionalMatches(trx, ctx, type, request.ifNoneExist);
          if (matches.length > 1)
            throw new QihuangError(
              'precondition-failed',
              `Bundle.entry[${index}]: ifNoneExist "${request.ifNoneExist}" matches ${matches.length} resources`,
            );
          if (matches.length === 1) {
            const existing = matches[0]!.content as FhirResource & { id: string };
            if (entry.fullUrl) refMap.set(entry.fullUrl, `${type}/${existing.id}`);
            planned.push({ index, kind: 'existing', resource: existing });
            continue;
          }
        }
        const fromUrl =
          options.idsFromFullUrl && entry.fullUrl?.startsWith('urn:uuid:')
            ? entry.fullUrl.slice(9)
            : undefined;
        targetId = fromUrl && ID_RE.test(fromUrl) ? fromUrl : repo.generateId();
      } else if (method === 'PUT') {
        if (id) {
          targetId = id;
        } else {
          const matches = await repo.conditionalMatches(trx, ctx, type, query ?? '');
          if (matches.length > 1)
            throw new QihuangError(
              'precondition-failed',
              `Bundle.entry[${index}]: conditional update "${request.url}" matches ${matches.length} resources`,
            );
          targetId =
            matches[0]?.id ??
            (typeof resource.id === 'string' && ID_RE.test(resource.id) ? resource.id : repo.generateId());
        }
      } else {
        fail(
          index,
          `method ${method} is not supported (POST, PUT, DELETE)`,
          'request.method',
          'not-supported',
        );
      }
      if (entry.fullUrl) refMap.set(entry.fullUrl, `${type}/${targetId}`);
      planned.push({
        index,
        kind: 'write',
        resource: { ...resource, id: targetId },
        ifMatch: request.ifMatch,
        fullUrl: entry.fullUrl,
      });
    }

    // Pass 2: rewrite references, collect the ones that must already exist.
    const external = new Map<string, { index: number; path: string }>();
    const inBundle = new Set(
      planned.flatMap((p) => (p.kind === 'delete' ? [] : [`${p.resource.resourceType}/${p.resource.id}`])),
    );
    for (const p of planned) {
      if (p.kind !== 'write') continue;
      rewriteReferences(p.resource, p.resource.resourceType, (reference, path) => {
        const mapped = refMap.get(reference);
        if (mapped) return mapped;
        if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
          fail(
            p.index,
            `reference "${reference}" at ${path} points at no entry of this transaction`,
            `resource.${path.split('.').slice(1).join('.')}`,
            'not-found',
          );
        }
        const match = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.*)?$/.exec(reference);
        if (match && !inBundle.has(`${match[1]}/${match[2]}`))
          external.set(`${match[1]}/${match[2]}`, { index: p.index, path });
        return reference;
      });
    }

    // Pass 3: validate everything before writing anything.
    const issues: Issue[] = [];
    for (const p of planned) {
      if (p.kind !== 'write') continue;
      for (const issue of validateResource(p.resource)) {
        issues.push({
          ...issue,
          expression: (issue.expression ?? [p.resource.resourceType]).map((e) =>
            `Bundle.entry[${p.index}].resource.${e.split('.').slice(1).join('.') || e}`.replace(/\.$/, ''),
          ),
        });
      }
    }
    if (issues.length) {
      throw new QihuangError(
        'invalid-resource',
        `Transaction rejected: ${issues.length} problem(s); first: ${issues[0]!.expression?.[0] ?? ''} ${issues[0]!.message}`,
        { issues },
      );
    }
    if (options.checkReferences !== false) await assertReferencesExist(trx, external);

    // Pass 4: write.
    const writes = planned.filter((p): p is Extract<Planned, { kind: 'write' }> => p.kind === 'write');
    const prepared = await repo.prepareUpdates(
      trx,
      ctx,
      writes.map((w) => ({ resource: w.resource, ifMatch: w.ifMatch })),
    );
    const versioned: VersionedWrite[] = [];
    const results = new Map<
      number,
      { status: string; resource: FhirResource & { id: string }; unchanged?: boolean }
    >();
    prepared.forEach((result, i) => {
      const w = writes[i]!;
      if (result.kind === 'unchanged')
        results.set(w.index, { status: '200 OK', resource: result.current, unchanged: true });
      else {
        versioned.push(result.write);
        results.set(w.index, {
          status: result.write.existed ? '200 OK' : '201 Created',
          resource: result.write.resource,
        });
      }
    });
    const deletes = planned.filter((p): p is Extract<Planned, { kind: 'delete' }> => p.kind === 'delete');
    if (deletes.length) {
      const keys = keyList(deletes.map((d) => [d.type, d.id]));
      const { rows } = await sql<{
        resource_type: string;
        id: string;
        version_id: number;
        deleted: boolean;
        compartments: string[];
        author: string | null;
        content: unknown;
      }>`
        select resource_type, id, version_id, deleted, compartments, author, content from fhir_resource where (resource_type, id) in (${keys}) order by resource_type, id for update`.execute(
        trx,
      );
      for (const row of rows) {
        assertInCompartment(ctx.principal, row);
        if (!row.deleted) assertPatientMayChange(ctx.principal, row);
        assertStaffMayChange(ctx.principal, row);
        if (!row.deleted)
          versioned.push({
            resource: { resourceType: row.resource_type, id: row.id },
            versionId: row.version_id + 1,
            lastUpdated: repo.now(),
            method: 'DELETE',
            existed: true,
            author: authorOf(ctx.principal),
          });
      }
    }
    await writeVersions(trx, versioned);

    const byType: Record<string, number> = {};
    const patientIds = new Set<string>();
    for (const v of versioned) {
      byType[v.resource.resourceType] = (byType[v.resource.resourceType] ?? 0) + 1;
      if (v.resource.resourceType === 'Patient') patientIds.add(v.resource.id);
    }
    for (const row of planned)
      if (row.kind === 'write') for (const p of compartmentIdsOf(row.resource)) patientIds.add(p);
    await repo.audit(trx, ctx, {
      action: 'transaction',
      outcome: 'success',
      resourceType: 'Bundle',
      patientIds: [...patientIds],
      detail: { entries: entries.length, written: versioned.length, byType },
    });

    const responseEntries = entries.map((_, index) => {
      const result = results.get(index);
      if (result) {
        const { resource } = result;
        const version = (resource.meta as { versionId?: string } | undefined)?.versionId;
        return {
          fullUrl: `${resource.resourceType}/${resource.id}`,
          resource,
          response: {
            status: result.status,
            location: `${resource.resourceType}/${resource.id}/_history/${version}`,
            etag: `W/"${version}"`,
            lastModified: (resource.meta as { lastUpdated?: string } | undefined)?.lastUpdated,
            // Same content as stored: no new version (importers count it as unchanged).
            ...(result.unchanged ? { outcome: UNCHANGED_OUTCOME } : {}),
          },
        };
      }
      const existing = planned.find((p) => p.index === index && p.kind === 'existing');
      if (existing && existing.kind === 'existing')
        return {
          fullUrl: `${existing.resource.resourceType}/${existing.resource.id}`,
          resource: existing.resource,
          response: {
            status: '200 OK',
            location: `${existing.resource.resourceType}/${existing.resource.id}`,
          },
        };
      return { response: { status: '204 No Content' } };
    });
    return {
      bundle: { resourceType: 'Bundle', type: 'transaction-response', entry: responseEntries },
      written: versioned.length,
      unchanged: writes.length - versioned.filter((v) => v.method !== 'DELETE').length,
      byType,
    };
  });
}

function compartmentIdsOf(resource: FhirResource & { id: string }): string[] {
  return resource.resourceType === 'Patient' ? [resource.id] : patientCompartmentIds(resource);
}

async function assertReferencesExist(
  trx: Kysely<StoreTables>,
  external: Map<string, { index: number; path: string }>,
) {
  if (external.size === 0) return;
  const keys = keyList([...external.keys()].map((k) => k.split('/') as [string, string]));
  const { rows } = await sql<{
    k: string;
  }>`select resource_type || '/' || id as k from fhir_resource where deleted = false and (resource_type, id) in (${keys})`.execute(
    trx,
  );
  const found = new Set(rows.map((r) => r.k));
  for (const [key, where] of external) {
    if (!found.has(key))
      fail(
        where.index,
        `reference "${key}" at ${where.path} points at a resource that does not exist`,
        `resource.${where.path.split('.').slice(1).join('.')}`,
        'not-found',
      );
  }
}

export async function processBatch(
  repo: FhirRepository,
  ctx: RequestContext,
  input: unknown,
): Promise<Record<string, unknown>> {
  const bundle = assertBundle(input, ['batch']);
  const out: Record<string, unknown>[] = [];
  for (const [index, entry] of (bundle.entry ?? []).entries()) {
    try {
      const request = entry.request;
      if (
        !request?.method ||
        !request.url ||
        typeof request.method !== 'string' ||
        typeof request.url !== 'string'
      )
        fail(index, 'request.method and request.url are required');
      const { type, id, query } = splitUrl(request.url);
      const method = request.method.toUpperCase();
      if (method === 'GET') {
        if (id) {
          const resource = await repo.read(ctx, type, id);
          out.push({ resource, response: { status: '200 OK' } });
        } else {
          const result = await repo.search(ctx, type, new URLSearchParams(query ?? ''));
          out.push({
            resource: {
              resourceType: 'Bundle',
              type: 'searchset',
              total: result.total,
              entry: result.matches.map((m) => ({ resource: m.content })),
            },
            response: { status: '200 OK' },
          });
        }
      } else {
        const single = await processTransaction(repo, ctx, {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [entry],
        });
        const first = (single.bundle.entry as Record<string, unknown>[])[0]!;
        out.push(first);
      }
    } catch (error) {
      const status = isQihuangError(error) ? error.status : 500;
      out.push({ response: { status: String(status), outcome: operationOutcome(error) } });
    }
  }
  return { resourceType: 'Bundle', type: 'batch-response', entry: out };
}
