/**
 * Critical-value timeliness (危急值处置及时率), the way hospitals report it: for the critical alerts raised in a
 * period, the minutes from the reading (and from the alert) to its closing with a recorded action — median,
 * 90th percentile (nearest rank) and the share closed within the target — plus how many are still open and
 * how many of those are past the target.
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

export async function alertTimeliness(
  repo: FhirRepository,
  options: { from: string; to: string; targetMinutes: number; now: string; severity?: string },
): Promise<TimelinessReport> {
  const severity = options.severity ?? 'critical';
  const { rows } = await sql<NoticeRow>`
    select * from bp_alert_notice
    where severity = ${severity} and kind <> ${REPEAT_KIND} and raised_at >= ${options.from}::timestamptz and raised_at < ${options.to}::timestamptz`.execute(
    repo.db,
  );
  const minutes = (a: Date | string, b: Date | string) =>
    (Date.parse(iso(b)!) - Date.parse(iso(a)!)) / 60_000;
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
    readingToClose: durations(
      closed.filter((r) => r.reading_at !== null).map((r) => minutes(r.reading_at!, r.acknowledged_at!)),
      options.targetMinutes,
    ),
    alertToClose: durations(
      closed.map((r) => minutes(r.raised_at, r.acknowledged_at!)),
      options.targetMinutes,
    ),
    readingToAlert: (({ count, medianMinutes, p90Minutes }) => ({ count, medianMinutes, p90Minutes }))(
      durations(
        rows.filter((r) => r.reading_at !== null).map((r) => minutes(r.reading_at!, r.raised_at)),
        options.targetMinutes,
      ),
    ),
  };
}
