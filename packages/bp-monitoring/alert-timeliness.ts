/**
 * Critical-value timeliness (危急值处置及时率), the way hospitals report it: for the critical alerts raised in a
 * period, the minutes from the reading (and from the alert) to its closing with a recorded action — median,
 * 90th percentile (nearest rank) and the share closed within the target — plus how many are still open and
 * how many of those are past the target.
 *
 * The reading-based figures (reading → alert, reading → close) count only readings that reached the server
 * within LATE_UPLOAD_HOURS of being measured: a reading measured days before it was uploaded (a phone that synced
 * late, demo data loaded today) measures the upload, not the alert loop, and is counted apart as a late upload.
 * When a reading was received is the home-reading store's `received_at` (bp_reading, migration 0400) of the
 * alert's earliest reading, else the first version of its Observation (a reading written straight to FHIR, as
 * the demo loader and office readings are); a reading neither holds keeps its place.
 *
 * An alert whose readings were all withdrawn as entered in error (decision 0020) is still a critical alert the
 * care team must close (issue 20, SAFETY): it counts among the alerts, the open, the open past target and the
 * alert-to-close figures, as the inbox marks it; only the figures measured from its reading (reading → alert,
 * reading → close, late uploads) leave it out, since that reading's time measures nothing.
 */
import { sql } from 'kysely';
import type { FhirRepository } from '@qihuang/store';
import { iso, type NoticeRow } from './alert-notices.ts';
import { REPEAT_KIND } from './crisis-join.ts';
import type { Durations, TimelinessReport } from './api-types/index.ts';

export type { Durations, TimelinessReport };

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function durations(minutes: readonly number[], targetMinutes: number): Durations {
  const sorted = [...minutes].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: sorted.length,
    medianMinutes: round(percentile(sorted, 50)),
    p90Minutes: round(percentile(sorted, 90)),
    withinTargetPercent: sorted.length
      ? Math.round((sorted.filter((m) => m <= targetMinutes).length / sorted.length) * 1000) / 10
      : null,
  };
}

/** A reading received more than this long after it was measured is a late upload (operational, issue 20). */
export const LATE_UPLOAD_HOURS = 24;

type TimedNotice = NoticeRow & {
  reading_received_at: Date | string | null;
  reading_withdrawn_at: Date | string | null;
};

export async function alertTimeliness(
  repo: FhirRepository,
  options: { from: string; to: string; targetMinutes: number; now: string; severity?: string },
): Promise<TimelinessReport> {
  const severity = options.severity ?? 'critical';
  const { rows } = await sql<TimedNotice>`
    select n.*, coalesce(
      (select min(r.received_at) from bp_reading r
       where r.patient_id = n.patient_id and r.effective_at = n.reading_at),
      (select min(h.last_updated) from fhir_date d
       join fhir_reference s on s.resource_type = 'Observation' and s.resource_id = d.resource_id
         and s.param = 'subject' and s.target_type = 'Patient' and s.target_id = n.patient_id
       join fhir_history h on h.resource_type = 'Observation' and h.id = d.resource_id
       where d.resource_type = 'Observation' and d.param = 'date' and d.start_at = n.reading_at)
    ) as reading_received_at
    from bp_alert_notice n
    where n.severity = ${severity} and n.kind <> ${REPEAT_KIND}
      and n.raised_at >= ${options.from}::timestamptz and n.raised_at < ${options.to}::timestamptz`.execute(
    repo.db,
  );
  const minutes = (a: Date | string, b: Date | string) =>
    (Date.parse(iso(b)!) - Date.parse(iso(a)!)) / 60_000;
  const late = (r: TimedNotice) =>
    r.reading_at !== null &&
    r.reading_withdrawn_at === null &&
    r.reading_received_at !== null &&
    minutes(r.reading_at, r.reading_received_at) > LATE_UPLOAD_HOURS * 60;
  const timely = (r: TimedNotice): r is TimedNotice & { reading_at: Date | string } =>
    r.reading_at !== null && r.reading_withdrawn_at === null && !late(r);
  const closed = rows.filter((r) => r.acknowledged_at !== null);
  const open = rows.filter((r) => r.acknowledged_at === null);
  return {
    from: options.from,
    to: options.to,
    severity,
    targetMinutes: options.targetMinutes,
    alerts: rows.length,
    closed: closed.length,
    open: open.length,
    openPastTarget: open.filter((r) => minutes(r.raised_at, options.now) > options.targetMinutes).length,
    headline: 'alertToClose',
    lateUploads: rows.filter(late).length,
    lateUploadHours: LATE_UPLOAD_HOURS,
    readingToClose: durations(
      closed.filter(timely).map((r) => minutes(r.reading_at, r.acknowledged_at!)),
      options.targetMinutes,
    ),
    alertToClose: durations(
      closed.map((r) => minutes(r.raised_at, r.acknowledged_at!)),
      options.targetMinutes,
    ),
    readingToAlert: (({ count, medianMinutes, p90Minutes }) => ({ count, medianMinutes, p90Minutes }))(
      durations(
        rows.filter(timely).map((r) => minutes(r.reading_at, r.raised_at)),
        options.targetMinutes,
      ),
    ),
  };
}
