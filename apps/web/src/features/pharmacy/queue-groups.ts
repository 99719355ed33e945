/**
 * The pharmacist's queue grouped by patient (issue 20): one patient's orders together under the patient's name
 * and facts, said once, with the patient's open emergency once (open-emergency.ts decides what of it is said),
 * each order's own findings on its card. The server's order by priority (severity, then age) is kept: a patient's
 * group stands where their most urgent order stood, and their orders keep their order within it. Pure.
 */
import type { QueueItem, ReviewFinding } from './pharmacy-api.ts';
import { emergencyOnCard, sameSentence } from './open-emergency.ts';

export interface PatientGroup {
  key: string;
  patient: QueueItem['patient'];
  /** The patient's open emergency, once: findings (lead) and lines no finding says. */
  emergency: { lead: ReviewFinding[]; lines: string[] };
  /** The orders, each with its findings other than the open emergency. */
  items: { item: QueueItem; findings: ReviewFinding[]; emergencyIds: string[] }[];
}

export function groupByPatient(items: readonly QueueItem[]): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  for (const item of items) {
    // An order with no patient id is its own group (never merged with another unknown patient).
    const key = item.patient.id ? `p:${item.patient.id}` : `o:${item.id}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, patient: item.patient, emergency: { lead: [], lines: [] }, items: [] };
      groups.set(key, group);
    }
    const card = emergencyOnCard(item);
    const lead = group.emergency.lead;
    for (const f of card.lead) if (!lead.some((l) => sameSentence(l.summary, f.summary))) lead.push(f);
    for (const line of card.lines)
      if (!group.emergency.lines.some((l) => sameSentence(l, line))) group.emergency.lines.push(line);
    group.items.push({ item, findings: card.findings, emergencyIds: card.lead.map((f) => f.id) });
  }
  for (const g of groups.values())
    g.emergency.lines = g.emergency.lines.filter(
      (line) => !g.emergency.lead.some((f) => sameSentence(f.summary, line)),
    );
  return [...groups.values()];
}
