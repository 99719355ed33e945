/**
 * The FHIR store: CRUD, versions, history, search and $everything over the database, with access decisions
 * and audit in the same transaction as the change. Knows nothing of HTTP (the server and the CLI both call it).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { QihuangError, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { assertValidResource, parseSearch, patientCompartmentIds, type ParsedSearch } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import {
  compartmentCondition,
  executeSearch,
  type SearchResult,
  type StoredRow,
} from '../search/search-executor.ts';
import {
  assertInCompartment,
  compartmentOf,
  hiddenFromPatient,
  type AccessMode,
  type RepositoryHooks,
} from './access.ts';
import { writeVersions, type FhirResource, type VersionedWrite } from './index-writer.ts';
import { bulkUpsert, type BulkUpsertOptions, type BulkUpsertResult } from './bulk-insert.ts';

export type { FhirResource } from './index-writer.ts';

export interface RepositoryOptions extends RepositoryHooks {
  clock?: () => Date;
  newId?: () => string;
}

export interface WriteOutcome {
  resource: FhirResource & { id: string };
  created: boolean;
  /** false when an update carried the same content as the current version (no new version written). */
  changed: boolean;
}

export interface HistoryEntry {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: Date;
  deleted: boolean;
  method: string;
  content: Record<string, unknown> | null;
}

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

