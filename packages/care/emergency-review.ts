/**
 * An open emergency (an unacknowledged critical BP alert or an emergency the patient reported, open-emergency.ts)
 * as a critical review finding on every prescription draft (issue 20): the card leads with it and signing needs
 * it acknowledged, like any critical finding — a routine order is not signed past a possible hypertensive
 * emergency without the prescriber saying it was assessed. Pure.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { Finding } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import type { OpenEmergency } from './open-emergency.ts';
import type { DraftLanguage } from './draft-text.ts';

export const EMERGENCY_RULE = 'care.open-emergency';

/** REFERENCE §1.5: hypertensive crisis — assess for acute target-organ damage before any routine change. */
const SOURCE_NAME: Record<DraftLanguage, { label: string; citation: string }> = {
  zh: { label: '中国高血压防治指南 2018（高血压急症和亚急症）', citation: '' },
  en: {
    label: '2017 ACC/AHA hypertension guideline, section 11.2 (hypertensive crises)',
    citation: 'Whelton PK et al. Hypertension 2018;71:e13–e115',
  },
};

function texts(e: OpenEmergency): { summary: Text; detail: Text } {
  if (e.kind === 'reported')
    return {
      summary: {
        zh: `患者报告的急症尚未处理（${e.display.zh}）：先评估急症`,
        en: `The patient reported an emergency that is still open (${e.display.en}): assess the emergency first`,
      },
      detail: {
        zh: '立即联系患者，评估有无急性靶器官损害（如卒中、急性冠脉综合征），需要时转急诊（120）；常规调整用药在此之后再定。确认已评估后方可签署。',
        en: 'Contact the patient now, assess for acute target-organ damage (e.g. stroke, acute coronary syndrome) and refer to emergency care if present; a routine treatment change comes after that. Sign only once it has been assessed.',
      },
    };
  return {
    summary: {
      zh: `患者有未处理的血压危急值预警（${e.display.zh}）：先评估有无高血压急症`,
      en: `The patient has an unacknowledged BP crisis alert (${e.display.en}): assess for hypertensive emergency first`,
    },
    detail: {
      zh: '先评估有无急性靶器官损害（高血压急症还是亚急症），急症需立即转诊/急诊处理；常规起始或调整用药在此之后再定。确认已评估后方可签署。',
      en: 'Assess for acute target-organ damage first (emergency vs urgency); an emergency needs immediate referral; a routine start or change comes after that. Sign only once it has been assessed.',
    },
  };
}

/** One critical finding per open emergency, on every draft given (newest emergency first). */
export function emergencyFindings(
  emergencies: readonly OpenEmergency[],
  drafts: readonly FhirResource[],
): Finding[] {
  if (drafts.length === 0) return [];
  const orders = drafts.map((d) => ({
    id: `MedicationRequest/${String(d.id)}`,
    text: (d as { medicationCodeableConcept?: { text?: string } }).medicationCodeableConcept?.text ?? '',
    draft: true,
  }));
  return emergencies.map((e) => ({
    // Stable while the emergency is open: the same id on the card and at signing.
    id: `${EMERGENCY_RULE}:${e.alertId ?? `${e.kind}-${e.time}`}`,
    ruleId: EMERGENCY_RULE,
    type: 'guideline' as const,
    severity: 'critical' as const,
    ...texts(e),
    drugs: [],
    evidence: { orders, facts: [`emergency:${e.kind}`, ...(e.alertId ? [`alert:${e.alertId}`] : [])] },
    source: { id: EMERGENCY_RULE, label: e.source, citation: e.rule },
  }));
}

export const isEmergencyFinding = (f: Pick<Finding, 'id'>): boolean => f.id.startsWith(`${EMERGENCY_RULE}:`);

/** The emergency finding's source named in `lang` (the guideline in words, never the internal reference). */
export function emergencySourceIn(lang: DraftLanguage): { label: string; citation: string } {
  return SOURCE_NAME[lang];
}
