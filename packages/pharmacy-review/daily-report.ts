/**
 * The pharmacist's daily report, computed from the review extensions of the orders reviewed that day — the
 * hospital's calendar day (`bounds`, from its time zone; the UTC day when not given).
 */
import type { FindingType, Severity } from '@qihuang/engines/prescription-review';
import type { ReviewRecord } from './review-state.ts';
import type { DailyReport } from './api-types/index.ts';

export type { DailyReport };

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10000) / 10000);

export function dailyReport(
  date: string,
  records: ReviewRecord[],
  bounds: { start: Date; end: Date } = {
    start: new Date(`${date}T00:00:00Z`),
    end: new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000),
  },
): DailyReport {
  const inDay = (at: string | undefined) => {
    const t = at ? Date.parse(at) : NaN;
    return t >= bounds.start.getTime() && t < bounds.end.getTime();
  };
  const reviewed = records.filter((r) => (r.state === 'approved' || r.state === 'returned') && inDay(r.at));
  const serious = (r: ReviewRecord) => r.findings.some((f) => f.severity !== 'info');
  const approved = reviewed.filter((r) => r.state === 'approved').length;
  const returned = reviewed.length - approved;
  const flagged = reviewed.filter(serious).length;
  const overridden = reviewed.filter((r) => r.state === 'approved' && serious(r)).length;
  const overriddenFindings = reviewed
    .filter((r) => r.state === 'approved')
    .flatMap((r) => r.findings.filter((f) => f.severity !== 'info'));
  const overrideReasons = overriddenFindings.filter((f) => f.override).length;
  const bySeverity: Record<Severity, number> = { info: 0, warning: 0, critical: 0 };
  const byType = new Map<FindingType, DailyReport['findings']['byType'][number]>();
  let total = 0;
  for (const f of reviewed.flatMap((r) => r.findings)) {
    total++;
    bySeverity[f.severity]++;
    const row = byType.get(f.type) ?? { type: f.type, total: 0, info: 0, warning: 0, critical: 0 };
    row.total++;
    row[f.severity]++;
    byType.set(f.type, row);
  }
  return {
    date,
    reviewed: reviewed.length,
    approved,
    returned,
    returnRate: rate(returned, reviewed.length),
    flagged,
    overridden,
    overrideRate: rate(overridden, flagged),
    overrideReasons,
    overridesWithoutReason: overriddenFindings.length - overrideReasons,
    findings: {
      total,
      bySeverity,
      byType: [...byType.values()].sort((a, b) => b.total - a.total || a.type.localeCompare(b.type)),
    },
  };
}
