/**
 * Alerts are raised when readings arrive, not when someone looks: after an upload (bp-routes.ts) and after the
 * background projector writes readings into FHIR (projector.ts), the patient is evaluated and the alert Flags
 * are written or left as they are (one per alert key; acknowledged ones stay acknowledged). This runs as the
 * system principal — the uploader (a patient's phone, a nurse) need not be allowed to write Flags — and the
 * repository audits every read and write it makes under the request id that caused it. The assessment GET only
 * reads (issue 15 item 8).
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { DEFAULT_ALERT_CONFIG, type Guideline } from '@qihuang/engines/blood-pressure';
import { analyzeGrownTables, type FhirRepository } from '@qihuang/store';
import { previousAlerts, saveAlerts } from './alerts-store.ts';
import { assessPatient } from './assess-patient.ts';

/** Guideline the write-time evaluation uses (the assessment's default as well). */
export const ALERT_GUIDELINE: Guideline = 'china-2018';

/**
 * Readings older than this are not read for alerting (operational choice, not a guideline number): it covers the
 * longest look-back of the alert rules (rapid change: 3 + 7 days; sustained: 7 days; DEFAULT_ALERT_CONFIG) with a
 * margin, and keeps the cost of an upload independent of how many years of readings the patient has.
 */
export const ALERT_WINDOW_DAYS = 31;

/**
 * At write time a crisis reading raises its alert however late it arrives (a phone that synced after two days, an
 * import of last week's device data): the crisis look-back covers the whole alert window instead of the engine's
 * 24 h. Crisis alerts are deduplicated by reading, so a reading already alerted on never raises a second one.
 */
const WRITE_TIME_ALERT_CONFIG = {
  crisis: { ...DEFAULT_ALERT_CONFIG.crisis, lookbackHours: ALERT_WINDOW_DAYS * 24 },
};

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
  // The dead raise no alerts (issue 17 item 4): a Patient with deceased[x] is not evaluated.
  const patient = (await repo.read(ctx, 'Patient', patientId).catch(() => undefined)) as
    { deceasedBoolean?: boolean; deceasedDateTime?: string } | undefined;
  if (patient?.deceasedBoolean === true || patient?.deceasedDateTime) return 0;
  // Readings just written may have grown the search tables past what the planner knows (table-statistics.ts).
  await analyzeGrownTables(repo.db);
  const from = new Date(Date.parse(options.now) - ALERT_WINDOW_DAYS * 86_400_000).toISOString();
  const report = await assessPatient(repo, ctx, patientId, {
    guideline: options.guideline ?? ALERT_GUIDELINE,
    now: options.now,
    from,
    previousAlerts: await previousAlerts(repo, ctx, patientId),
    alertConfig: WRITE_TIME_ALERT_CONFIG,
  });
  return saveAlerts(repo, ctx, patientId, report.home.alerts);
}
