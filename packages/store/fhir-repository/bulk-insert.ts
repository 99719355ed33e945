/**
 * Bulk upsert by client-assigned id, for high-volume device data (home blood-pressure readings). Same
 * guarantees as a transaction Bundle of PUTs — every resource validated, references checked, patient
 * compartments applied, one database transaction (nothing half-written), unchanged content writes nothing,
 * search-index rows from the same extraction (`extractIndexRows`) — but set-based: one key lookup for the
 * whole batch, one statement for the new current versions and their history, one statement per index table
 * and ONE audit entry for the batch (naming the patients and the counts).
 *
 * New resources (the common case) take the fast path; a resource that already exists with other content (or
 * was deleted) gets a new version through the ordinary versioned writer, exactly as a PUT would.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { QihuangError, type AuditRecord, type Issue, type RequestContext } from '@qihuang/contracts';
import { isResourceType, stampRecordedBy, validateResource } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { assertInCompartment, compartmentOf } from './access.ts';
import {
  assertPatientMayChange,
  assertPatientMayWrite,
  assertPatientReferencesOwn,
  compartmentsOf,
  resolveAuthor,
} from './patient-writes.ts';
import type { FhirRepository } from './fhir-repository.ts';
import { sameContent, withMeta } from './resource-meta.ts';
import { writeVersions, type FhirResource, type VersionedWrite } from './index-writer.ts';
import { arrayLiteral, queueIndexRows, type Queue } from './index-rows-sql.ts';

export { arrayLiteral };

export interface BulkUpsertOptions {
  /** Check that `Type/id` references outside the batch point at stored resources (default true). */
  checkReferences?: boolean;
  /**
   * Extra context for the batch's audit entry (never patient data): e.g. the upload format, rejected count.
   * `false`: no entry here — only with `transaction`, whose owner writes one entry for the whole change.
   */
  audit?: { query?: string; detail?: Record<string, unknown> } | false;
  /**
   * Run inside this open transaction (the caller's other writes commit or roll back with the batch). A lost
   * race for a new id then fails the caller's transaction ('version-conflict') instead of being retried here.
   */
  transaction?: Transaction<StoreTables>;
  /**
   * The author recorded on the resources this batch creates (fhir_resource.author; default the principal's
   * own, `authorOf` in access.ts): a service writing for a patient names the patient (`Patient/<id>`), e.g.
   * the BP projector filing home readings, so the patient may later correct them. A patient principal may
   * name only itself. Resources that already exist keep their author.
   */
  author?: string | ((resource: FhirResource) => string | undefined);
}

export type BulkStatus = 'created' | 'updated' | 'unchanged';

export interface BulkUpsertResult {
  /** One per input resource, in input order. */
  outcomes: { resourceType: string; id: string; status: BulkStatus; versionId: number }[];
  created: number;
  updated: number;
  unchanged: number;
}

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;
const REFERENCE_RE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.*)?$/;
/** Separator of patient ids inside one array element (ids are [A-Za-z0-9-.]); as in index-writer.ts. */
const SEP = '\u001f';
/** Rows per statement: bounds the size of one bound array (and PGlite's memory) on very large batches. */
const CHUNK = 5000;

/** `resource` is what is stored (recorded-by tag set), `sent` what the caller sent. */
type Item = { resource: FhirResource & { id: string }; sent?: FhirResource; key: string; index: number };

interface ExistingRow {
  resource_type: string;
  id: string;
  version_id: number | string;
  deleted: boolean;
  content: FhirResource | null;
  compartments: string[];
  author: string | null;
}

