/**
 * What the care team may do to a patient's own Observation (issue 20, docs/decisions/0020). An Observation the
 * patient authored (fhir_resource.author `Patient/…`: their upload, their phone, their intake; or one whose
 * performer is the Patient) keeps the values the patient recorded. Through PUT (alone or in a Bundle) a staff
 * principal may change only its workflow: `status` (to `entered-in-error`, withdrawing it, or to `final`,
 * confirming a preliminary report), `note`, `meta` and the narrative `text`. Any other change, and any DELETE,
 * answers 409 and points to the withdrawal route: a correction is a withdrawal plus a new reading. The patient's
 * own writes are ruled by patient-writes.ts; the system principal (the reading projector, seeding, imports run
 * on the server itself) is not limited here.
 */
import { QihuangError, type Principal } from '@qihuang/contracts';
import type { FhirResource } from './index-writer.ts';

/** Elements the care team may change on a patient's own Observation. */
const WORKFLOW = new Set(['status', 'note', 'meta', 'text']);
/** Statuses the care team may set on it (entered-in-error: withdraw; final: confirm a preliminary report). */
const STAFF_STATUSES = new Set(['entered-in-error', 'final']);

const WITHDRAW_ROUTE = 'POST /api/bp/patients/{patient}/readings/{id}/entered-in-error';

/** Whether the stored Observation is the patient's own record (authored by, or performed by, the Patient). */
export function patientAuthored(row: { author?: string | null; content?: unknown }): boolean {
  if (row.author?.startsWith('Patient/')) return true;
  const content = row.content as { subject?: { reference?: string }; performer?: { reference?: string }[] };
  const subject = content?.subject?.reference;
  return (
    subject !== undefined &&
    subject.startsWith('Patient/') &&
    (content.performer ?? []).some((p) => p.reference === subject)
  );
}

function staff(principal: Principal): boolean {
  return principal.role !== 'patient' && principal.kind !== 'system';
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function clinical(resource: Record<string, unknown>): string {
  return stable(Object.fromEntries(Object.entries(resource).filter(([k]) => !WORKFLOW.has(k))));
}

/**
 * Throws 409 when a staff principal's PUT (next) or DELETE (next undefined) would change a patient-authored
 * Observation beyond its workflow (see the module comment).
 */
export function assertStaffMayChange(
  principal: Principal,
  current: {
    resource_type: string;
    id: string;
    deleted?: boolean;
    content?: unknown;
    author?: string | null;
  },
  next?: FhirResource,
): void {
  if (current.resource_type !== 'Observation' || current.deleted || !staff(principal)) return;
  if (!current.content || !patientAuthored(current)) return;
  const where = `Observation/${current.id}`;
  const refuse = (what: string) => {
    const message =
      `${where} was recorded by the patient; ${what}. To correct it, mark it entered-in-error ` +
      `(${WITHDRAW_ROUTE}, or PUT it with status entered-in-error and the values unchanged) and record a new reading`;
    throw new QihuangError('conflict', message, {
      issues: [{ severity: 'error', code: 'business-rule', message }],
    });
  };
  if (!next) return refuse('the care team cannot delete it');
  const before = current.content as Record<string, unknown>;
  if (clinical(before) !== clinical(next as Record<string, unknown>))
    return refuse('the care team cannot change its values');
  if (before.status === 'entered-in-error' && next.status !== 'entered-in-error')
    return refuse('a reading entered in error stays so');
  if (next.status !== before.status && !STAFF_STATUSES.has(String(next.status)))
    return refuse(`its status can change only to entered-in-error (got ${String(next.status)})`);
}