export class FhirRepository {
  readonly db: Kysely<StoreTables>;
  readonly options: RepositoryOptions;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(db: Kysely<StoreTables>, options: RepositoryOptions = {}) {
    this.db = db;
    this.options = options;
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  authorize(ctx: RequestContext, resourceType: string, mode: AccessMode): void {
    this.options.authorize?.(ctx.principal, resourceType, mode);
  }

  async audit(executor: Kysely<StoreTables>, ctx: RequestContext, record: AuditRecord): Promise<void> {
    await this.options.audit?.(executor, ctx, record);
  }

  now(): string {
    return this.clock().toISOString();
  }

  generateId(): string {
    return this.newId();
  }

  async read(ctx: RequestContext, resourceType: string, id: string): Promise<FhirResource> {
    this.authorize(ctx, resourceType, 'read');
    const row = await this.db
      .selectFrom('fhir_resource')
      .selectAll()
      .where('resource_type', '=', resourceType)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new QihuangError('not-found', `${resourceType}/${id} is not known`);
    assertInCompartment(ctx.principal, row);
    if (row.deleted)
      throw new QihuangError('gone', `${resourceType}/${id} was deleted (version ${row.version_id})`);
    const resource = row.content as FhirResource;
    await this.audit(this.db, ctx, {
      action: 'read',
      outcome: 'success',
      resourceType,
      resourceId: id,
      patientIds: row.compartments,
    });
    return resource;
  }

  async vread(
    ctx: RequestContext,
    resourceType: string,
    id: string,
    versionId: string,
  ): Promise<FhirResource> {
    this.authorize(ctx, resourceType, 'read');
    const version = Number(versionId);
    if (!Number.isInteger(version) || version < 1)
      throw new QihuangError('invalid-input', `Version "${versionId}" is not a version number`);
    const current = await this.db
      .selectFrom('fhir_resource')
      .select(['resource_type', 'id', 'compartments'])
      .where('resource_type', '=', resourceType)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw new QihuangError('not-found', `${resourceType}/${id} is not known`);
    assertInCompartment(ctx.principal, current);
    const row = await this.db
      .selectFrom('fhir_history')
      .selectAll()
      .where('resource_type', '=', resourceType)
      .where('id', '=', id)
      .where('version_id', '=', version)
      .executeTakeFirst();
    if (!row) throw new QihuangError('not-found', `${resourceType}/${id} has no version ${versionId}`);
    if (row.deleted || !row.content)
      throw new QihuangError('gone', `${resourceType}/${id} version ${versionId} is a deletion`);
    if (compartmentOf(ctx.principal) !== undefined && hiddenFromPatient(resourceType, row.content))
      throw new QihuangError('not-found', `${resourceType}/${id} has no version ${versionId}`);
    await this.audit(this.db, ctx, {
      action: 'vread',
      outcome: 'success',
      resourceType,
      resourceId: id,
      patientIds: current.compartments,
    });
    return row.content as FhirResource;
  }

  async create(
    ctx: RequestContext,
    resource: unknown,
    options: { ifNoneExist?: string; resourceType?: string } = {},
  ): Promise<WriteOutcome> {
    const checked = this.checkResource(resource, options.resourceType);
    this.authorize(ctx, checked.resourceType, 'write');
    return this.db.transaction().execute(async (trx) => {
      if (options.ifNoneExist) {
        const existing = await this.conditionalMatches(trx, ctx, checked.resourceType, options.ifNoneExist);
        if (existing.length > 1) {
          throw new QihuangError(
            'precondition-failed',
            `If-None-Exist "${options.ifNoneExist}" matches ${existing.length} resources`,
          );
        }
        if (existing.length === 1)
          return {
            resource: existing[0]!.content as FhirResource & { id: string },
            created: false,
            changed: false,
          };
      }
      const stored = withMeta(checked, this.newId(), 1, this.now());
      this.assertPatientOwnsWrite(ctx, stored);
      await writeVersions(trx, [
        {
          resource: stored,
          versionId: 1,
          lastUpdated: stored.meta!.lastUpdated as string,
          method: 'POST',
          existed: false,
        },
      ]);
      await this.audit(trx, ctx, {
        action: 'create',
        outcome: 'success',
        resourceType: stored.resourceType,
        resourceId: stored.id,
        patientIds: compartments(stored),
      });
      return { resource: stored, created: true, changed: true };
    });
  }

  async update(
    ctx: RequestContext,
    resourceType: string,
    id: string,
    resource: unknown,
    options: { ifMatch?: string } = {},
  ): Promise<WriteOutcome> {
    const checked = this.checkResource(resource, resourceType, id);
    this.authorize(ctx, resourceType, 'write');
    return this.db.transaction().execute(async (trx) => {
      const [write] = await this.prepareUpdates(trx, ctx, [
        { resource: { ...checked, id }, ifMatch: options.ifMatch },
      ]);
      if (!write) throw new QihuangError('internal', 'update prepared nothing');
      if (write.kind === 'unchanged') return { resource: write.current, created: false, changed: false };
      await writeVersions(trx, [write.write]);
      await this.audit(trx, ctx, {
        action: write.write.existed ? 'update' : 'create',
        outcome: 'success',
        resourceType,
        resourceId: id,
        patientIds: compartments(write.write.resource),
      });
      return { resource: write.write.resource, created: !write.write.existed, changed: true };
    });
  }

  /**
   * Versions for a set of PUTs (by id), checking If-Match and the patient compartment. Unchanged content
   * produces no new version — re-importing the same data is a no-op.
   */
  async prepareUpdates(
    trx: Kysely<StoreTables>,
    ctx: RequestContext,
    items: { resource: FhirResource & { id: string }; ifMatch?: string }[],
  ): Promise<
    (
      { kind: 'write'; write: VersionedWrite } | { kind: 'unchanged'; current: FhirResource & { id: string } }
    )[]
  > {
    if (items.length === 0) return [];
    const keys = keyList(items.map((i) => [i.resource.resourceType, i.resource.id]));
    const { rows } = await sql<{
      resource_type: string;
      id: string;
      version_id: number;
      deleted: boolean;
      content: FhirResource | null;
      compartments: string[];
    }>`
      select resource_type, id, version_id, deleted, content, compartments from fhir_resource
      where (resource_type, id) in (${keys}) order by resource_type, id for update`.execute(trx);
    const existing = new Map(rows.map((r) => [`${r.resource_type}/${r.id}`, r]));
    const lastUpdated = this.now();
    return items.map(({ resource, ifMatch }) => {
      const current = existing.get(`${resource.resourceType}/${resource.id}`);
      if (current) assertInCompartment(ctx.principal, current);
      if (ifMatch !== undefined) {
        const expected = parseETag(ifMatch);
        if (!current || String(current.version_id) !== expected) {
          throw new QihuangError(
            'precondition-failed',
            `${resource.resourceType}/${resource.id} is at version ${current?.version_id ?? 'none'}, not ${expected} (If-Match)`,
          );
        }
      }
      if (current && !current.deleted && current.content && sameContent(current.content, resource)) {
        return { kind: 'unchanged' as const, current: current.content as FhirResource & { id: string } };
      }
      const versionId = (current?.version_id ?? 0) + 1;
      const stored = withMeta(resource, resource.id, versionId, lastUpdated);
      this.assertPatientOwnsWrite(ctx, stored);
      return {
        kind: 'write' as const,
        write: {
          resource: stored,
          versionId,
          lastUpdated,
          method: 'PUT' as const,
          existed: current !== undefined,
        },
      };
    });
  }

  /**
   * Many PUTs by client id in one set-based transaction (device data such as home BP readings): unchanged
   * content writes nothing, one audit entry for the batch. See bulk-insert.ts.
   */
  async bulkUpsert(
    ctx: RequestContext,
    resources: readonly FhirResource[],
    options?: BulkUpsertOptions,
  ): Promise<BulkUpsertResult> {
    return bulkUpsert(this, ctx, resources, options);
  }

  async delete(ctx: RequestContext, resourceType: string, id: string): Promise<void> {
    this.authorize(ctx, resourceType, 'write');
    await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('fhir_resource')
        .selectAll()
        .where('resource_type', '=', resourceType)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new QihuangError('not-found', `${resourceType}/${id} is not known`);
      assertInCompartment(ctx.principal, current);
      if (current.deleted) return;
      const versionId = current.version_id + 1;
      const resource = { resourceType, id } as FhirResource & { id: string };
      await writeVersions(trx, [
        { resource, versionId, lastUpdated: this.now(), method: 'DELETE', existed: true },
      ]);
      await this.audit(trx, ctx, {
        action: 'delete',
        outcome: 'success',
        resourceType,
        resourceId: id,
        patientIds: current.compartments,
      });
    });
  }

  async search(
    ctx: RequestContext,
    resourceType: string,
    params: URLSearchParams | [string, string][],
    executor?: Kysely<StoreTables>,
  ): Promise<SearchResult & { parsed: ParsedSearch }> {
    this.authorize(ctx, resourceType, 'read');
    const parsed = parseSearch(resourceType, params);
    for (const rule of [...parsed.includes, ...parsed.revincludes]) {
      if (rule.targetType) this.authorize(ctx, rule.targetType, 'read');
      this.authorize(ctx, rule.sourceType, 'read');
    }
    const result = await executeSearch(executor ?? this.db, parsed, compartmentOf(ctx.principal));
    const patientIds = new Set<string>();
    for (const row of [...result.matches, ...result.included])
      for (const p of row.compartments) patientIds.add(p);
    const query = new URLSearchParams(params as [string, string][]).toString();
    await this.audit(executor ?? this.db, ctx, {
      action: 'search',
      outcome: 'success',
      resourceType,
      query,
      patientIds: [...patientIds],
      detail: { total: result.total, returned: result.matches.length },
    });
    return { ...result, parsed };
  }

  /** Every match of a search (in pages of 1,000, up to `max`), as resources. */
  async searchAll(
    ctx: RequestContext,
    resourceType: string,
    params: [string, string][],
    max = 5000,
  ): Promise<FhirResource[]> {
    const out: FhirResource[] = [];
    for (let offset = 0; offset < max; offset += 1000) {
      const result = await this.search(ctx, resourceType, [
        ...params,
        ['_count', '1000'],
        ['_offset', String(offset)],
        ['_total', 'none'],
      ]);
      out.push(...result.matches.map((m) => m.content as FhirResource));
      if (result.matches.length < 1000) break;
    }
    return out;
  }

  async conditionalMatches(
    trx: Kysely<StoreTables>,
    ctx: RequestContext,
    resourceType: string,
    query: string,
  ): Promise<StoredRow[]> {
    const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
    params.set('_count', '2');
    const parsed = parseSearch(resourceType, params);
    const result = await executeSearch(trx, { ...parsed, total: 'none' }, compartmentOf(ctx.principal));
    return result.matches;
  }

  async history(
    ctx: RequestContext,
    resourceType: string,
    id: string | undefined,
    options: { count: number; offset: number; since?: string },
  ): Promise<{ total: number; entries: HistoryEntry[] }> {
    this.authorize(ctx, resourceType, 'read');
    const patientId = compartmentOf(ctx.principal);
    if (id !== undefined) {
      const current = await this.db
        .selectFrom('fhir_resource')
        .select(['resource_type', 'id', 'compartments'])
        .where('resource_type', '=', resourceType)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) throw new QihuangError('not-found', `${resourceType}/${id} is not known`);
      assertInCompartment(ctx.principal, current);
    }
    const since = options.since ? sql`and h.last_updated >= ${options.since}::timestamptz` : sql``;
    const idCondition = id !== undefined ? sql`and h.id = ${id}` : sql``;
    // A patient sees the history of resources currently in their compartment.
    const compartment =
      patientId === undefined
        ? sql``
        : sql`and exists (select 1 from fhir_resource r where r.resource_type = h.resource_type and r.id = h.id and ${compartmentCondition(patientId)})
            and not (h.resource_type = 'MedicationRequest' and h.content->>'status' = 'draft')`;
    const { rows: count } = await sql<{
      n: number;
    }>`select count(*)::int as n from fhir_history h where h.resource_type = ${resourceType} ${idCondition} ${since} ${compartment}`.execute(
      this.db,
    );
    const { rows } =
      await sql<HistoryEntry>`select h.* from fhir_history h where h.resource_type = ${resourceType} ${idCondition} ${since} ${compartment}
      order by h.last_updated desc, h.version_id desc limit ${options.count} offset ${options.offset}`.execute(
        this.db,
      );
    await this.audit(this.db, ctx, {
      action: 'history',
      outcome: 'success',
      resourceType,
      resourceId: id,
      patientIds: patientId ? [patientId] : [],
    });
    return { total: count[0]?.n ?? 0, entries: rows };
  }

  /**
   * One patient's chart for a server-side view (the care summary, the copilot): the current resources of the
   * given types in the patient's compartment, Observations limited to the given codes, in one query with one
   * audit entry. Access rules are those of search (scopes per type, the patient's own compartment, drafts
   * hidden from patients).
   */
  async patientResources(
    ctx: RequestContext,
    patientId: string,
    types: readonly string[],
    options: { observationCodes?: readonly string[] } = {},
  ): Promise<FhirResource[]> {
    for (const type of types) this.authorize(ctx, type, 'read');
    const own = compartmentOf(ctx.principal);
    if (own !== undefined && own !== patientId)
      throw new QihuangError('not-found', `Patient/${patientId} is not known`);
    const codes = options.observationCodes;
    const observationFilter = codes
      ? sql`and (r.resource_type <> 'Observation' or exists (select 1 from fhir_token t
          where t.resource_type = 'Observation' and t.resource_id = r.id and t.param = 'code'
            and t.code = any(${[...codes]}::text[])))`
      : sql``;
    const { rows } = await sql<{ content: FhirResource; compartments: string[] }>`
      select r.content, r.compartments from fhir_resource r
      where r.deleted = false and r.resource_type = any(${[...types]}::text[])
        and (r.compartments @> ARRAY[${patientId}]::text[] or (r.resource_type = 'Patient' and r.id = ${patientId}))
        ${own === undefined ? sql`` : sql`and not (r.resource_type = 'MedicationRequest' and r.content->>'status' = 'draft')`}
        ${observationFilter}
      order by r.resource_type, r.id`.execute(this.db);
    if (
      !rows.some((r) => r.content.resourceType === 'Patient' && r.content.id === patientId) &&
      types.includes('Patient')
    )
      throw new QihuangError('not-found', `Patient/${patientId} is not known`);
    await this.audit(this.db, ctx, {
      action: 'search',
      outcome: 'success',
      query: new URLSearchParams([
        ['patient', patientId],
        ['_type', types.join(',')],
        ...(codes ? [['code', codes.join(',')] as [string, string]] : []),
      ]).toString(),
      patientIds: [patientId],
      detail: { returned: rows.length },
    });
    return rows.map((r) => r.content);
  }

  /** Patient/{id}/$everything: the patient and every resource in their compartment. */
  async everything(
    ctx: RequestContext,
    patientId: string,
    options: { count: number; offset: number },
  ): Promise<{ total: number; rows: StoredRow[] }> {
    const patient = await this.read(ctx, 'Patient', patientId);
    void patient;
    const hideDrafts =
      compartmentOf(ctx.principal) === undefined
        ? sql``
        : sql`and not (r.resource_type = 'MedicationRequest' and r.content->>'status' = 'draft')`;
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from fhir_resource r
      where r.deleted = false and (r.compartments @> ARRAY[${patientId}]::text[] or (r.resource_type = 'Patient' and r.id = ${patientId})) ${hideDrafts}`.execute(
      this.db,
    );
    const { rows } =
      await sql<StoredRow>`select r.resource_type, r.id, r.version_id, r.last_updated, r.content, r.compartments from fhir_resource r
      where r.deleted = false and (r.compartments @> ARRAY[${patientId}]::text[] or (r.resource_type = 'Patient' and r.id = ${patientId})) ${hideDrafts}
      order by (r.resource_type = 'Patient') desc, r.resource_type, r.id limit ${options.count} offset ${options.offset}`.execute(
        this.db,
      );
    const types = new Set(rows.map((r) => r.resource_type));
    for (const type of types) this.authorize(ctx, type, 'read');
    await this.audit(this.db, ctx, {
      action: 'operation',
      outcome: 'success',
      resourceType: 'Patient',
      resourceId: patientId,
      query: '$everything',
      patientIds: [patientId],
    });
    return { total: count[0]?.n ?? 0, rows };
  }

  checkResource(resource: unknown, expectedType?: string, expectedId?: string): FhirResource {
    if (!resource || typeof resource !== 'object' || Array.isArray(resource)) {
      throw new QihuangError(
        'invalid-input',
        'The body must be a FHIR resource (a JSON object with resourceType)',
      );
    }
    const r = resource as FhirResource;
    if (expectedType !== undefined && r.resourceType !== expectedType) {
      throw new QihuangError(
        'invalid-input',
        `resourceType "${String(r.resourceType)}" does not match the URL (${expectedType})`,
        {
          issues: [
            {
              severity: 'error',
              code: 'invalid',
              message: 'resourceType does not match the URL',
              expression: ['resourceType'],
            },
          ],
        },
      );
    }
    if (expectedId !== undefined && r.id !== expectedId) {
      throw new QihuangError(
        'invalid-input',
        `Resource id "${String(r.id)}" does not match the URL id "${expectedId}"`,
        {
          issues: [
            {
              severity: 'error',
              code: 'invalid',
              message: 'id must match the URL',
              expression: [`${expectedType}.id`],
            },
          ],
        },
      );
    }
    assertValidResource(r);
    return r;
  }

  /** A patient may write only inside their own compartment (e.g. home readings about themselves). */
  private assertPatientOwnsWrite(ctx: RequestContext, resource: FhirResource & { id: string }): void {
    const patientId = compartmentOf(ctx.principal);
    if (patientId === undefined) return;
    if (!compartments(resource).includes(patientId)) {
      throw new QihuangError(
        'forbidden',
        `A patient may only write resources about themselves (${resource.resourceType})`,
      );
    }
  }
}

function compartments(resource: FhirResource & { id: string }): string[] {
  const ids = new Set(patientCompartmentIds(resource));
  if (resource.resourceType === 'Patient') ids.add(resource.id);
  return [...ids];
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
