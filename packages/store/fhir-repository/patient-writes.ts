/**
 * What a patient principal may write (issue 15 items 1 and 3). Every writer of the repository — create, PUT,
 * transaction Bundles (through prepareUpdates), bulkUpsert and delete — applies these before anything is
 * written:
 * - the resource's patient compartment is exactly the patient's own, and every `Patient/…` reference
 *   anywhere in it (subject, performer, focus, contained resources …) is the patient itself;
 * - attribution elements (performer, recorder, asserter, author, requester …) are absent or the patient
 *   itself, so a patient cannot present its own value as a clinician's;
 * - an existing resource is changed or deleted only when the patient authored it (fhir_resource.author),
 *   which excludes every clinician-recorded value and every row from before authors were recorded.
 * Other principals are not limited here (their scopes decide).
 */
import { sql, type Kysely } from 'kysely';
import { QihuangError, type Principal } from '@qihuang/contracts';
import { PATIENT_COMPARTMENT, patientCompartmentIds } from '@qihuang/fhir';
import type { StoreTables } from '../tables.ts';
import { assertInCompartment, authorOf, compartmentOf, inPatientCompartment } from './access.ts';
import type { FhirResource } from './index-writer.ts';

/**
 * Elements (R4 names, any resource type, any depth) that say who did, recorded, asserted, authored, requested
 * or sent something: Observation.performer, Condition.recorder/asserter, QuestionnaireResponse.author/source,
 * MedicationStatement.informationSource, Composition.attester, Provenance.agent, DiagnosticReport
 * .resultsInterpreter, Immunization.performer.actor, Goal.expressedBy, Specimen.collection.collector …
 */
