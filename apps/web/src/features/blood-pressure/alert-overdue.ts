/**
 * The inbox's overdue marks and the reading a card shows (issue 20, a try of the inbox). Pure (no React): the
 * server gives each open critical alert its clock (`due`: raised + target, `overdue`, `escalatedAt`); a card is
 * overdue when the server said so, when the page's clock has passed `due.at` since, or when the live stream
 * escalated it. The header's "N open past target" is the number of cards marked here, so the two agree.
 */
import type { BpAlert } from '../../api/bp.ts';

export function isOverdue(alert: BpAlert, nowMs: number, escalatedLive = false): boolean {
  if (!alert.due) return escalatedLive;
  return alert.due.overdue || !!alert.due.escalatedAt || escalatedLive || nowMs > Date.parse(alert.due.at);
}

/** Overdue first (oldest deadline first), then by severity, then newest first. */
export function inboxOrder(
  alerts: readonly BpAlert[],
  overdue: (a: BpAlert) => boolean,
  severityRank: (s: string) => number,
): BpAlert[] {
  return [...alerts].sort((a, b) => {
    const oa = overdue(a);
    const ob = overdue(b);
    if (oa !== ob) return oa ? -1 : 1;
    if (oa && ob && a.due && b.due) return a.due.at.localeCompare(b.due.at);
    return severityRank(a.severity) - severityRank(b.severity) || b.createdAt.localeCompare(a.createdAt);
  });
}

export interface CardReading {
  /** "190/125 mmHg". */
  value: string;
  /** When it was measured, else (a value typed in a consultation) when it was reported. */
  time: string;
  measured: boolean;
}

/**
 * The blood pressure a card shows when its text does not already say it: a patient-reported emergency's text
 * names the symptoms only ("患者问诊中报告急症症状：胸痛"), so the value the patient typed (190/125) and its time
 * are shown apart. A crisis alert's text names its values: nothing more is shown.
 */
export function cardReading(alert: BpAlert): CardReading | undefined {
  const { sbp, dbp } = alert.values ?? {};
  if (typeof sbp !== 'number' || typeof dbp !== 'number') return undefined;
  const pair = `${Math.round(sbp)}/${Math.round(dbp)}`;
  const text = `${alert.summary?.zh ?? ''} ${alert.summary?.en ?? ''}`;
  if (text.includes(pair)) return undefined;
  return alert.readingAt
    ? { value: `${pair} mmHg`, time: alert.readingAt, measured: true }
    : { value: `${pair} mmHg`, time: alert.createdAt, measured: false };
}

/** The label of the card's BP line: reported only when the patient told it and no recorded reading stands behind it. */
export function readingLabel(
  alert: BpAlert,
  reading: CardReading,
): 'alertDue.reportedReading' | 'alertDue.reading' {
  return alert.kind === 'reported-emergency' && !reading.measured
    ? 'alertDue.reportedReading'
    : 'alertDue.reading';
}
