/**
 * Alerts are raised when readings arrive, not when someone looks: after an upload (bp-routes.ts) and after the
 * background projector writes readings into FHIR (projector.ts), the patient is evaluated and the alert Flags
 * are written or left as they are (one per alert key; acknowledged ones stay acknowledged). This runs as the
 * system principal — the uploader (a patient's phone, a nurse) need not be allowed to write Flags — and the
 * repository audits every read and write it makes under the request id that caused it. The assessment GET only
 * reads (issue 15 item 8).
 *
 * One evaluation per patient per write, set-based (issue 17 benchmark): one chart read (Patient and Conditions),
 * one windowed search of the BP Observations, the pending readings of the home-reading store, one search of the
 * patient's alert Flags (the engine's de-duplication and which Flags exist already), then the rules run once over
 * the whole window; new notices are inserted in one statement and new Flags written in one transaction.
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { assessHomeSeries, DEFAULT_ALERT_CONFIG, type Guideline } from '@qihuang/engines/blood-pressure';
import { analyzeGrownTables, type FhirRepository } from '@qihuang/store';
import { alertFlagsOf, saveAlerts } from './alerts-store.ts';
import { freshCrisis, joinOpenCrisis } from './crisis-join.ts';
import { DEFAULT_TIME_ZONE, patientTimeZone, zoneOffsets } from './local-time.ts';
import { BP_READING_SEARCH_CODES, CONTEXT_LAB_CODES, loadPatientContext } from './patient-context.ts';
import { targetPopulation } from './target-population.ts';

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
 * The patient's advice follows the same look-back (reading-advice.ts): urgent advice only where an alert is raised;
 * an older crisis-range reading gets a note to tell the clinic and raises no alert (decision 0009).
 */
export const CRISIS_LOOKBACK_HOURS = ALERT_WINDOW_DAYS * 24;
const WRITE_TIME_ALERT_CONFIG = {
  crisis: { ...DEFAULT_ALERT_CONFIG.crisis, lookbackHours: CRISIS_LOOKBACK_HOURS },
};

export interface RaiseAlertsOptions {
  now: string;
  guideline?: Guideline;
  /** The request that brought the readings (its id and client address go into the audit entries). */
  cause?: Pick<RequestContext, 'requestId' | 'clientAddress'>;
  /**
   * The hospital's IANA time zone (QIHUANG_TIME_ZONE, default Asia/Shanghai): the sustained rule's days are local
   * to the patient's own zone (Patient timezone extension) or else to this one, each reading with its own offset.
   */
  timeZone?: string;
  /**
   * Planner statistics of the search tables before reading (table-statistics.ts): 'grown' (default) analyses the
   * tables grown by more than 20 % since their last ANALYZE, as after a bulk write (background evaluation, the
   * projector, demo seeding); 'unanalysed' (the evaluation in a request) only tables never analysed, whose
   * default estimates make the BP search take seconds. An upload's readings are not in the FHIR tables yet when
   * it is evaluated, and an ANALYZE costs 50–200 ms (and stalls the embedded database): the alert does not wait
   * for it. Growth is caught up by the projector, the sweeper and the server's periodic job.
   */
  statistics?: 'grown' | 'unanalysed';
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
  // The Patient (deceased, age, time zone), its Conditions and labs (creatinine, UACR: the target population,
  // target-population.ts) in one audited read.
  const chart = await repo.patientResources(ctx, patientId, ['Patient', 'Condition', 'Observation'], {
    observationCodes: CONTEXT_LAB_CODES,
  });
  const patient = chart.find((r) => r.resourceType === 'Patient' && r.id === patientId) as
    { deceasedBoolean?: boolean; deceasedDateTime?: string } | undefined;
  // The dead raise no alerts (issue 17 item 4): a Patient with deceased[x] is not evaluated.
  if (patient?.deceasedBoolean === true || patient?.deceasedDateTime) return 0;
  // Readings just written may have grown the search tables past what the planner knows (table-statistics.ts).
  await analyzeGrownTables(repo.db, options.statistics === 'unanalysed' ? { growth: Infinity } : {});
  const now = options.now;
  const from = new Date(Date.parse(now) - ALERT_WINDOW_DAYS * 86_400_000).toISOString();
  const [bp, flags] = await Promise.all([
    repo.searchAll(
      ctx,
      'Observation',
      [
        ['patient', patientId],
        ['code', BP_READING_SEARCH_CODES],
        ['date', `ge${from}`],
      ],
      20_000, // a month of readings every few minutes, each with its heart rate
    ),
    alertFlagsOf(repo, ctx, patientId),
  ]);
  const context = await loadPatientContext(repo, ctx, patientId, {
    now,
    from,
    preloaded: [...chart, ...bp],
  });
  const offsetAt = zoneOffsets(patientTimeZone(patient, options.timeZone ?? DEFAULT_TIME_ZONE));
  const home = assessHomeSeries({
    readings: context.home,
    guideline: options.guideline ?? ALERT_GUIDELINE,
    now,
    utcOffsetMinutes: offsetAt(Date.parse(now)),
    offsetAt,
    // An unknown age stays unknown (the target says what is missing), never a default of 50 (issue 17 item 7).
    population: targetPopulation(context),
    treated: context.treated,
    previousAlerts: flags.previous,
    alertConfig: WRITE_TIME_ALERT_CONFIG,
  });
  const readingTimes = new Map([...context.home, ...context.office].map((r) => [r.id, r.time]));
  // One open critical alert per patient for crisis readings (crisis-join.ts, decision 0009).
  const byId = new Map(context.home.map((r) => [r.id, r]));
  let joined = 0;
  const alerts = [];
  for (const alert of home.alerts) {
    if (alert.kind !== 'crisis') {
      alerts.push(alert);
      continue;
    }
    const fresh = freshCrisis(alert, flags.seenCrisis, byId, now, offsetAt);
    if (!fresh) continue;
    if (flags.openCrisis)
      joined += await joinOpenCrisis(repo, ctx, patientId, flags.openCrisis, fresh, byId, offsetAt);
    else alerts.push(fresh);
  }
  const raised = await saveAlerts(repo, ctx, patientId, alerts, {
    ...(flags.complete ? { existing: flags.ids } : {}),
    readingTimes,
  });
  return raised + joined;
}
