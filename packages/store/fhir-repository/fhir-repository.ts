/**
 * The FHIR store: CRUD, versions, history, search and $everything over the database, with access decisions
 * and audit in the same transaction as the change. Knows nothing of HTTP (the server and the CLI both call it).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { QihuangError, isQihuangError, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { assertValidResource, parseSearch, stampRecordedBy, type ParsedSearch } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import {
  executeSearch,
  type SearchResult,
  type StoredJsonRow,
  type StoredRow,
} from '../search/search-executor.ts';
import { searchAs } from './search-reads.ts';
import {
  assertInCompartment,
  authorOf,
  compartmentOf,
  type AccessMode,
  type RepositoryHooks,
} from './access.ts';
import { writeVersions, type FhirResource, type VersionedWrite } from './index-writer.ts';
import { bulkUpsert, type BulkUpsertOptions, type BulkUpsertResult } from './bulk-insert.ts';
import { everything, history, patientResources, vread, type HistoryEntry } from './chart-reads.ts';
import {
  assertPatientMayChange,
  assertPatientMayWrite,
  assertPatientReferencesOwn,
  compartmentsOf,
} from './patient-writes.ts';
import { assertStaffMayChange } from './staff-writes.ts';
import { keyList, parseETag, sameContent, withMeta } from './resource-meta.ts';

export type { FhirResource } from './index-writer.ts';
export type { HistoryEntry } from './chart-reads.ts';

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

  /** Whether `authorize` lets the principal through (false where it answers 'forbidden'). */
  allows(ctx: RequestContext, resourceType: string, mode: AccessMode): boolean {
    try {
      this.authorize(ctx, resourceType, mode);
      return true;
    } catch (error) {
      if (isQihuangError(error) && error.code === 'forbidden') return false;
      throw error;
    }
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

  /** A version, checked against the compartment it was filed under (chart-reads.ts). */
  vread(ctx: RequestContext, resourceType: string, id: string, versionId: string): Promise<FhirResource> {
    return vread(this, ctx, resourceType, id, versionId);
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
      // Who recorded it travels with the content (recorded-by tag, docs/decisions/0003).
      const stored = withMeta(stampRecordedBy(checked, authorOf(ctx.principal)), this.newId(), 1, this.now());
      assertPatientMayWrite(ctx.principal, stored);
      await assertPatientReferencesOwn(trx, ctx.principal, [stored]);
      await writeVersions(trx, [
        {
          resource: stored,
          versionId: 1,
          lastUpdated: stored.meta!.lastUpdated as string,
          method: 'POST',
          existed: false,
          author: authorOf(ctx.principal),
        },
      ]);
      await this.audit(trx, ctx, {
        action: 'create',
        outcome: 'success',
        resourceType: stored.resourceType,
        resourceId: stored.id,
        patientIds: compartmentsOf(stored),
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
        patientIds: compartmentsOf(write.write.resource),
      });
      return { resource: write.write.resource, created: !write.write.existed, changed: true };
    });
  }

  /**
   * Versions for a set of PUTs (by id), checking If-Match and the patient boundaries (patient-writes.ts).
   * Unchanged content produces no new version — re-importing the same data is a no-op.
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
      author: string | null;
    }>`
      select resource_type, id, version_id, deleted, content, compartments, author from fhir_resource
      where (resource_type, id) in (${keys}) order by resource_type, id for update`.execute(trx);
    const existing = new Map(rows.map((r) => [`${r.resource_type}/${r.id}`, r]));
    // A patient's references to compartment resources point into its own record (or this request).
    await assertPatientReferencesOwn(
      trx,
      ctx.principal,
      items.map((i) => i.resource),
      new Set(items.map((i) => `${i.resource.resourceType}/${i.resource.id}`)),
    );
    const lastUpdated = this.now();
    const author = authorOf(ctx.principal);
    const patient = compartmentOf(ctx.principal) !== undefined;
    return items.map(({ resource: sent, ifMatch }) => {
      // The content to store carries who wrote this version (recorded-by tag, docs/decisions/0003): a
      // clinician who saves a patient-recorded resource, changed or not, confirms it.
      const resource = stampRecordedBy(sent, author);
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
      // A patient sending back the current content unchanged (a clinician's too) is not a change.
      const same = (c: FhirResource) => sameContent(c, resource) || (patient && sameContent(c, sent));
      if (current && !current.deleted && current.content && same(current.content)) {
        return { kind: 'unchanged' as const, current: current.content as FhirResource & { id: string } };
      }
      const versionId = (current?.version_id ?? 0) + 1;
      const stored = withMeta(resource, resource.id, versionId, lastUpdated);
      if (current) assertPatientMayChange(ctx.principal, current);
      if (current) assertStaffMayChange(ctx.principal, current, resource);
      assertPatientMayWrite(ctx.principal, stored);
      return {
        kind: 'write' as const,
        write: {
          resource: stored,
          versionId,
          lastUpdated,
          method: 'PUT' as const,
          existed: current !== undefined,
          author,
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
      assertPatientMayChange(ctx.principal, current);
      assertStaffMayChange(ctx.principal, current);
      const versionId = current.version_id + 1;
      const resource = { resourceType, id } as FhirResource & { id: string };
      await writeVersions(trx, [
        {
          resource,
          versionId,
          lastUpdated: this.now(),
          method: 'DELETE',
          existed: true,
          author: authorOf(ctx.principal),
        },
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
    return searchAs(this, ctx, resourceType, params, 'object', executor);
  }

  /**
   * The same search (access, includes, audit) with each resource as the database's JSON text, never parsed:
   * for answers that pass the resources through (the HTTP searchset Bundle, fhir-bundles.ts).
   */
  async searchJson(
    ctx: RequestContext,
    resourceType: string,
    params: URLSearchParams | [string, string][],
  ): Promise<SearchResult<StoredJsonRow> & { parsed: ParsedSearch }> {
    return searchAs(this, ctx, resourceType, params, 'json');
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

  /** History of a type or an instance; a patient sees only versions filed under its compartment. */
  history(
    ctx: RequestContext,
    resourceType: string,
    id: string | undefined,
    options: { count: number; offset: number; since?: string },
  ): Promise<{ total: number; entries: HistoryEntry[] }> {
    return history(this, ctx, resourceType, id, options);
  }

  /** One patient's chart for a server-side view, in one query with one audit entry (chart-reads.ts). */
  patientResources(
    ctx: RequestContext,
    patientId: string,
    types: readonly string[],
    options: { observationCodes?: readonly string[] } = {},
  ): Promise<FhirResource[]> {
    return patientResources(this, ctx, patientId, types, options);
  }

  /** Patient/{id}/$everything (chart-reads.ts); a patient principal only on its own id. */
  everything(
    ctx: RequestContext,
    patientId: string,
    options: { count: number; offset: number },
  ): Promise<{ total: number; rows: StoredRow[] }> {
    return everything(this, ctx, patientId, options);
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
}
