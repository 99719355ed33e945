/**
 * Alerts are raised when readings arrive, not when someone looks: after an upload (bp-routes.ts) and after the
 * background projector writes readings into FHIR (projector.ts), the patient is evaluated and the alert Flags
 * are written or left as they are (one per alert key; acknowledged ones stay acknowledged). This runs as the
 * system principal — the uploader (a patient's phone, a nurse) need not be allowed to write Flags — and the
 * repository audits every read and write it makes under the request id that caused it. The assessment GET only
 * reads (issue 15 item 8).
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type { FhirRepository } from '@qihuang/store';
import { previousAlerts, saveAlerts } from './alerts-store.ts';
import { assessPatient } from './assess-patient.ts';

/** Guideline the write-time evaluation uses (the assessment's default as well). */
export const ALERT_GUIDELINE: Guideline = 'china-2018';

export interface RaiseAlertsOptions {
  now: string;
  guideline?: Guideline;
  /** The request that brought the readings (its id and client address go into the audit entries). */
  cause?: Pick<RequestContext, 'requestId' | 'clientAddress'>;
}

/** Evaluates one patient's readings and stores new alert Flags; answers how many were new. */
export async function raiseAlerts(
  repo: FhirRepository,
  patientId: string,
  options: RaiseAlertsOptions,
): Promise<number> {
  const ctx: RequestContext = {
    requestId: options.cause?.requestId ?? 'bp-alerts',
    principal: SYSTEM_PRINCIPAL,
    ...(options.cause?.clientAddress ? { clientAddress: options.cause.clientAddress } : {}),
  };
  const report = await assessPatient(repo, ctx, patientId, {
    guideline: options.guideline ?? ALERT_GUIDELINE,
    now: options.now,
    previousAlerts: await previousAlerts(repo, ctx, patientId),
  });
  return saveAlerts(repo, ctx, patientId, report.home.alerts);
}
