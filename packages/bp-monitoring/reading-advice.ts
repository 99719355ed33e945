/**
 * What the patient is told at once about the readings they just sent (issue 17 item 2): each reading's
 * category (crisis / high / normal, for colouring) and, for a crisis-range reading, what to do now — repeat
 * after 5 minutes' seated rest; with symptoms of organ damage call 120 now; without, contact the clinic today.
 * The urgent advice follows the crisis alert's write-time look-back (one rule, decision 0009) and names when the
 * reading was measured; an older crisis-range reading gets only a note to tell the clinic and measure again.
 * One language per answer (zh-CN or en); the source is named by guideline, never by internal section.
 */
import {
  classifyOfficeBp,
  isHigh,
  thresholdsFor,
  type BpValue,
  type Guideline,
} from '@qihuang/engines/blood-pressure';

import type { AdviceReading, CrisisAdvice, PatientLanguage, ReadingCategory } from './api-types/index.ts';

export type { CrisisAdvice, PatientLanguage, ReadingCategory };

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
    en: 'ACC/AHA 2017 guideline, section 11.2 (hypertensive crisis: above 180/120 mmHg)',
    'zh-CN': '美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节（高血压危象：高于 180/120 mmHg）',
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

const TEXT: Record<
  PatientLanguage,
  {
    title: string;
    plainTitle: string;
    steps: [string, string, string];
    oldTitle: string;
    oldSteps: [string, string];
  }
> = {
  'zh-CN': {
    title: '您{{when}}测量的 {{value}} mmHg 血压非常高，请马上按以下步骤做：',
    plainTitle: '您的血压非常高（{{value}} mmHg），请马上按以下步骤做：',
    steps: [
      '坐下安静休息 5 分钟，然后再测一次血压。',
      '如果有胸痛、呼吸困难、肢体无力、说话不清或看不清东西、剧烈头痛，请立即拨打 120。',
      '如果没有这些症状，请今天之内联系您的诊所或医生。',
    ],
    oldTitle: '您{{when}}测量的 {{value}} mmHg 血压非常高。',
    oldSteps: [
      '这是 {{days}} 天前的读数，请把它告诉您的诊所或医生。',
      '想知道现在的血压，请坐下安静休息 5 分钟后再测一次，并上传新的读数。',
    ],
  },
  en: {
    title: 'Your blood pressure measured {{when}} ({{value}} mmHg) is very high. Please do this now:',
    plainTitle: 'Your blood pressure is very high ({{value}} mmHg). Please do this now:',
    steps: [
      'Sit down and rest quietly for 5 minutes, then measure again.',
      'If you have chest pain, shortness of breath, weakness in an arm or leg, trouble speaking or seeing, or a severe headache, call 120 now.',
      'If you have none of these symptoms, contact your clinic or doctor today.',
    ],
    oldTitle: 'Your blood pressure measured {{when}} ({{value}} mmHg) was very high.',
    oldSteps: [
      'That reading is {{days}} days old: please tell your clinic or doctor about it.',
      'To know your blood pressure now, sit down and rest quietly for 5 minutes, measure again and send the new reading.',
    ],
  },
};

export interface AdviceOptions {
  now: string;
  /** IANA zone the measured date and time are told in (the patient's, else the hospital's). */
  timeZone: string;
  /**
   * Look-back of the write-time crisis alert, hours (raise-alerts.ts CRISIS_LOOKBACK_HOURS): the same rule
   * decides the alert and the urgent advice (decision 0009).
   */
  lookbackHours: number;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** When a reading was measured, as the patient reads it: "今天 11:55 " / " 12月3日 "; "today at 11:55" / "on 3 December". */
export function measuredWhen(time: string, now: string, timeZone: string, language: PatientLanguage): string {
  const parts = (at: number) => {
    const out: Record<string, number> = {};
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    for (const p of format.formatToParts(new Date(at))) out[p.type] = Number(p.value);
    return out as { year: number; month: number; day: number; hour: number; minute: number };
  };
  const m = parts(Date.parse(time));
  const n = parts(Date.parse(now));
  const hhmm = `${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`;
  const today = m.year === n.year && m.month === n.month && m.day === n.day;
  const sameYear = m.year === n.year;
  if (language === 'zh-CN')
    // Spaced as Chinese text around numbers is: "您今天 11:55 测量的", "您 12月3日 测量的".
    return today ? `今天 ${hhmm} ` : ` ${sameYear ? '' : `${m.year}年`}${m.month}月${m.day}日 `;
  return today ? `today at ${hhmm}` : `on ${m.day} ${MONTHS[m.month - 1]}${sameYear ? '' : ` ${m.year}`}`;
}

const worstOf = (rs: readonly AdviceReading[]) =>
  rs.reduce((a, b) => (b.sbp > a.sbp || (b.sbp === a.sbp && b.dbp > a.dbp) ? b : a));

export function crisisAdvice(
  readings: readonly AdviceReading[],
  guideline: Guideline,
  language: PatientLanguage,
  options?: AdviceOptions,
): CrisisAdvice | undefined {
  const crisis = readings.filter((r) => readingCategory(r, guideline) === 'crisis');
  if (crisis.length === 0) return undefined;
  const text = TEXT[language];
  if (!options) {
    // No clock and zone given (a caller that words its own title): the steps for the worst reading.
    const worst = worstOf(crisis);
    return {
      level: 'crisis',
      language,
      title: text.plainTitle.replace('{{value}}', `${worst.sbp}/${worst.dbp}`),
      steps: [...text.steps],
      source: CRISIS_SOURCE[guideline][language],
      readings: crisis.map((r) => ({ id: r.id, time: r.time, sbp: r.sbp, dbp: r.dbp })),
    };
  }
  const now = Date.parse(options.now);
  const recent = crisis.filter((r) => now - Date.parse(r.time) < options.lookbackHours * 3_600_000);
  const level = recent.length ? 'crisis' : 'old-reading';
  const named = recent.length ? recent : crisis;
  const worst = worstOf(named);
  const fill = (s: string) =>
    s
      .replace('{{when}}', measuredWhen(worst.time, options.now, options.timeZone, language))
      .replace('{{value}}', `${worst.sbp}/${worst.dbp}`)
      .replace('{{days}}', String(Math.floor((now - Date.parse(worst.time)) / 86_400_000)));
  return {
    level,
    language,
    title: fill(level === 'crisis' ? text.title : text.oldTitle),
    steps: (level === 'crisis' ? text.steps : text.oldSteps).map(fill),
    source: CRISIS_SOURCE[guideline][language],
    readings: named.map((r) => ({ id: r.id, time: r.time, sbp: r.sbp, dbp: r.dbp })),
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
