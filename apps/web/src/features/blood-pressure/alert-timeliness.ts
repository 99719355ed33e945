/**
 * The alert inbox's critical-value timeliness line (issue 17, tester finding 4). The headline is what the care
 * team controls — from the alert to its acknowledgement (closing with the recorded action) — with the time
 * from the reading's measurement to the alert beside it, labelled as such: a device that uploads days late
 * makes "reading to closing" days long although the team answered in minutes. Pure (no React, no I/O); tolerant
 * of the answer's field names while the route's answer grows (`alertToAcknowledge`/`alertToAck`, else the
 * older `alertToClose`; `readingToAlert` when present). The answer's type is the server's (AlertTimeliness).
 */
import type { AlertTimeliness, TimelinessDurations as Durations } from '../../api/bp.ts';

export interface TimelinessFigures {
  alerts: number;
  closed: number;
  targetMinutes: number;
  overdue: number;
  /** Alert raised → acknowledged (closed with the action). */
  headline?: Durations;
  /** Reading measured → alert raised, over readings received within `lateUploadHours` of measurement. */
  readingToAlert?: Durations;
  /** Alerts whose reading reached the server more than `lateUploadHours` after it was measured. */
  lateUploads: number;
  lateUploadHours: number;
}

function durationsAt(report: Record<string, unknown>, keys: readonly string[]): Durations | undefined {
  for (const key of keys) {
    const v = report[key] as Partial<Durations> | undefined;
    if (v && typeof v === 'object' && 'medianMinutes' in v)
      return {
        count: typeof v.count === 'number' ? v.count : 0,
        medianMinutes: v.medianMinutes ?? null,
        p90Minutes: v.p90Minutes ?? null,
        withinTargetPercent: v.withinTargetPercent ?? null,
      };
  }
  return undefined;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function timelinessFigures(answer: AlertTimeliness): TimelinessFigures {
  const report: Record<string, unknown> = { ...answer };
  // The answer may name its headline figure (`headline: "alertToClose"`); a reading-based one is never taken.
  const named =
    typeof report.headline === 'string' && !/^reading/i.test(report.headline) ? [report.headline] : [];
  const headline = durationsAt(report, [
    'alertToAcknowledge',
    'alertToAcknowledgement',
    'alertToAck',
    'alertToAcknowledged',
    ...named,
    'alertToClose' satisfies keyof AlertTimeliness,
  ]);
  const readingToAlert = durationsAt(report, [
    'readingToAlert' satisfies keyof AlertTimeliness,
    'readingToRaise',
    'readingToAlerted',
  ]);
  return {
    alerts: num(answer.alerts),
    closed: num(answer.closed),
    targetMinutes: num(answer.targetMinutes),
    overdue: num(answer.openPastTarget),
    lateUploads: num(answer.lateUploads),
    lateUploadHours: num(answer.lateUploadHours) || 24,
    ...(headline ? { headline } : {}),
    ...(readingToAlert ? { readingToAlert } : {}),
  };
}

/** "N 条为迟传数据（测量后超过 24 小时才上传）" / "N late uploads (…)"; undefined when there are none. */
export function lateUploadText(
  f: TimelinessFigures,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | undefined {
  if (f.lateUploads <= 0) return undefined;
  return t('alertLoop.timelinessLate', { count: f.lateUploads, hours: f.lateUploadHours });
}

export const dash = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : String(v);

/** The close form's own checks, the server's rules (2 characters at least): one message per problem, translated. */
export function actionFormProblems(
  form: { contactedBy: string; action: string; reached: string; contactedAt: Date },
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  const problems: string[] = [];
  const text = (value: string, field: 'contactedBy' | 'action') => {
    const label = t(`alertLoop.${field}`);
    if (value.trim() === '') problems.push(t('alertLoop.fieldRequired', { field: label }));
    else if (value.trim().length < 2) problems.push(t('alertLoop.fieldTooShort', { field: label, count: 2 }));
  };
  text(form.contactedBy, 'contactedBy');
  if (Number.isNaN(form.contactedAt.getTime()))
    problems.push(t('alertLoop.fieldRequired', { field: t('alertLoop.contactedAt') }));
  if (!form.reached) problems.push(t('alertLoop.reachedRequired'));
  text(form.action, 'action');
  return problems;
}
