/**
 * The inbox card's evidence line (issue 20): a reading alert counts the readings that raised it ("测量值：8 次测量");
 * an alert raised by what the patient said in the consultation is worded as a consultation report ("来源：患者在问诊中
 * 报告"), never as a count of measurements (the patient's own words are quoted below it). Pure.
 */
const REPORTED = new Set(['reported-emergency', 'reported-urgent']);

export type EvidenceLine =
  | { label: 'alertDue.source'; key: 'alertDue.consultationReport' }
  | { label: 'alerts.readings'; key: 'bp.readings'; count: number };

export function evidenceLine(alert: { kind: string }, readings: number): EvidenceLine {
  return REPORTED.has(alert.kind)
    ? { label: 'alertDue.source', key: 'alertDue.consultationReport' }
    : { label: 'alerts.readings', key: 'bp.readings', count: readings };
}