export const ATTRIBUTION_ELEMENTS: ReadonlySet<string> = new Set([
  'performer',
  'recorder',
  'asserter',
  'author',
  'requester',
  'sender',
  'attester',
  'informationSource',
  'source',
  'enterer',
  'verifier',
  'resultsInterpreter',
  'authenticator',
  'contributor',
  'expressedBy',
  'agent',
  'assessor',
  'operator',
  'collector',
  'orderer',
  'prescriber',
]);

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([^/?#]+)/;

/** The compartments a resource is filed under (as index-writer.ts computes them). */
export function compartmentsOf(resource: FhirResource & { id: string }): string[] {
  const ids = new Set(patientCompartmentIds(resource));
  if (resource.resourceType === 'Patient') ids.add(resource.id);
  return [...ids];
}

/** Throws 'forbidden' unless a patient principal may store this content (see the module comment). */
export function assertPatientMayWrite(principal: Principal, resource: FhirResource & { id: string }): void {
  const patientId = compartmentOf(principal);
  if (patientId === undefined) return;
  const where = `${resource.resourceType}/${resource.id}`;
  const compartments = compartmentsOf(resource);
  if (compartments.length !== 1 || compartments[0] !== patientId)
    throw new QihuangError(
      'forbidden',
      `A patient may only write resources about themselves alone (${resource.resourceType})`,
    );
  const self = `Patient/${patientId}`;
  visitReferences(resource, false, (reference, attribution) => {
    const patient = PATIENT_REFERENCE.exec(reference);
    if (patient && patient[1] !== patientId)
      throw new QihuangError(
        'forbidden',
        `${where} refers to another patient; a patient writes only about themselves`,
      );
    if (attribution && reference.replace(/\/_history\/.*$/, '') !== self)
      throw new QihuangError(
        'forbidden',
        `${where}: a patient's own record can be attributed only to the patient (performer, recorder, author …)`,
      );
  });
  const missing = attributionWithoutReference(resource)[0];
  if (missing)
    throw new QihuangError(
      'forbidden',
      `${where}: ${missing} must name the patient (a patient's own record cannot be attributed to anyone else)`,
    );
}

/** `Type/id` (relative, or absolute ending so; a version suffix ignored) of a type in the patient compartment. */
const COMPARTMENT_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/;

/**
 * Throws 'forbidden' unless every reference a patient's write makes to a resource of a type that belongs to a
 * patient compartment (Encounter, Condition, Observation, MedicationRequest, EpisodeOfCare …, R4
 * CompartmentDefinition) resolves to a resource in the patient's own record, or to one written in the same
 * request (`batch`, "Type/id" keys). One primary-key lookup per distinct reference, all in one statement.
 * A reference to a resource that does not exist is refused the same way, so ids cannot be probed.
 */
export async function assertPatientReferencesOwn(
  db: Kysely<StoreTables>,
  principal: Principal,
  resources: readonly FhirResource[],
  batch: ReadonlySet<string> = new Set(),
): Promise<void> {
  const patientId = compartmentOf(principal);
  if (patientId === undefined) return;
  const wanted = new Map<string, { type: string; id: string; from: string }>();
  for (const resource of resources) {
    visitReferences(resource, false, (reference) => {
      const match = COMPARTMENT_REFERENCE.exec(reference);
      if (!match || reference.startsWith('#')) return;
      const [, type, id] = match as unknown as [string, string, string];
      if (type === 'Patient' || !(type in PATIENT_COMPARTMENT)) return; // Patient references: assertPatientMayWrite
      const key = `${type}/${id}`;
      if (!batch.has(key) && !wanted.has(key))
        wanted.set(key, { type, id, from: `${resource.resourceType}` });
    });
  }
  if (wanted.size === 0) return;
  const targets = [...wanted.values()];
  const { rows } = await sql<{ resource_type: string; id: string; compartments: string[]; deleted: boolean }>`
    select r.resource_type, r.id, r.compartments, r.deleted from fhir_resource r
    where (r.resource_type, r.id) in (select * from unnest(${targets.map((t) => t.type)}::text[], ${targets.map((t) => t.id)}::text[]))`.execute(
    db,
  );
  const own = new Set(
    rows
      .filter((r) => !r.deleted && inPatientCompartment(patientId, r))
      .map((r) => `${r.resource_type}/${r.id}`),
  );
  const stray = targets.find((t) => !own.has(`${t.type}/${t.id}`));
  if (stray)
    throw new QihuangError(
      'forbidden',
      `${stray.from} refers to ${stray.type}/${stray.id}, which is not in the patient's own record; a patient's record may point only into their own record`,
      {
        issues: [
          {
            severity: 'error',
            code: 'forbidden',
            message: `${stray.type}/${stray.id} is not in the patient's own record`,
          },
        ],
      },
    );
}

/**
 * Throws unless a patient principal may change or delete this stored resource: 404 outside its compartment
 * (as a read would), 'forbidden' when it is filed under another patient too or the patient did not author it.
 */
export function assertPatientMayChange(
  principal: Principal,
  row: {
    resource_type: string;
    id: string;
    compartments: string[];
    content?: unknown;
    author?: string | null;
  },
): void {
  const patientId = compartmentOf(principal);
  if (patientId === undefined) return;
  assertInCompartment(principal, row);
  const where = `${row.resource_type}/${row.id}`;
  if (row.resource_type !== 'Patient' && row.compartments.some((p) => p !== patientId))
    throw new QihuangError(
      'forbidden',
      `${where} is also in another patient's record; a patient cannot change it`,
    );
  if (row.author !== authorOf(principal))
    throw new QihuangError(
      'forbidden',
      `${where} was not recorded by the patient; a patient may change or delete only what they recorded`,
    );
}

/**
 * The author to record for a new resource: the principal's own, or one a trusted writer names (the BP
 * projector files a patient's home readings as the patient's); a patient may name only itself.
 */
export function resolveAuthor(
  principal: Principal,
  named: string | ((resource: FhirResource) => string | undefined) | undefined,
  resource: FhirResource,
): string {
  const own = authorOf(principal);
  const author = (typeof named === 'function' ? named(resource) : named) ?? own;
  if (compartmentOf(principal) !== undefined && author !== own)
    throw new QihuangError('forbidden', 'A patient cannot record a resource as written by someone else');
  return author;
}

/** Calls `visit` with every reference string (contained resources included), flagging attribution ones. */
function visitReferences(
  node: unknown,
  attribution: boolean,
  visit: (reference: string, attribution: boolean) => void,
): void {
  if (Array.isArray(node)) {
    for (const item of node) visitReferences(item, attribution, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'reference' && typeof value === 'string') visit(value, attribution);
    else if (value && typeof value === 'object')
      visitReferences(value, attribution || (key !== 'contained' && ATTRIBUTION_ELEMENTS.has(key)), visit);
  }
}

/** Attribution elements present without any reference (e.g. `performer: [{ display: 'Dr Wang' }]`). */
function attributionWithoutReference(resource: FhirResource): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'contained' || !value || typeof value !== 'object') continue;
      if (ATTRIBUTION_ELEMENTS.has(key)) {
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item, i) => {
          if (!hasReference(item)) out.push(`${path}.${key}${Array.isArray(value) ? `[${i}]` : ''}`);
        });
      } else walk(value, `${path}.${key}`);
    }
  };
  walk(resource, resource.resourceType);
  return out;
}

function hasReference(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasReference);
  if (!node || typeof node !== 'object') return false;
  return Object.entries(node as Record<string, unknown>).some(
    ([key, value]) => (key === 'reference' && typeof value === 'string') || hasReference(value),
  );
}
