/**
 * The patient's home page: reminders, measurement adherence, weekly progress of home readings against the
 * home-BP target (never the office target), signed medications, medication check-ins. A deceased patient's
 * page is labelled and carries no reminders (issue 17 items 4, 5).
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { listAlerts, targetPopulation } from '@qihuang/bp-monitoring';
import {
  currentHomeMean,
  shownBp,
  targetFor,
  type BpReading,
  type Guideline,
} from '@qihuang/engines/blood-pressure';
import { adherence, monitoringPlan, remindersFor } from '@qihuang/engines/hypertension-care';
import { addDays, assertPatientAccess, localDay, nowOf, type CareDeps } from './deps.ts';
import { activeMedications, getCarePlan, meanOf, type PatientHome } from './management.ts';
import { atTarget, homeTargetFor } from './home-targets.ts';
import { deceasedOf } from './patient-status.ts';
import { careSettings } from './settings.ts';
import { measuredContext } from './measured.ts';
import { openCrisisAlert, type PatientLanguage } from './crisis-alert.ts';
import { careDb } from './tables.ts';
import { homeAdherence } from './home-adherence.ts';
import { oldCrisisAdvice } from './old-crisis.ts';
import { openReportedAlert } from './reported-home.ts';
import { handledReportNote } from './reported-handled.ts';
import { patientCarePlanIn, patientSourceIn } from './source-names.ts';

/**
 * Weekly home means (local weeks starting Monday), oldest first: the trend chart's points — calendar weeks, all of a
 * week's readings, not the current home average (decision 0027; the console labels them so). Judged against the
 * target on the exact mean; `shown` is the figure to display (whole mmHg, one decimal where that would cross the
 * target, display-rounding.ts).
 */
export function weeklyProgress(
  readings: readonly BpReading[],
  offset: number,
  target: { sbp: number; dbp?: number } | undefined,
): PatientHome['progress']['weeks'] {
  const weeks = new Map<string, BpReading[]>();
  for (const r of readings) {
    const day = localDay(new Date(r.time), offset);
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const start = addDays(day, -weekday);
    weeks.set(start, [...(weeks.get(start) ?? []), r]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, rs]) => {
      const m = meanOf(rs)!;
      return {
        weekStart,
        sbp: Math.round(m.sbp * 100) / 100,
        dbp: Math.round(m.dbp * 100) / 100,
        shown: shownBp(m, {
          sbp: target ? [target.sbp] : [],
          dbp: target?.dbp !== undefined ? [target.dbp] : [],
        }),
        readings: rs.length,
        // The exact mean decides (a 134.95 rounded to 135.0 first read as above <135).
        atTarget: target ? atTarget(m, target) : false,
      };
    });
}

/**
 * The current home average (decision 0027): the engine's one definition — the 7 local days ending today, the first
 * day with readings discarded (ESH 2023 / China 2018 home BP monitoring, REFERENCE §2.3) — with its count, window,
 * label and the figures as shown (never across the target or the home threshold, display-rounding.ts). The BP
 * page's assessment and the clinician panel use the same function.
 */
export function lastSevenDays(
  readings: readonly BpReading[],
  offset: number,
  now: Date,
  target: { sbp: number; dbp?: number } | undefined,
  guideline: Guideline = 'china-2018',
): Pick<PatientHome['progress'], 'lastSevenDays'> {
  const current = currentHomeMean(readings, {
    guideline,
    now: now.toISOString(),
    utcOffsetMinutes: offset,
    ...(target ? { target } : {}),
  });
  const m = current.mean;
  if (!m || !current.shown) return {};
  return {
    lastSevenDays: {
      from: current.from,
      to: current.to,
      sbp: Math.round(m.sbp * 100) / 100,
      dbp: Math.round(m.dbp * 100) / 100,
      shown: current.shown,
      readings: current.readingsUsed,
      days: current.daysUsed,
      ...(current.discardedDay ? { discardedDay: current.discardedDay } : {}),
      label: current.label,
      // The exact mean decides (the shown figure stays on the same side).
      atTarget: target ? atTarget(m, target) : false,
    },
  };
}

export async function medicationAdherence(
  deps: CareDeps,
  patientId: string,
  today: string,
): Promise<PatientHome['medicationAdherence']> {
  const from = addDays(today, -13);
  const rows = await careDb(deps.db)
    .selectFrom('care_medication_adherence')
    .select(['day', 'taken'])
    .where('patient_id', '=', patientId)
    .where('day', '>=', from)
    .where('day', '<=', today)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r.taken]));
  const days = Array.from({ length: 14 }, (_, i) => {
    const date = addDays(from, i);
    return { date, taken: byDay.has(date) ? byDay.get(date)! : null };
  });
  // A day with nothing recorded is unknown, not a missed dose (issue 20): counted apart, and the fraction is of
  // the days the patient recorded (0 when none: the screen says "not recorded", not 0 %).
  const taken = days.filter((d) => d.taken === true).length;
  const missed = days.filter((d) => d.taken === false).length;
  const recorded = taken + missed;
  return {
    fraction: recorded ? Math.round((taken / recorded) * 1000) / 1000 : 0,
    takenDays: taken,
    missedDays: missed,
    unrecordedDays: days.length - recorded,
    days,
  };
}

