/**
 * A patient's blood-pressure assessment from the store: the engine's home-series assessment (HBPM mean,
 * phenotype, target, variability, alerts), the office classification, 10-year risk and renal function
 * where the data allow, and the series for the chart. Pure engines decide; this module only gathers inputs.
 */
import type { RequestContext } from '@qihuang/contracts';
import {
  assessHomeSeries,
  classifyOfficeBp,
  isGuideline,
  type AlertConfig,
  type Assessment,
  type BpValue,
  type Classification,
  type Guideline,
  type PreviousAlert,
  type TargetPopulation,
} from '@qihuang/engines/blood-pressure';
import { pooledCohortRisk, type PceResult } from '@qihuang/engines/cardiovascular-risk';
import type { EgfrResult } from '@qihuang/engines/renal-function';
import { QihuangError } from '@qihuang/contracts';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { withSessionsShown, type SessionsShown } from './session-shown.ts';
import { localDay, zoneOffsets } from './local-time.ts';
import { loadPatientContext, type PatientContext } from './patient-context.ts';
import { renalOf, targetPopulation } from './target-population.ts';
import { deviceResourceId } from './upload-readings.ts';

export interface BpReport {
  patient: { id: string; name?: string; age?: number; sex?: string };
  guideline: Guideline;
  now: string;
  /** `hbpm` carries the morning/evening rows as shown too (session-shown.ts, decision 0027). */
  home: Assessment & { hbpm: Assessment['hbpm'] & SessionsShown };
  office?: { mean: BpValue; readings: number; date: string; classification: Classification };
  /**
   * Why there is no office classification: no office visit since `since` (the window's first local day, 12 months
   * by default); `lastBefore` is the local day of the latest older office reading, when there is one. Absent
   * when `office` is given.
   */
  officeMissing?: { since: string; lastBefore?: string };
  risk?: { pce?: PceResult; missing?: string[] };
  renal?: EgfrResult;
  /**
   * The treatment-target population read from the chart (target-population.ts): the same for the assessment,
   * the care plan, the patient's home and the treatment proposal.
   */
  population: TargetPopulation;
  /** `manual`: a home reading with no device — typed in by the patient (the phone page sends none; issue 20). */
  series: {
    time: string;
    sbp: number;
    dbp: number;
    heartRate?: number;
    setting: 'home' | 'office';
    manual?: true;
  }[];
  /**
   * Readings of a recent large upload counted here but not yet written as FHIR Observations (seconds behind;
   * FHIR searches and the chart, which reads them, show them once written). Absent when none.
   */
  pendingProjection?: number;
}

export function parseGuideline(value: string | undefined): Guideline {
  const guideline = value ?? 'china-2018';
  if (!isGuideline(guideline))
    throw new QihuangError(
      'invalid-input',
      `Unknown guideline "${guideline}" (acc-aha-2017, esh-2023, china-2018, china-2024)`,
    );
  return guideline;
}

/** The last office visit: the readings of the latest local day (patient's zone, else the hospital's). */
function lastVisitMean(
  context: PatientContext,
  offsetAt: (epochMs: number) => number,
): { mean: BpValue; readings: number; date: string } | undefined {
  if (context.office.length === 0) return undefined;
  const sorted = [...context.office].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const day = localDay(sorted[0]!.time, offsetAt);
  const visit = sorted.filter((r) => localDay(r.time, offsetAt) === day);
  const mean = (k: 'sbp' | 'dbp') => visit.reduce((s, r) => s + r[k], 0) / visit.length;
  return { mean: { sbp: mean('sbp'), dbp: mean('dbp') }, readings: visit.length, date: day };
}

/** The office tile's reason: the window's first local day and the latest older office reading's day, if any. */
function officeMissing(
  all: PatientContext['office'],
  since: number,
  offsetAt: (epochMs: number) => number,
): NonNullable<BpReport['officeMissing']> {
  const older = all
    .filter((r) => Date.parse(r.time) < since)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  return {
    since: localDay(new Date(since).toISOString(), offsetAt),
    ...(older[0] ? { lastBefore: localDay(older[0].time, offsetAt) } : {}),
  };
}

/** mg/dL from a lab value in mg/dL or mmol/L: mmol/L × 38.67 (REFERENCE §3.1 "Unit conversion", factor marked UNVERIFIED there). */
function cholesterolMgDl(lab: { value: number; unit: string } | undefined): number | undefined {
  if (!lab) return undefined;
  return /mmol/i.test(lab.unit) ? lab.value * 38.67 : lab.value;
}

