/**
 * What the prescriber signed over, on the pharmacist's card (issue 20). Care's signing (packages/care sign.ts)
 * refuses a draft until each critical finding is acknowledged, the patient's open emergency among them, and keeps
 * the acknowledged finding ids in the signature record (SIGNATURE_EXTENSION `acknowledged`). The queue re-runs the
 * review engine, which knows nothing of the open emergency: without this the card of an order signed during a
 * crisis said "No findings" and sorted last. Here the open critical alert is the same critical finding on the order
 * (same id as care's, `care.open-emergency:<alert id>`, so the acknowledgement matches), and the card says how many
 * critical issues the prescriber acknowledged. Pure.
 */
import type { StoredAlert } from '@qihuang/bp-monitoring';
import type { Finding } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import { SIGNATURE_EXTENSION } from './awaiting-review.ts';
import { REPLACED_MEANWHILE_RULE, SAME_PRIOR_RULE } from './same-prior.ts';
import type { Language } from './api-types/index.ts';

/** The rule id care's emergency-review.ts gives the open-emergency finding (the ids must agree). */
export const EMERGENCY_RULE = 'care.open-emergency';

/**
 * REFERENCE §1.5: hypertensive crisis — assess for acute target-organ damage before any routine change. Named on the
 * card as the guidelines themselves (localize.ts reads SOURCE_NAMES by source id; this one is named here).
 */
export const EMERGENCY_SOURCE: Record<Language, string> = {
  'zh-CN': '中国高血压防治指南 2018（高血压急症和亚急症）',
  en: '2017 ACC/AHA hypertension guideline, section 11.2 (hypertensive crises)',
};

/** One critical finding on the order per open critical alert (newest first, as given). */
export function emergencyFindings(alerts: readonly StoredAlert[], order: FhirResource): Finding[] {
  const orders = [
    {
      id: `MedicationRequest/${String(order.id)}`,
      text:
        (order as { medicationCodeableConcept?: { text?: string } }).medicationCodeableConcept?.text ?? '',
      draft: true,
    },
  ];
  return alerts.map((a) => {
    const reported = a.kind === 'reported-emergency';
    return {
      id: `${EMERGENCY_RULE}:${a.id}`,
      ruleId: EMERGENCY_RULE,
      type: 'guideline' as const,
      severity: 'critical' as const,
      summary: reported
        ? {
            zh: `患者报告的急症尚未处理（${a.summary.zh}）：请与处方医生确认已先评估急症`,
            en: `The patient reported an emergency that is still open (${a.summary.en}): check with the prescriber that it was assessed first`,
          }
        : {
            zh: `患者有未处理的血压危急值预警（${a.summary.zh}）：请与处方医生确认已先评估有无高血压急症`,
            en: `The patient has an unacknowledged BP crisis alert (${a.summary.en}): check with the prescriber that hypertensive emergency was assessed first`,
          },
      detail: {
        zh: '急症应先评估有无急性靶器官损害（高血压急症还是亚急症），需要时立即转诊或急诊处理；常规起始或调整用药在此之后。',
        en: 'An emergency is assessed first for acute target-organ damage (emergency vs urgency) and referred at once if present; a routine start or change comes after that.',
      },
      drugs: [],
      evidence: { orders, facts: [`emergency:${a.kind}`, `alert:${a.id}`] },
      source: { id: EMERGENCY_RULE, label: EMERGENCY_SOURCE.en, citation: '' },
    };
  });
}

/** The finding ids the prescriber acknowledged when signing (none when unsigned or unreadable). */
export function acknowledgedIds(order: FhirResource): string[] {
  const ext = ((order as { extension?: { url: string; valueString?: string }[] }).extension ?? []).find(
    (e) => e.url === SIGNATURE_EXTENSION,
  );
  if (!ext?.valueString) return [];
  try {
    const parsed = (JSON.parse(ext.valueString) as { acknowledged?: unknown }).acknowledged;
    return Array.isArray(parsed)
      ? [...new Set(parsed.filter((x): x is string => typeof x === 'string'))]
      : [];
  } catch {
    return [];
  }
}

/**
 * The acknowledged finding ids that are among the card's findings (issue 20): the count the card says and the
 * findings it marks come from the same list — a finding acknowledged at signing that the review no longer gives
 * (the other order withdrawn) is neither counted nor listed.
 */
export function acknowledgedAmong(order: FhirResource, findings: readonly Finding[]): string[] {
  const listed = new Set(findings.map((f) => f.id));
  const ids = acknowledgedIds(order);
  const among = ids.filter((id) => listed.has(id));
  // Two pending changes of one order acknowledged at signing, the other one approved since: the card's finding of
  // that pair is now 'already replaced by another change' (same-prior.ts) — the conflict the prescriber signed over,
  // counted and marked (issue 20, non-author try: the card said 1 when 2 were acknowledged).
  const pairs = ids
    .filter((id) => id.startsWith(`${SAME_PRIOR_RULE}:`))
    .map((id) => pairKey(id.slice(SAME_PRIOR_RULE.length + 1).split('+')));
  for (const f of findings)
    if (
      f.ruleId === REPLACED_MEANWHILE_RULE &&
      !among.includes(f.id) &&
      pairs.includes(pairKey(f.evidence.orders.map((o) => o.id)))
    )
      among.push(f.id);
  return among;
}

const pairKey = (refs: readonly string[]) => [...refs].sort().join('+');

/** "医生已确认 2 项严重问题并签署" / "Prescriber acknowledged 2 critical issues"; undefined for none. */
export function acknowledgedLine(count: number, lang: Language): string | undefined {
  if (count === 0) return undefined;
  if (lang === 'zh-CN') return `医生已确认 ${count} 项严重问题并签署`;
  return `Prescriber acknowledged ${count} critical ${count === 1 ? 'issue' : 'issues'}`;
}
