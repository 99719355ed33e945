/**
 * The patient's open emergency on the pharmacist's card, said once (issue 20 try: the card printed the open crisis
 * alert as a line above the facts and again, word for word, as the first critical finding). The server sends both:
 * `openEmergency` (a line per open critical alert) and, on the order, the critical finding care's signing uses
 * (rule `care.open-emergency`, with its detail, source, acknowledgement and override). The finding leads the card;
 * a line is kept only when no finding says it.
 */
import type { QueueItem, ReviewFinding } from './pharmacy-api.ts';

/** The rule id of the open-emergency finding (packages/pharmacy-review signed-over.ts EMERGENCY_RULE). */
const EMERGENCY_RULE = 'care.open-emergency';

export function emergencyOnCard(item: QueueItem): {
  /** Open-emergency findings, shown first on the card. */
  lead: ReviewFinding[];
  /** Open-emergency lines no finding says. */
  lines: string[];
  /** The other findings, in the server's order. */
  findings: ReviewFinding[];
} {
  const lead = item.findings.filter((f) => f.ruleId === EMERGENCY_RULE);
  const said = new Set(lead.map((f) => f.summary));
  return {
    lead,
    lines: (item.openEmergency ?? []).filter((line) => !said.has(line)),
    findings: item.findings.filter((f) => f.ruleId !== EMERGENCY_RULE),
  };
}
