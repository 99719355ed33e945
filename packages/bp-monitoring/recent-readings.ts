/**
 * A patient's recent BP readings with their category (for the patient's phone page: colours, and the crisis
 * box while a crisis reading of the last 24 hours is on screen). Read through FHIR as the caller (a patient
 * sees only their own), newest first.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import { classifyOfficeBp } from '@qihuang/engines/blood-pressure';
import { isPatientRecorded } from '@qihuang/fhir';
import { DEFAULT_TIME_ZONE, patientTimeZone } from './local-time.ts';
import { ALERT_GUIDELINE, CRISIS_LOOKBACK_HOURS } from './raise-alerts.ts';
import { crisisAdvice, readingCategory, type PatientLanguage } from './reading-advice.ts';
import { isRememberedReading, REMEMBERED_LABEL } from './remembered.ts';
import { listAlerts } from './alerts-store.ts';
import type { StoredAlert } from './api-types/index.ts';
import type {
  RecentReading,
  RecentReadings,
  RememberedReading,
  WithdrawnListedReading,
} from './api-types/index.ts';
import { WITHDRAW_WINDOW_HOURS } from './withdraw-reading.ts';

export type { RecentReading, RecentReadings, RememberedReading, WithdrawnListedReading };

type Coded = { coding?: { system?: string; code?: string }[] };
const valueOf = (components: { code?: Coded; valueQuantity?: { value?: number } }[], code: string) =>
  components.find((c) => c.code?.coding?.some((x) => x.code === code))?.valueQuantity?.value;

export async function recentReadings(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  now: string,
  days: number,
  language: PatientLanguage,
  options: { timeZone?: string } = {},
): Promise<RecentReadings> {
  const patient = await repo.read(ctx, 'Patient', patientId); // 404 for an unknown or other patient
  const from = new Date(Date.parse(now) - days * 86_400_000).toISOString();
  const result = await repo.search(ctx, 'Observation', [
    ['patient', patientId],
    ['code', 'http://loinc.org|85354-9'],
    ['date', `ge${from}`],
    ['_sort', '-date'],
    ['_count', '200'],
    ['_total', 'none'],
  ]);
  const readings: RecentReading[] = [];
  const remembered: RememberedReading[] = [];
  // The care team sees what was withdrawn (the patient is told they do, decision 0020); the patient's own list
  // leaves it out.
  const careTeam = ctx.principal.role !== 'patient';
  const withdrawn: WithdrawnListedReading[] = [];
  for (const match of result.matches) {
    const o = match.content as {
      status?: string;
      effectiveDateTime?: string;
      component?: { code?: Coded; valueQuantity?: { value?: number } }[];
    };
    if (!o.effectiveDateTime) continue;
    // REFERENCE §8.1 LOINC: 8480-6 systolic, 8462-4 diastolic.
    const sbp = valueOf(o.component ?? [], '8480-6');
    const dbp = valueOf(o.component ?? [], '8462-4');
    if (typeof sbp !== 'number' || typeof dbp !== 'number' || sbp <= 0 || dbp <= 0) continue;
    if (o.status === 'entered-in-error') {
      if (careTeam && !isRememberedReading(match.content as { meta?: unknown }))
        withdrawn.push({
          id: match.id,
          time: o.effectiveDateTime,
          sbp,
          dbp,
          withdrawn: withdrawal(match.content),
        });
      continue;
    }
    const reading = {
      id: match.id,
      time: o.effectiveDateTime,
      sbp,
      dbp,
      category: readingCategory({ sbp, dbp }, ALERT_GUIDELINE),
      // The engine's category of the reading under the same guideline (China 2018 §1.4: 165/100 → grade-2).
      grade: classifyOfficeBp({ sbp, dbp }, ALERT_GUIDELINE).category,
      // Their own entry, saved (this version) within the patient's window (withdraw-reading.ts decides again).
      patientMayWithdraw: isPatientRecorded(match.content) && savedWithin(match.content, now),
    };
    // Remembered in a consultation: its time is when it was told, so it is listed apart (issue 20 item 2).
    if (isRememberedReading(match.content as { meta?: unknown }))
      remembered.push({ ...reading, timeKnown: false, label: REMEMBERED_LABEL[language] });
    else readings.push(reading);
  }
  // The crisis box stays while a crisis reading of the last 24 hours exists (the crisis alert's look-back,
  // DEFAULT_ALERT_CONFIG), so a reload of the page never hides it. It is about the most recent crisis reading, and
  // says so once the care team closed the alert covering it (decision 0031).
  const since = Date.parse(now) - 24 * 3_600_000;
  const lastDay = readings.filter((r) => Date.parse(r.time) >= since);
  const crisisToday = lastDay.some((r) => r.category === 'crisis');
  const closed = crisisToday
    ? closedCrisisCover(await listAlerts(repo, ctx, { patientId, status: 'inactive', count: 50 }))
    : [];
  const advice = crisisAdvice(lastDay, ALERT_GUIDELINE, language, {
    now,
    timeZone: patientTimeZone(patient, options.timeZone ?? DEFAULT_TIME_ZONE),
    lookbackHours: CRISIS_LOOKBACK_HOURS,
    ...(closed.length ? { closed } : {}),
  });
  return {
    guideline: ALERT_GUIDELINE,
    readings,
    ...(withdrawn.length ? { withdrawn } : {}),
    ...(remembered.length ? { remembered } : {}),
    ...(advice ? { advice } : {}),
  };
}

/**
 * The readings each closed critical crisis alert covered (its own and those that joined it) and when it was closed
 * with its recorded action (alert-actions.ts; decision 0026: an alert needing contact closes only when the patient
 * was reached or handed over to emergency care).
 */
