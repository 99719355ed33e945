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

/** A resource outside the caller's compartment answers 404, so ids cannot be probed. */
export function assertInCompartment(
  principal: Principal,
  row: { resource_type: string; id: string; compartments: string[]; content?: unknown },
): void {
  const patientId = compartmentOf(principal);
  if (patientId === undefined) return;
  const inside =
    row.compartments.includes(patientId) || (row.resource_type === 'Patient' && row.id === patientId);
  if (!inside || hiddenFromPatient(row.resource_type, row.content))
    throw new QihuangError('not-found', `${row.resource_type}/${row.id} is not known`);
}

/**
 * Resources a patient never sees even in their own compartment: an unsigned prescription (MedicationRequest
 * with status draft) is a clinician's proposal, not an order. Search applies the same rule in SQL
 * (search-executor.ts compartmentCondition).
 */
export function hiddenFromPatient(resourceType: string, content: unknown): boolean {
  return (
    resourceType === 'MedicationRequest' &&
    typeof content === 'object' &&
    content !== null &&
    (content as { status?: unknown }).status === 'draft'
  );
}