export async function bulkUpsert(
  repo: FhirRepository,
  ctx: RequestContext,
  input: readonly FhirResource[],
  options: BulkUpsertOptions = {},
): Promise<BulkUpsertResult> {
  const items = checkItems(repo, ctx, input);
  if (items.length === 0) return { outcomes: [], created: 0, updated: 0, unchanged: 0 };
  const compartments = new Map<string, string[]>();
  const authors = new Map<string, string>();
  for (const item of items) {
    // A patient writes only about itself alone, attributed to itself (patient-writes.ts).
    assertPatientMayWrite(ctx.principal, item.resource);
    compartments.set(item.key, compartmentsOf(item.resource));
    const author = resolveAuthor(ctx.principal, options.author, item.resource);
    authors.set(item.key, author);
    // Who recorded it travels with the content (recorded-by tag, docs/decisions/0003).
    item.sent = item.resource;
    item.resource = stampRecordedBy(item.resource, author);
  }
  // Key order: concurrent batches sharing resources lock and insert them in the same order (no deadlock).
  const sorted = [...items].sort((a, b) => cmp(a.key, b.key));
  const batch: Batch = { items, sorted, compartments, authors };
  if (options.audit === false && !options.transaction)
    throw new QihuangError('internal', "bulkUpsert without an audit entry needs the caller's transaction");
  if (options.transaction) {
    try {
      return await attemptIn(options.transaction, repo, ctx, batch, options);
    } catch (error) {
      if (error instanceof LostRace)
        throw new QihuangError('version-conflict', 'Concurrent writes interfered with the batch; retry');
      throw error;
    }
  }
  try {
    return await attempt(repo, ctx, batch, options);
  } catch (error) {
    // A concurrent transaction created some of our new keys after our lookup: everything rolled back; once
    // more, those keys are found as existing (compared, unchanged or re-versioned like any PUT).
    if (!(error instanceof LostRace)) throw error;
    try {
      return await attempt(repo, ctx, batch, options);
    } catch (again) {
      if (again instanceof LostRace)
        throw new QihuangError('version-conflict', 'Concurrent writes interfered with the batch; retry');
      throw again;
    }
  }
}

class LostRace extends Error {}

/** The checked batch: items in input order and in key order, each one's compartments and author. */
interface Batch {
  items: Item[];
  sorted: Item[];
  compartments: Map<string, string[]>;
  authors: Map<string, string>;
}

function attempt(
  repo: FhirRepository,
  ctx: RequestContext,
  batch: Batch,
  options: BulkUpsertOptions,
): Promise<BulkUpsertResult> {
  return repo.db.transaction().execute((trx) => attemptIn(trx, repo, ctx, batch, options));
}