export function closedCrisisCover(alerts: readonly StoredAlert[]): { readings: string[]; at: string }[] {
  return alerts
    .filter((a) => a.status === 'inactive' && a.kind === 'crisis' && a.severity === 'critical')
    .flatMap((a) =>
      a.acknowledged?.at
        ? [{ readings: [...a.readings, ...(a.joined ?? []).map((j) => j.id)], at: a.acknowledged.at }]
        : [],
    );
}

function savedWithin(o: { meta?: { lastUpdated?: string } }, now: string): boolean {
  const saved = Date.parse(o.meta?.lastUpdated ?? '');
  return !Number.isNaN(saved) && Date.parse(now) - saved <= WITHDRAW_WINDOW_HOURS * 3_600_000;
}

type Note = { text?: string; time?: string; authorString?: string; authorReference?: { reference?: string } };
/** The note withdraw-reading.ts writes: "Entered in error (withdrawn by the patient|care team): <reason>". */
const WITHDRAWAL_NOTE = /^Entered in error \(withdrawn by the (patient|care team)\): ([\s\S]*)$/;

/** Who withdrew a reading, when and why, from its Observation's withdrawal note (else what it says). */
function withdrawal(o: {
  note?: unknown;
  meta?: { lastUpdated?: string };
}): WithdrawnListedReading['withdrawn'] {
  const notes = Array.isArray(o.note) ? (o.note as Note[]) : [];
  const note = [...notes].reverse().find((n) => WITHDRAWAL_NOTE.test(n.text ?? ''));
  if (!note) {
    const last = notes.at(-1);
    return {
      ...(o.meta?.lastUpdated ? { at: o.meta.lastUpdated } : {}),
      ...(last?.text ? { reason: last.text } : {}),
    };
  }
  const [, who, reason] = WITHDRAWAL_NOTE.exec(note.text!)!;
  const by = who === 'patient' ? ('patient' as const) : ('care-team' as const);
  return {
    ...(note.time ? { at: note.time } : o.meta?.lastUpdated ? { at: o.meta.lastUpdated } : {}),
    by,
    ...(by === 'care-team' && note.authorString ? { name: note.authorString } : {}),
    reason: reason!,
  };
}
