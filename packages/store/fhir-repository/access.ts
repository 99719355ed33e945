/**
 * Access decisions the repository applies to every interaction: scope checks (supplied by the identity
 * package) and the patient compartment (a patient principal sees only resources in their own compartment).
 */
import { QihuangError, type AuditRecord, type Principal, type RequestContext } from '@qihuang/contracts';
import type { Kysely } from 'kysely';
import type { StoreTables } from '../tables.ts';

export type AccessMode = 'read' | 'write';

export interface RepositoryHooks {
  /** Throws QihuangError('forbidden') when the principal may not access this type in this mode. */
  authorize?(principal: Principal, resourceType: string, mode: AccessMode): void;
  /** Appends an audit entry using the given executor (the caller's transaction for writes). */
  audit?(executor: Kysely<StoreTables>, ctx: RequestContext, record: AuditRecord): Promise<void>;
}

export function compartmentOf(principal: Principal): string | undefined {
  return principal.role === 'patient' ? (principal.patientId ?? '\u0000no-patient') : undefined;
}

/**
 * Whether a resource filed under these compartments is in the patient's compartment as the patient sees it:
 * a Patient record only when it is the patient's own (another patient's record linking to theirs via
 * Patient.link is in their compartment by the R4 definition, but is not theirs to see); any other type when
 * it is filed under the patient. Search applies the same rule in SQL (search-executor.ts compartmentCondition).
 */
export function inPatientCompartment(
  patientId: string,
  row: { resource_type: string; id: string; compartments: readonly string[] },
): boolean {
  return row.resource_type === 'Patient' ? row.id === patientId : row.compartments.includes(patientId);
}

/** A resource outside the caller's compartment answers 404, so ids cannot be probed. */
export function assertInCompartment(
  principal: Principal,
  row: { resource_type: string; id: string; compartments: string[]; content?: unknown },
): void {
  const patientId = compartmentOf(principal);
  if (patientId === undefined) return;
  if (!inPatientCompartment(patientId, row) || hiddenFromPatient(row.resource_type, row.content))
    throw new QihuangError('not-found', `${row.resource_type}/${row.id} is not known`);
}

/**
 * The author recorded on the resources a principal creates (fhir_resource.author): `Patient/<id>` for a
 * patient (whichever of its accounts writes), `<kind>/<id>` (user/…, key/…, system/…) for everyone else.
 */
export function authorOf(principal: Principal): string {
  return principal.role === 'patient'
    ? `Patient/${principal.patientId ?? ''}`
    : `${principal.kind}/${principal.id}`;
}

/**
 * The prescription statuses a patient sees: orders that are or were theirs to take (on-hold: paused, which the
 * patient needs to know). A draft (a clinician's
 * proposal, or signed and awaiting the pharmacist, decision 0017), a withdrawn proposal (cancelled), an order
 * entered in error or of unknown status never reaches the patient (issue 20). Search and history apply the same
 * rule in SQL (search-executor.ts compartmentCondition, chart-reads.ts versionCondition).
 */
export const PATIENT_ORDER_STATUSES: readonly string[] = ['active', 'on-hold', 'completed', 'stopped'];

/** Resources a patient never sees even in their own compartment: prescriptions outside PATIENT_ORDER_STATUSES. */
export function hiddenFromPatient(resourceType: string, content: unknown): boolean {
  // No content given (a row read for its compartment only): judged on the version itself.
  if (resourceType !== 'MedicationRequest' || typeof content !== 'object' || content === null) return false;
  const status = (content as { status?: unknown }).status;
  return typeof status !== 'string' || !PATIENT_ORDER_STATUSES.includes(status);
}