async function attemptIn(
  trx: Transaction<StoreTables>,
  repo: FhirRepository,
  ctx: RequestContext,
  { items, sorted, compartments, authors }: Batch,
  options: BulkUpsertOptions,
): Promise<BulkUpsertResult> {
  const lastUpdated = repo.now();
  const patient = compartmentOf(ctx.principal) !== undefined;
  const existing = await lockExisting(trx, sorted);
  // A patient's references to compartment resources point into its own record or this batch (patient-writes.ts).
  await assertPatientReferencesOwn(
    trx,
    ctx.principal,
    sorted.map((i) => i.resource),
    new Set(sorted.map((i) => `${i.resource.resourceType}/${i.resource.id}`)),
  );
  if (options.checkReferences !== false) await assertReferencesExist(trx, sorted);

  const status = new Map<string, { status: BulkStatus; versionId: number }>();
  const fresh: (FhirResource & { id: string })[] = [];
  const versioned: VersionedWrite[] = [];
  for (const item of sorted) {
    const current = existing.get(item.key);
    if (!current) {
      fresh.push(withMeta(item.resource, item.resource.id, 1, lastUpdated));
      status.set(item.key, { status: 'created', versionId: 1 });
      continue;
    }
    assertInCompartment(ctx.principal, current);
    // As a PUT (fhir-repository.ts prepareUpdates): a patient sending back the current content is no change.
    const same = (c: FhirResource) =>
      sameContent(c, item.resource) || (patient && item.sent !== undefined && sameContent(c, item.sent));
    if (!current.deleted && current.content && same(current.content)) {
      status.set(item.key, { status: 'unchanged', versionId: Number(current.version_id) });
      continue;
    }
    assertPatientMayChange(ctx.principal, current);
    const versionId = Number(current.version_id) + 1;
    const stored = withMeta(item.resource, item.resource.id, versionId, lastUpdated);
    versioned.push({
      resource: stored,
      versionId,
      lastUpdated,
      method: 'PUT',
      existed: true,
      author: authors.get(item.key) ?? null,
    });
    status.set(item.key, { status: 'updated', versionId });
  }

  // Fast path for the new ones: the statements are queued on the transaction's connection one after the
  // other without waiting, so the database inserts the resources while their index rows are extracted
  // and serialised here.
  const pending: Promise<unknown>[] = [];
  const queue: Queue = (query) => {
    query.catch(() => undefined); // settled below with Promise.all; no unhandled rejection meanwhile
    pending.push(query);
  };
  const inserted = fresh.length ? insertNew(trx, fresh, compartments, authors, lastUpdated, queue) : [];
  if (fresh.length) {
    await new Promise((resolve) => setImmediate(resolve)); // let the driver send the insert first
    queueIndexRows(trx, fresh, queue);
  }
  await Promise.all(pending);
  const count = (await Promise.all(inserted)).reduce((n, rows) => n + rows, 0);
  if (count !== fresh.length) throw new LostRace();
  await writeVersions(trx, versioned);

  const outcomes = items.map((item) => ({
    resourceType: item.resource.resourceType,
    id: item.resource.id,
    ...status.get(item.key)!,
  }));
  const total = (s: BulkStatus) => outcomes.filter((o) => o.status === s).length;
  const result = {
    outcomes,
    created: total('created'),
    updated: total('updated'),
    unchanged: total('unchanged'),
  };
  const byType: Record<string, number> = {};
  for (const o of outcomes)
    if (o.status !== 'unchanged') byType[o.resourceType] = (byType[o.resourceType] ?? 0) + 1;
  const patientIds = new Set<string>();
  for (const ids of compartments.values()) for (const p of ids) patientIds.add(p);
  const record: AuditRecord = {
    action: 'transaction',
    outcome: 'success',
    query: (options.audit ? options.audit.query : undefined) ?? 'bulk-upsert',
    patientIds: [...patientIds],
    detail: {
      ...(options.audit ? options.audit.detail : undefined),
      entries: items.length,
      written: result.created + result.updated,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      byType,
    },
  };
  const types = new Set(items.map((i) => i.resource.resourceType));
  if (types.size === 1) record.resourceType = [...types][0];
  if (options.audit !== false) await repo.audit(trx, ctx, record);
  return result;
}

/** Shape, type, id, scope and FHIR validation of every resource before anything touches the database. */
function checkItems(repo: FhirRepository, ctx: RequestContext, input: readonly FhirResource[]): Item[] {
  const items: Item[] = [];
  const seen = new Set<string>();
  const authorized = new Set<string>();
  const issues: Issue[] = [];
  input.forEach((resource, index) => {
    const where = `[${index}]`;
    if (!resource || typeof resource !== 'object' || Array.isArray(resource))
      throw new QihuangError('invalid-input', `${where}: not a FHIR resource`);
    const type = resource.resourceType;
    if (typeof type !== 'string' || !isResourceType(type))
      throw new QihuangError('invalid-input', `${where}: unknown resource type "${String(type)}"`);
    if (typeof resource.id !== 'string' || !ID_RE.test(resource.id))
      throw new QihuangError(
        'invalid-input',
        `${where}: ${type} needs a valid id (got "${String(resource.id)}")`,
      );
    if (!authorized.has(type)) {
      repo.authorize(ctx, type, 'write');
      authorized.add(type);
    }
    const key = `${type}/${resource.id}`;
    if (seen.has(key)) throw new QihuangError('invalid-input', `${where}: ${key} occurs twice in the batch`);
    seen.add(key);
    for (const issue of validateResource(resource))
      issues.push({ ...issue, expression: (issue.expression ?? [type]).map((e) => `${where}.${e}`) });
    items.push({ resource: resource as FhirResource & { id: string }, key, index });
  });
  if (issues.length)
    throw new QihuangError(
      'invalid-resource',
      `Batch rejected: ${issues.length} problem(s); first: ${issues[0]!.expression?.[0] ?? ''} ${issues[0]!.message}`,
      { issues },
    );
  return items;
}

