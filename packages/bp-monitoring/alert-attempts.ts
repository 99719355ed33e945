/**
 * A contact that did not reach the patient does not close an alert that needs them reached (decision 0026, issue
 * 20): a reported chest pain "closed" with 未联系到 / 电话未接通 left the inbox and counted as handled. The attempt is
 * recorded — on the Flag (its history, shown by the inbox), as a FHIR `Communication` (not-done, patient not
 * reached) with a `Provenance` naming the person, and in their own audit entry (`bp-alert-attempt`) — and the alert
 * stays active: in the inbox, its notice unacknowledged (so the escalation clock runs on, decision 0009) and open in
 * the timeliness report. Only a contact that reached the patient (or carer), or a recorded hand-over (120
 * dispatched, referred to the emergency department), closes it.
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import {
  alertDetail,
  ATTEMPTS_EXTENSION,
  contactAttempts,
  fromFlag,
  type StoredAlert,
} from './alerts-store.ts';
import type { AlertAction, ContactAttempt } from './api-types/index.ts';
import { authorProvenance } from './author-provenance.ts';

/**
 * Alerts closed only once the patient was reached or handed over: critical ones (a crisis value, a reported
 * emergency) and a reported same-day-care result (decision 0022). Other warnings (a sustained or rapid change,
 * missed measurements) may still be closed with an unanswered call or a message left.
 */
export function needsPatientReached(flag: FhirResource): boolean {
  const kind = (flag.code as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code;
  return alertDetail(flag).severity === 'critical' || kind === 'reported-urgent';
}

/** Whether this action leaves the alert open: the patient was not reached and nobody took them over. */
export function isOnlyAnAttempt(flag: FhirResource, action: AlertAction): boolean {
  return !action.patientReached && !action.handover && needsPatientReached(flag);
}

/** Records a contact attempt on the open alert (Flag stays active); answers the alert as it now is. */
export async function recordAttempt(
  repo: FhirRepository,
  ctx: RequestContext,
  flag: FhirResource,
  action: AlertAction,
  now: string,
): Promise<StoredAlert> {
  const id = String(flag.id);
  const patient = String((flag.subject as { reference?: string }).reference ?? '');
  const who = `${ctx.principal.kind}/${ctx.principal.username}`;
  const previous = contactAttempts(flag);
  const attempt: ContactAttempt = {
    by: ctx.principal.username,
    at: now,
    contactedBy: action.contactedBy,
    contactedAt: action.contactedAt,
    method: action.method,
    action: action.action,
  };
  const n = previous.length + 1;
  const updated: FhirResource = {
    ...flag,
    extension: [
      ...((flag.extension as { url: string }[] | undefined) ?? []).filter(
        (e) => e.url !== ATTEMPTS_EXTENSION,
      ),
      { url: ATTEMPTS_EXTENSION, valueString: JSON.stringify([...previous, attempt]) },
    ],
  };
  const communication: FhirResource = {
    resourceType: 'Communication',
    id: `cv-attempt-${id}-${n}`,
    status: 'not-done',
    statusReason: { text: 'patient not reached' },
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/communication-category', code: 'notification' },
        ],
      },
    ],
    medium: [{ text: action.method }],
    subject: { reference: patient },
    about: [{ reference: `Flag/${id}` }],
    sent: action.contactedAt,
    recipient: [{ reference: patient }],
    sender: { display: action.contactedBy },
    payload: [{ contentString: action.action }],
  };
  const provenance = authorProvenance(
    `cv-attempt-prov-${id}-${n}`,
    [`Flag/${id}`, `Communication/${communication.id}`],
    now,
    who,
  );
  // Written as the system, as the close is (alert-actions.ts); the person is in the Provenance and the audit entry.
  const system: RequestContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  await processTransaction(repo, system, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [updated, communication, provenance].map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  });
  await repo.audit(repo.db, ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'Flag',
    resourceId: id,
    query: 'bp-alert-attempt',
    patientIds: [patient.replace(/^Patient\//, '')],
    detail: { method: action.method, patientReached: false, attempt: n },
  });
  return fromFlag(updated);
}
