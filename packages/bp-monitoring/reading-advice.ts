/**
 * What the patient is told at once about the readings they just sent (issue 17 item 2): each reading's
 * category (crisis / high / normal, for colouring) and, for a crisis-range reading, what to do now — repeat
 * after 5 minutes' seated rest; with symptoms of organ damage call 120 now; without, contact the clinic today.
 * One language per answer (zh-CN or en); the source is named by guideline, never by internal section.
 */
import {
  classifyOfficeBp,
  isHigh,
  thresholdsFor,
  type BpValue,
  type Guideline,
} from '@qihuang/engines/blood-pressure';

export type ReadingCategory = 'crisis' | 'high' | 'normal';
export type PatientLanguage = 'zh-CN' | 'en';

/**
 * Crisis: the engine's §1.5 rule for the guideline (ACC/AHA 2017 §11.2 and China 2018 ">180/120" strict; ESH
 * 2023 "≥180/110"), the same rule the crisis alert uses. High: at or above the home (HBPM) threshold of the
 * guideline (REFERENCE §2.1 ACC/AHA 130/80; §2.2 ESH/China 135/85).
 */
export function readingCategory(bp: BpValue, guideline: Guideline): ReadingCategory {
  if (classifyOfficeBp(bp, guideline).crisis) return 'crisis';
  return isHigh(bp, thresholdsFor(guideline).home) ? 'high' : 'normal';
}

/** Guideline names and their crisis threshold as a patient reads them (REFERENCE §1.5). */
const CRISIS_SOURCE: Record<Guideline, Record<PatientLanguage, string>> = {
  'acc-aha-2017': {
    en: 'ACC/AHA 2017 guideline §11.2 (hypertensive crisis: above 180/120 mmHg)',
    'zh-CN': 'ACC/AHA 2017 高血压指南 §11.2（高血压危象：高于 180/120 mmHg）',
  },
  'esh-2023': {
    en: 'ESH 2023 guideline (severe hypertension: 180/110 mmHg or above)',
    'zh-CN': 'ESH 2023 高血压指南（重度高血压：180/110 mmHg 及以上）',
  },
  'china-2018': {
    en: 'Chinese Guidelines for the Management of Hypertension 2018 (hypertensive emergency: above 180/120 mmHg)',
    'zh-CN': '中国高血压防治指南 2018 年修订版（高血压急症：血压高于 180/120 mmHg）',
  },
  'china-2024': {
    en: 'Chinese Guidelines for the Management of Hypertension 2024 (hypertensive emergency: above 180/120 mmHg)',
    'zh-CN': '中国高血压防治指南 2024 年修订版（高血压急症：血压高于 180/120 mmHg）',
  },
};

const TEXT: Record<PatientLanguage, { title: string; steps: [string, string, string] }> = {
  'zh-CN': {
    title: '您的血压非常高（{{value}} mmHg），请马上按以下步骤做：',
    steps: [
      '坐下安静休息 5 分钟，然后再测一次血压。',
      '如果有胸痛、呼吸困难、肢体无力、说话不清或看不清东西、剧烈头痛，请立即拨打 120。',
      '如果没有这些症状，请今天之内联系您的诊所或医生。',
    ],
  },
  en: {
    title: 'Your blood pressure is very high ({{value}} mmHg). Please do this now:',
    steps: [
      'Sit down and rest quietly for 5 minutes, then measure again.',
      'If you have chest pain, shortness of breath, weakness in an arm or leg, trouble speaking or seeing, or a severe headache, call 120 now.',
      'If you have none of these symptoms, contact your clinic or doctor today.',
    ],
  },
};

export interface CrisisAdvice {
  level: 'crisis';
  language: PatientLanguage;
  title: string;
  steps: string[];
  /** The guideline the crisis range comes from (by name). */
  source: string;
  readings: { id: string; time: string; sbp: number; dbp: number }[];
}

export function crisisAdvice(
  readings: readonly { id: string; time: string; sbp: number; dbp: number }[],
  guideline: Guideline,
  language: PatientLanguage,
): CrisisAdvice | undefined {
  const crisis = readings.filter((r) => readingCategory(r, guideline) === 'crisis');
  if (crisis.length === 0) return undefined;
  const worst = crisis.reduce((a, b) => (b.sbp > a.sbp || (b.sbp === a.sbp && b.dbp > a.dbp) ? b : a));
  const text = TEXT[language];
  return {
    level: 'crisis',
    language,
    title: text.title.replace('{{value}}', `${worst.sbp}/${worst.dbp}`),
    steps: [...text.steps],
    source: CRISIS_SOURCE[guideline][language],
    readings: crisis.map((r) => ({ id: r.id, time: r.time, sbp: r.sbp, dbp: r.dbp })),
  };
}

/** `?lang=` first, then the first supported language of Accept-Language; Chinese by default. */
export function patientLanguage(query?: string, acceptLanguage?: string): PatientLanguage {
  const pick = (value: string) => (/^zh/i.test(value) ? 'zh-CN' : /^en/i.test(value) ? 'en' : undefined);
  if (query) {
    const chosen = pick(query);
    if (chosen) return chosen;
  }
  for (const part of (acceptLanguage ?? '').split(',')) {
    const chosen = pick(part.trim());
    if (chosen) return chosen;
  }
  return 'zh-CN';
}
