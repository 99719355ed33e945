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

/**
 * The finding's summary and the line may differ in a full stop inside the brackets ("…症状。）：" on the finding,
 * "…症状）：" on the line — seen in the browser, issue 20): the same sentence either way.
 */
export function sameSentence(a: string, b: string): boolean {
  const bare = (s: string) => s.replace(/[。.．\s]/g, '');
  return bare(a) === bare(b);
}

export function emergencyOnCard(item: QueueItem): {
  /** Open-emergency findings, shown first on the card. */
  lead: ReviewFinding[];
  /** Open-emergency lines no finding says. */
  lines: string[];
  /** The other findings, in the server's order. */
  findings: ReviewFinding[];
} {
  const lead = item.findings.filter((f) => f.ruleId === EMERGENCY_RULE);
  return {
    lead,
    lines: (item.openEmergency ?? []).filter((line) => !lead.some((f) => sameSentence(f.summary, line))),
    findings: item.findings.filter((f) => f.ruleId !== EMERGENCY_RULE),
  };
}