export async function recordMedicationAdherence(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  date: string,
  taken: boolean,
): Promise<PatientHome['medicationAdherence']> {
  assertPatientAccess(ctx, patientId);
  const offset = careSettings(deps).utcOffsetMinutes;
  const today = localDay(nowOf(deps), offset);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new QihuangError('invalid-input', `date must be YYYY-MM-DD, got "${date}"`);
  if (date > today) throw new QihuangError('invalid-input', `date ${date} is in the future`);
  if (date < addDays(today, -13))
    throw new QihuangError('invalid-input', 'Only the last 14 days can be recorded');
  await careDb(deps.db)
    .insertInto('care_medication_adherence')
    .values({
      patient_id: patientId,
      day: date,
      taken,
      recorded_by: ctx.principal.id,
      recorded_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['patient_id', 'day']).doUpdateSet({ taken, recorded_by: ctx.principal.id }),
    )
    .execute();
  return medicationAdherence(deps, patientId, today);
}

export async function patientHome(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guidelineOverride?: Guideline,
  language: PatientLanguage = 'zh-CN',
): Promise<PatientHome> {
  assertPatientAccess(ctx, patientId);
  const now = nowOf(deps);
  const { context, patient, reported } = await measuredContext(deps, ctx, patientId, {
    now: now.toISOString(),
    from: new Date(now.getTime() - 84 * 86_400_000).toISOString(),
  });
  const { utcOffsetMinutes: offset, timeZone } = careSettings(deps, patient);
  const today = localDay(now, offset);
  const deceased = deceasedOf(patient);
  const carePlan = await getCarePlan(deps, ctx, patientId);
  const guideline = guidelineOverride ?? carePlan?.guideline ?? deps.guideline ?? 'china-2018';
  const medications = await activeMedications(deps, ctx, patientId, language === 'en' ? 'en' : 'zh');
  // No age is assumed when unknown: the engine gives the adult (<65) target and says the age is missing.
  const office = carePlan?.target ?? targetFor(guideline, targetPopulation(context)); // the one population builder (bp-monitoring, issue 20)
  const home = carePlan?.homeTarget ?? homeTargetFor(office, guideline);
  const plan =
    carePlan?.monitoring ??
    monitoringPlan(
      guideline,
      medications.length > 0 || context.treated ? 'titration' : 'diagnosis',
      addDays(today, -6),
    );
  const past = context.home.filter((r) => Date.parse(r.time) <= now.getTime());
  // The dead are sent no reminders (issue 17 item 4).
  const reminders = deceased ? [] : remindersFor(plan, past, now.toISOString(), offset);
  const from = [plan.startDate, addDays(today, -13)].sort().at(-1)!;
  const adh = homeAdherence(
    plan,
    past,
    now.toISOString(),
    offset,
    from,
    today,
    adherence(plan, past, from, today, offset),
  );
  // An open crisis alert reaches the patient whatever the reading's measured date (tester finding 1).
  const alerts = await listAlerts(deps.repository, ctx, { patientId, status: 'active', count: 50 });
  const crisis = await openCrisisAlert(
    deps,
    ctx,
    patientId,
    { readings: context.home, timeZone, today, language },
    alerts,
  );
  // An emergency (or same-day report) the patient reported leads over any reading's box (decision 0024).
  const reportedAlert = await openReportedAlert(deps, ctx, patientId, { now, timeZone, language, alerts });
  // A reported alert closed with its action in the last 72 h: a status note after everything open (decision 0024).
  const handled = await handledReportNote(deps, ctx, patientId, { now, timeZone, language });
  // A crisis-range reading older than the alert look-back, uploaded this week: the upload answer's note.
  const oldCrisis = await oldCrisisAdvice(deps, patientId, { now, timeZone, language });
  const sourceLanguage = language === 'en' ? 'en' : 'zh';
  return {
    patient: { id: patientId, ...(context.name ? { name: context.name } : {}) },
    ...(deceased ? { deceased: deceased.date ? { date: deceased.date } : {} } : {}),
    modelConfigured: deps.model.configured(),
    guideline,
    // Sources named for the patient in the page's language (issue 20: "ACC/AHA 2017 Table 11" on a zh page).
    ...(carePlan ? { carePlan: patientCarePlanIn(carePlan, sourceLanguage) } : {}),
    monitoring: {
      plan:
        plan.source !== undefined ? { ...plan, source: patientSourceIn(plan.source, sourceLanguage) } : plan,
      reminders,
      adherence: adh,
    },
    progress: {
      target: { sbp: home.sbp, ...(home.dbp !== undefined ? { dbp: home.dbp } : {}) },
      officeTarget: { sbp: office.sbp, ...(office.dbp !== undefined ? { dbp: office.dbp } : {}) },
      weeks: weeklyProgress(past, offset, home),
      ...lastSevenDays(past, offset, now, home, guideline),
    },
    ...(reportedAlert ? { reportedAlert } : {}),
    ...(handled ? { handledReport: handled } : {}),
    ...(crisis ? { crisisAlert: crisis } : {}),
    ...(oldCrisis ? { oldCrisisAdvice: oldCrisis } : {}),
    ...(reported.length ? { reportedBp: reported } : {}),
    medications,
    medicationAdherence: await medicationAdherence(deps, patientId, today),
    timeZone,
  };
}
