/**
 * A crisis-range reading measured before the crisis alert's look-back raises no alert (bp-monitoring
 * raise-alerts.ts, decision 0009); the upload answer tells the patient to tell the clinic and measure again
 * (`advice.level: 'old-reading'`). The home page carries the same advice, in the page's language, while the
 * upload is less than 7 days old (issue 17/20 follow-up 2). Crisis range: ACC/AHA 2017 §11.2 (>180 / >120),
 * the alert's guideline. A reading withdrawn as entered in error (decision 0020) gives no note.
 */
import { sql } from 'kysely';
import {
  ALERT_GUIDELINE,
  CRISIS_LOOKBACK_HOURS,
  crisisAdvice,
  type CrisisAdvice,
} from '@qihuang/bp-monitoring';
import type { CareDeps } from './deps.ts';
import type { PatientLanguage } from './crisis-alert.ts';

/** The crisis alert's look-back, days: the one bp-monitoring raises alerts with (one rule, decision 0009). */
export const CRISIS_LOOKBACK_DAYS = CRISIS_LOOKBACK_HOURS / 24;
/** How long after the upload the page still shows the note (operational: one week). */
export const OLD_CRISIS_NOTE_DAYS = 7;
const DAY_MS = 86_400_000;

export async function oldCrisisAdvice(
  deps: CareDeps,
  patientId: string,
  options: { now: Date; timeZone: string; language: PatientLanguage },
): Promise<CrisisAdvice | undefined> {
  const now = options.now.getTime();
  const before = new Date(now - CRISIS_LOOKBACK_DAYS * DAY_MS).toISOString();
  const since = new Date(now - OLD_CRISIS_NOTE_DAYS * DAY_MS).toISOString();
  const { rows } = await sql<{ id: string; time: string; sbp: number; dbp: number }>`
    select id, time, sbp, dbp from bp_reading
    where patient_id = ${patientId} and received_at >= ${since}::timestamptz
      and received_at <= ${options.now.toISOString()}::timestamptz
      and effective_at < ${before}::timestamptz and (sbp > 180 or dbp > 120)
      and status <> 'entered-in-error'
    order by effective_at desc limit 50`.execute(deps.db);
  if (rows.length === 0) return undefined;
  const advice = crisisAdvice(
    rows.map((r) => ({ id: r.id, time: r.time, sbp: Number(r.sbp), dbp: Number(r.dbp) })),
    ALERT_GUIDELINE,
    options.language,
    { now: options.now.toISOString(), timeZone: options.timeZone, lookbackHours: CRISIS_LOOKBACK_DAYS * 24 },
  );
  return advice?.level === 'old-reading' ? advice : undefined;
}
