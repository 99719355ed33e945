/**
 * Reads beyond the current version of one resource: vread, history, $everything and a patient's chart for
 * server-side views. For a patient principal every version is checked against the compartment it was filed
 * under (fhir_history.compartments), not only the current one, and another patient's Patient record is never
 * shown (see access.ts inPatientCompartment).
 */
import { sql, type RawBuilder } from 'kysely';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { compartmentCondition, type StoredRow } from '../search/search-executor.ts';
import { assertInCompartment, compartmentOf, hiddenFromPatient, inPatientCompartment } from './access.ts';
import type { FhirRepository, FhirResource } from './fhir-repository.ts';

export interface HistoryEntry {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: Date;
  deleted: boolean;
  method: string;
  content: Record<string, unknown> | null;
}

/**
 * The versions (alias `h`) a patient may see: filed under its compartment, prescriptions only as active, on hold,
 * completed or stopped (access.ts PATIENT_ORDER_STATUSES), its own Patient only.
 */
function versionCondition(patientId: string): RawBuilder<unknown> {
  return sql`((h.resource_type <> 'Patient' and h.compartments @> ARRAY[${patientId}]::text[])
      or (h.resource_type = 'Patient' and h.id = ${patientId}))
    and not (h.resource_type = 'MedicationRequest'
      and coalesce(h.content->>'status', '') not in ('active', 'on-hold', 'completed', 'stopped'))`;
}

/** The current row, checked like a read (404 outside the caller's compartment). */
async function currentInCompartment(
  repo: FhirRepository,
  ctx: RequestContext,
  resourceType: string,
  id: string,
): Promise<{ compartments: string[] }> {
  const current = await repo.db
    .selectFrom('fhir_resource')
    .select(['resource_type', 'id', 'compartments'])
    .where('resource_type', '=', resourceType)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw new QihuangError('not-found', `${resourceType}/${id} is not known`);
  assertInCompartment(ctx.principal, current);
  return current;
}

export async function vread(
  repo: FhirRepository,
  ctx: RequestContext,
  resourceType: string,
  id: string,
  versionId: string,
): Promise<FhirResource> {
  repo.authorize(ctx, resourceType, 'read');
  const version = Number(versionId);
  if (!Number.isInteger(version) || version < 1)
    throw new QihuangError('invalid-input', `Version "${versionId}" is not a version number`);
  const current = await currentInCompartment(repo, ctx, resourceType, id);
  const row = await repo.db
    .selectFrom('fhir_history')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('id', '=', id)
    .where('version_id', '=', version)
    .executeTakeFirst();
  if (!row) throw new QihuangError('not-found', `${resourceType}/${id} has no version ${versionId}`);
  const patientId = compartmentOf(ctx.principal);
  // A version filed under another patient (the resource was moved since) is not the patient's to see.
  if (
    patientId !== undefined &&
    (!inPatientCompartment(patientId, row) || hiddenFromPatient(resourceType, row.content))
  )
    throw new QihuangError('not-found', `${resourceType}/${id} has no version ${versionId}`);
  if (row.deleted || !row.content)
    throw new QihuangError('gone', `${resourceType}/${id} version ${versionId} is a deletion`);
  await repo.audit(repo.db, ctx, {
    action: 'vread',
    outcome: 'success',
    resourceType,
    resourceId: id,
    patientIds: current.compartments,
  });
  return row.content as FhirResource;
}

