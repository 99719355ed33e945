/** Treatment step "follow-up": intervals per guideline edition (REFERENCE §7.1, §7.3, §7.4). Pure. */
import { editionFor } from '../guidelines/registry.ts';
import type { FollowUp } from '../guidelines/types.ts';
import type { Guideline, Text } from '../types.ts';

/** Each edition's follow-up source in both languages (issue 20: one language per screen), keyed by the English. */
const FOLLOW_UP_TEXT: Record<string, string> = {
  'ACC/AHA 2017 Figure 4: reassess 1 month after a start or change':
    'ACC/AHA 2017 图4：开始或调整用药后1个月复评',
  'ACC/AHA 2017: every 3–6 months once controlled (3 months chosen)':
    'ACC/AHA 2017：达标后每3–6个月随访（取3个月）',
  'ACC/AHA 2017 Figure 4: reassess in 3–6 months (3 months chosen)':
    'ACC/AHA 2017 图4：3–6个月后复评（取3个月）',
  'hypertensive urgency (ACC/AHA 2017 §11.2): review within 1 week — interval by clinician judgement':
    '高血压亚急症（ACC/AHA 2017 §11.2）：1周内复诊——间隔由医生判断',
  'clinician judgement: follow up 4 weeks after a start or change': '医生判断：开始或调整用药后4周随访',
  'clinician judgement: follow up every 3 months once controlled': '医生判断：达标后每3个月随访',
  'clinician judgement: re-check after 4 weeks of lifestyle measures': '医生判断：生活方式干预4周后复查',
  'hypertensive urgency (中国高血压防治指南 2018 高血压亚急症): review within 1 week — interval by clinician judgement':
    '高血压亚急症（中国高血压防治指南 2018）：1周内复诊——间隔由医生判断',
  'clinician judgement: grade 3 hypertension — follow up 2 weeks after a start or change':
    '医生判断：3级高血压开始或调整用药后2周随访',
  'clinician judgement: re-assess after 3 months of lifestyle measures': '医生判断：生活方式干预3个月后复评',
  'ESH 2023: BP ≥180/110 — start treatment promptly, within 1 week':
    'ESH 2023：血压 ≥180/110 应尽快（1周内）开始治疗',
};
/** English for the English screen: the Chinese edition's crisis source names the guideline in Chinese. */
const FOLLOW_UP_EN: Record<string, string> = {
  'hypertensive urgency (中国高血压防治指南 2018 高血压亚急症): review within 1 week — interval by clinician judgement':
    'hypertensive urgency (Chinese hypertension guideline 2018): review within 1 week — interval by clinician judgement',
};

/** A follow-up source (an edition's English key) in each language; the key itself when none is listed. */
export function followUpSourceText(source: string): Text {
  return { zh: FOLLOW_UP_TEXT[source] ?? source, en: FOLLOW_UP_EN[source] ?? source };
}

function withSourceText(f: FollowUp): FollowUp {
  return { ...f, sourceText: followUpSourceText(f.source) };
}

/**
 * Follow-up interval in days after a start/change (`changed`) or when controlled (REFERENCE §7.1, §7.3, §7.4;
 * all UNVERIFIED there). Choices: ACC/AHA "1 month" → 30, controlled "3–6 months" → 90 (lower bound);
 * ESH "2–4 weeks–2 months" → 28 (end of the 2–4-week window, the earliest common value), controlled "3–6 months"
 * → 90; China "每2–4周随访直至达标" → 28 (4 weeks, time for the full drug effect), "达标后每3个月" → 90.
 * The numbers live in each edition's folder (`guidelines/<edition>/index.ts`).
 */
export function followUpDays(guideline: Guideline, changed: boolean): FollowUp {
  const f = editionFor(guideline).followUp;
  return withSourceText(changed ? f.changed : f.controlled);
}

/** Lifestyle-first re-assessment interval (days). */
export function lifestyleFollowUp(guideline: Guideline): FollowUp {
  return withSourceText(editionFor(guideline).followUp.lifestyle);
}

/**
 * The follow-up line for the proposal. Crisis-range BP (the edition's `crisis` test, REFERENCE §1.5): an emergency
 * (acute target-organ damage) needs immediate referral, so the interval is said to apply once it is excluded —
 * the interval itself is the edition's crisis follow-up (decision 0010), never a number made up here.
 */
export function followUpText(days: number, crisis: boolean): Text {
  return crisis
    ? {
        zh: `先评估有无高血压急症，急症需立即转诊/急诊处理；排除急症后 ${days} 天内复诊`,
        en: `Assess for hypertensive emergency first — an emergency needs immediate referral; once excluded, review within ${days} days`,
      }
    : { zh: `${days} 天后随访`, en: `Follow up in ${days} days` };
}