/** Current rows of the batch's keys, locked (`for update`) until the transaction ends. */
async function lockExisting(trx: Kysely<StoreTables>, items: Item[]): Promise<Map<string, ExistingRow>> {
  const out = new Map<string, ExistingRow>();
  for (const part of chunks(items)) {
    const { rows } = await sql<ExistingRow>`
      select r.resource_type, r.id, r.version_id, r.deleted, r.content, r.compartments, r.author
      from fhir_resource r
      join unnest(${part.map((i) => i.resource.resourceType)}::text[], ${part.map((i) => i.resource.id)}::text[]) as k(t, i)
        on r.resource_type = k.t and r.id = k.i
      order by r.resource_type, r.id
      for update of r`.execute(trx);
    for (const row of rows) out.set(`${row.resource_type}/${row.id}`, row);
  }
  return out;
}

/** Every `Type/id` reference (contained resources included) that is not in the batch must exist. */
async function assertReferencesExist(trx: Kysely<StoreTables>, items: Item[]): Promise<void> {
  const inBatch = new Set(items.map((i) => i.key));
  const external = new Map<string, number>();
  for (const item of items)
    collectReferences(item.resource, (reference) => {
      const match = REFERENCE_RE.exec(reference);
      if (match && !inBatch.has(`${match[1]}/${match[2]}`) && !external.has(`${match[1]}/${match[2]}`))
        external.set(`${match[1]}/${match[2]}`, item.index);
    });
  if (external.size === 0) return;
  const keys = [...external.keys()].map((k) => k.split('/') as [string, string]);
  const { rows } = await sql<{ k: string }>`
    select r.resource_type || '/' || r.id as k from fhir_resource r
    join unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[]) as x(t, i)
      on r.resource_type = x.t and r.id = x.i
    where r.deleted = false`.execute(trx);
  const found = new Set(rows.map((r) => r.k));
  for (const [key, index] of external)
    if (!found.has(key))
      throw new QihuangError(
        'invalid-input',
        `[${index}]: reference "${key}" points at a resource that does not exist`,
        {
          issues: [
            {
              severity: 'error',
              code: 'not-found',
              message: `reference ${key} not found`,
              expression: [`[${index}]`],
            },
          ],
        },
      );
}

function collectReferences(node: unknown, visit: (reference: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) if (item && typeof item === 'object') collectReferences(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (key === 'reference' && typeof value === 'string') visit(value);
    else if (value && typeof value === 'object') collectReferences(value, visit);
  }
}

/**
 * Version 1 of each new resource and its history row, one statement per chunk (queued, not awaited); each
 * answers how many rows it inserted (a key created meanwhile by a concurrent transaction is skipped).
 */
function insertNew(
  trx: Kysely<StoreTables>,
  resources: (FhirResource & { id: string })[],
  compartments: Map<string, string[]>,
  authors: Map<string, string | null>,
  lastUpdated: string,
  queue: Queue,
): Promise<number>[] {
  return chunks(resources).map((part) => {
    const types = arrayLiteral(part.map((r) => r.resourceType));
    const ids = arrayLiteral(part.map((r) => r.id));
    const patients = arrayLiteral(part.map((r) => compartments.get(`${r.resourceType}/${r.id}`)!.join(SEP)));
    // The contents travel as ONE JSON array (no per-element array-literal escaping of large strings).
    const contents = `[${part.map((r) => JSON.stringify(r)).join(',')}]`;
    const writers = arrayLiteral(part.map((r) => authors.get(`${r.resourceType}/${r.id}`) ?? null));
    const count = sql<{ n: number }>`
        with ins as (
          insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments, author)
          select x.t, x.i, 1, ${lastUpdated}::timestamptz, false, x.c, string_to_array(x.p, ${SEP}), x.a
          from rows from (unnest(${types}::text[]), unnest(${ids}::text[]), jsonb_array_elements(${contents}::jsonb), unnest(${patients}::text[]), unnest(${writers}::text[])) as x(t, i, c, p, a)
          on conflict (resource_type, id) do nothing
          returning resource_type, id, last_updated, content, compartments
        ), hist as (
          insert into fhir_history (resource_type, id, version_id, last_updated, deleted, method, content, compartments)
          select resource_type, id, 1, last_updated, false, 'PUT', content, compartments from ins
        )
        select count(*)::int as n from ins`
      .execute(trx)
      .then((r) => r.rows[0]?.n ?? 0);
    queue(count);
    return count;
  });
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