export async function history(
  repo: FhirRepository,
  ctx: RequestContext,
  resourceType: string,
  id: string | undefined,
  options: { count: number; offset: number; since?: string },
): Promise<{ total: number; entries: HistoryEntry[] }> {
  repo.authorize(ctx, resourceType, 'read');
  const patientId = compartmentOf(ctx.principal);
  if (id !== undefined) await currentInCompartment(repo, ctx, resourceType, id);
  const since = options.since ? sql`and h.last_updated >= ${options.since}::timestamptz` : sql``;
  const idCondition = id !== undefined ? sql`and h.id = ${id}` : sql``;
  // A patient sees the versions filed under its compartment, of resources currently in its compartment.
  const compartment =
    patientId === undefined
      ? sql``
      : sql`and ${versionCondition(patientId)}
          and exists (select 1 from fhir_resource r where r.resource_type = h.resource_type and r.id = h.id and ${compartmentCondition(patientId)})`;
  const where = sql`h.resource_type = ${resourceType} ${idCondition} ${since} ${compartment}`;
  const { rows: count } = await sql<{
    n: number;
  }>`select count(*)::int as n from fhir_history h where ${where}`.execute(repo.db);
  const { rows } =
    await sql<HistoryEntry>`select h.resource_type, h.id, h.version_id, h.last_updated, h.deleted, h.method, h.content
      from fhir_history h where ${where}
      order by h.last_updated desc, h.version_id desc, h.id limit ${options.count} offset ${options.offset}`.execute(
      repo.db,
    );
  await repo.audit(repo.db, ctx, {
    action: 'history',
    outcome: 'success',
    resourceType,
    resourceId: id,
    patientIds: patientId ? [patientId] : [],
  });
  return { total: count[0]?.n ?? 0, entries: rows };
}

/** The resources (alias `r`) of one patient's chart: its compartment and its own Patient record. */
function chartCondition(patientId: string): RawBuilder<unknown> {
  return sql`(r.compartments @> ARRAY[${patientId}]::text[] or (r.resource_type = 'Patient' and r.id = ${patientId}))`;
}

/**
 * One patient's chart for a server-side view (the care summary, the copilot): the current resources of the
 * given types in the patient's compartment, Observations limited to the given codes, in one query with one
 * audit entry. Access rules are those of search (scopes per type, the patient's own compartment, drafts and
 * other patients' records hidden from patients).
 */
export async function patientResources(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  types: readonly string[],
  options: { observationCodes?: readonly string[] } = {},
): Promise<FhirResource[]> {
  for (const type of types) repo.authorize(ctx, type, 'read');
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
        and ${chartCondition(patientId)} and ${compartmentCondition(own)}
        ${observationFilter}
      order by r.resource_type, r.id`.execute(repo.db);
  if (
    !rows.some((r) => r.content.resourceType === 'Patient' && r.content.id === patientId) &&
    types.includes('Patient')
  )
    throw new QihuangError('not-found', `Patient/${patientId} is not known`);
  await repo.audit(repo.db, ctx, {
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

/**
 * Patient/{id}/$everything: the patient and every resource in their compartment. A patient principal may ask
 * only for its own id, and the chart is filtered by the caller's compartment condition as a search is.
 */
export async function everything(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  options: { count: number; offset: number },
): Promise<{ total: number; rows: StoredRow[] }> {
  const own = compartmentOf(ctx.principal);
  if (own !== undefined && own !== patientId)
    throw new QihuangError('not-found', `Patient/${patientId} is not known`);
  await repo.read(ctx, 'Patient', patientId);
  const where = sql`r.deleted = false and ${chartCondition(patientId)} and ${compartmentCondition(own)}`;
  const { rows: count } = await sql<{
    n: number;
  }>`select count(*)::int as n from fhir_resource r where ${where}`.execute(repo.db);
  const { rows } =
    await sql<StoredRow>`select r.resource_type, r.id, r.version_id, r.last_updated, r.content, r.compartments
      from fhir_resource r where ${where}
      order by (r.resource_type = 'Patient' and r.id = ${patientId}) desc, r.resource_type, r.id
      limit ${options.count} offset ${options.offset}`.execute(repo.db);
  const types = new Set(rows.map((r) => r.resource_type));
  for (const type of types) repo.authorize(ctx, type, 'read');
  await repo.audit(repo.db, ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'Patient',
    resourceId: patientId,
    query: '$everything',
    patientIds: [patientId],
  });
  return { total: count[0]?.n ?? 0, rows };
}