export function riskFor(context: PatientContext, sbp: number | undefined): BpReport['risk'] {
  const missing: string[] = [];
  const tc = cholesterolMgDl(context.labs.totalCholesterol);
  const hdl = cholesterolMgDl(context.labs.hdl);
  if (context.age === undefined) missing.push('age');
  if (!context.sex) missing.push('sex');
  if (tc === undefined) missing.push('total cholesterol');
  if (hdl === undefined) missing.push('HDL cholesterol');
  if (sbp === undefined) missing.push('systolic BP');
  if (missing.length) return { missing };
  if (context.age! < 40 || context.age! > 79) return { missing: ['age 40–79 (PCE range, REFERENCE §3.1)'] };
  try {
    return {
      pce: pooledCohortRisk({
        age: context.age!,
        sex: context.sex!,
        race: 'other', // race is not recorded in the store; PCE "other" uses the white equations (§3.1)
        // Out-of-range inputs are not computed (REFERENCE §3.1 calculator ranges): the engine throws, we report it.
        totalCholesterol: tc!,
        hdl: hdl!,
        sbp: sbp!,
        treatedHypertension: context.treated,
        smoker: context.smoker ?? false,
        diabetes: context.diabetes,
      }),
    };
  } catch (error) {
    return { missing: [(error as Error).message] };
  }
}

export async function assessPatient(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  options: {
    guideline: Guideline;
    now: string;
    from?: string;
    to?: string;
    previousAlerts?: PreviousAlert[];
    /** The patient's resources already read (FhirRepository.patientResources with CONTEXT_OBSERVATION_CODES). */
    preloaded?: readonly FhirResource[];
    /** Local time zone of the readings, minutes east of UTC (morning/evening, days; default 480, China). */
    utcOffsetMinutes?: number;
    /**
     * The hospital's IANA time zone (QIHUANG_TIME_ZONE): when given, days and morning/evening are local to the
     * patient's own zone (Patient timezone extension) or else this one, each reading with its own offset
     * (daylight saving time); `utcOffsetMinutes` is then ignored.
     */
    timeZone?: string;
    /** Office readings older than this instant are not classified (data currency, issue 17 item 4). */
    officeSince?: string;
    /** Alert rule settings for this evaluation (raise-alerts.ts widens the crisis look-back at write time). */
    alertConfig?: Partial<AlertConfig>;
  },
): Promise<BpReport> {
  const loaded = await loadPatientContext(repo, ctx, patientId, options);
  // Office readings older than 12 months (default; QIHUANG_OFFICE_BP_WINDOW_MONTHS via the care service) are not
  // classified: a 1979 visit is no basis for today's category (issue 17 item 4).
  const defaultSince = new Date(options.now);
  defaultSince.setUTCMonth(defaultSince.getUTCMonth() - 12);
  const since = Date.parse(options.officeSince ?? defaultSince.toISOString());
  const context = { ...loaded, office: loaded.office.filter((r) => Date.parse(r.time) >= since) };
  const zone = options.timeZone ? (context.timeZone ?? options.timeZone) : undefined;
  const offsetAt = zone ? zoneOffsets(zone) : undefined;
  const office = lastVisitMean(context, offsetAt ?? (() => options.utcOffsetMinutes ?? 480));
  const population = targetPopulation(context);
  const assessed = assessHomeSeries({
    readings: context.home,
    guideline: options.guideline,
    now: options.now,
    // Every screen's current home average closes today (engines/blood-pressure current-home-mean.ts, decision 0027).
    homeWindowEnd: 'now',
    utcOffsetMinutes: offsetAt ? offsetAt(Date.parse(options.now)) : (options.utcOffsetMinutes ?? 480),
    ...(offsetAt ? { offsetAt } : {}),
    // An unknown age stays unknown (the target says what is missing), never a default of 50 (issue 17 item 7).
    population,
    ...(office ? { office: office.mean } : {}),
    treated: context.treated,
    ...(options.previousAlerts ? { previousAlerts: options.previousAlerts } : {}),
    ...(options.alertConfig ? { alertConfig: options.alertConfig } : {}),
  });
  const home = { ...assessed, hbpm: withSessionsShown(assessed.hbpm) };
  const renal = renalOf(context);
  const sbpForRisk = office?.mean.sbp ?? home.hbpm.mean?.sbp;
  // A reading sent with no device (the patient's phone page sends none) is stored under the patient's
  // 'unknown-device' Device (upload-readings.ts): typed in, not measured by a known device.
  const unknownDevice = deviceResourceId(patientId, 'unknown-device');
  const typedIn = (deviceId: string | undefined) =>
    !deviceId || deviceId === unknownDevice || deviceId === `Device/${unknownDevice}`;
  const series = [
    ...context.home.map((r) => ({
      time: r.time,
      sbp: r.sbp,
      dbp: r.dbp,
      ...(r.heartRate ? { heartRate: r.heartRate } : {}),
      setting: 'home' as const,
      ...(typedIn(r.deviceId) ? { manual: true as const } : {}),
    })),
    ...context.office.map((r) => ({ time: r.time, sbp: r.sbp, dbp: r.dbp, setting: 'office' as const })),
  ].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return {
    patient: { id: patientId, name: context.name, age: context.age, sex: context.sex },
    guideline: options.guideline,
    now: options.now,
    home,
    ...(office
      ? { office: { ...office, classification: classifyOfficeBp(office.mean, options.guideline) } }
      : {
          officeMissing: officeMissing(
            loaded.office,
            since,
            offsetAt ?? (() => options.utcOffsetMinutes ?? 480),
          ),
        }),
    risk: riskFor(context, sbpForRisk),
    ...(renal ? { renal } : {}),
    population,
    series,
    ...(context.pendingProjection ? { pendingProjection: context.pendingProjection } : {}),
  };
}
