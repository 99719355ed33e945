/**
 * What the inbox shows of each alert's critical-value clock (issue 20, a try of the inbox): an open critical
 * alert counted by the timeliness report (alert-timeliness.ts: critical, not a repeat notice, not acknowledged)
 * is due `targetMinutes` after it was raised, overdue after that, and escalated when the notifier escalated it —
 * so the cards marked overdue are exactly the alerts the report's "open past target" counts. A withdrawn reading
 * changes none of this (issue 20, SAFETY: the withdrawal may itself be the mistake, decision 0020): the alert
 * keeps its clock until a clinician closes it. Also the measurement time of the alert's (earliest) reading,
 * from its notice.
 */
import { sql } from 'kysely';
import type { FhirRepository } from '@qihuang/store';
import { iso } from './alert-notices.ts';
import { REPEAT_KIND } from './crisis-join.ts';
import type { StoredAlert } from './api-types/index.ts';

interface DueRow {
  flag_id: string;
  kind: string;
  severity: string;
  reading_at: Date | string | null;
  raised_at: Date | string;
  escalated_at: Date | string | null;
  acknowledged_at: Date | string | null;
}

/** The alerts with `due` (open critical ones) and `readingAt` (when their notice knows it). */
export async function withDue(
  repo: FhirRepository,
  alerts: readonly StoredAlert[],
  options: { now: string; targetMinutes: number },
): Promise<StoredAlert[]> {
  if (alerts.length === 0) return [];
  const { rows } = await sql<DueRow>`
    select flag_id, kind, severity, reading_at, raised_at, escalated_at, acknowledged_at
    from bp_alert_notice where flag_id = any(${alerts.map((a) => a.id)}::text[])`.execute(repo.db);
  const byId = new Map(rows.map((r) => [r.flag_id, r]));
  const now = Date.parse(options.now);
  return alerts.map((alert) => {
    const row = byId.get(alert.id);
    if (!row) return alert;
    const readingAt = iso(row.reading_at);
    const counted =
      alert.status === 'active' &&
      row.severity === 'critical' &&
      row.kind !== REPEAT_KIND &&
      row.acknowledged_at === null;
    const raised = Date.parse(iso(row.raised_at)!);
    const dueAt = raised + options.targetMinutes * 60_000;
    const escalatedAt = iso(row.escalated_at);
    return {
      ...alert,
      ...(readingAt ? { readingAt } : {}),
      ...(counted
        ? {
            due: {
              at: new Date(dueAt).toISOString(),
              targetMinutes: options.targetMinutes,
              // The report's rule: more than the target since it was raised.
              overdue: now - raised > options.targetMinutes * 60_000,
              ...(escalatedAt ? { escalatedAt } : {}),
            },
          }
        : {}),
    };
  });
}
