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
    /** Step 1 when an earlier crisis-range reading of the look-back came before it (a recheck, still very high). */
    stillHigh: string;
    /** Step 1 when readings were taken after it (necessarily below the crisis range). */
    after: string;
    /** Step 3 when the patient already measured again: contact today, no "if none" condition on a recheck. */
    contactToday: string;
    /** The alert covering it was closed by the care team (decision 0031): no "act now". */
    handledTitle: string;
    handledSteps: [string, string];
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
    stillHigh: '您{{prevWhen}}测的 {{prevValue}} mmHg 也非常高，这次复测仍然非常高，不用再等下一次复测。',
    after:
      '那次之后您又测了 {{count}} 次，最近一次是{{laterWhen}}测的 {{laterValue}} mmHg；那次非常高的读数不用再复测。',
    contactToday: '如果没有这些症状，也请今天之内联系您的诊所或医生，告诉他们这次非常高的读数。',
    handledTitle:
      '您{{when}}测量的 {{value}} mmHg 血压非常高，您的医疗团队已于{{handledWhen}}处理了这条提醒。',
    handledSteps: ['请按医疗团队给您的建议做。', '之后再测如果仍然非常高，请今天之内联系您的诊所或医生。'],
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
    stillHigh:
      'Your earlier reading {{prevWhen}} ({{prevValue}} mmHg) was very high too, and this recheck is still very high: do not wait for another reading.',
    after:
      'You measured {{count}} more time(s) after it; the latest, {{laterWhen}}, was {{laterValue}} mmHg. No need to measure again for the very high reading.',
    contactToday:
      'If you have none of these symptoms, still contact your clinic or doctor today and tell them about this very high reading.',
    handledTitle:
      'Your blood pressure measured {{when}} ({{value}} mmHg) was very high; your care team handled it {{handledWhen}}.',
    handledSteps: [
      'Follow the advice your care team gave you.',
      'If a later reading is still very high, contact your clinic or doctor today.',
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
  /**
   * Crisis alerts the care team closed with their recorded action, each with the readings it covered (its own and
   * those that joined it) and when it was closed (decision 0031): the box about a covered reading says it was
   * handled instead of "act now".
   */
  closed?: readonly { readings: readonly string[]; at: string }[];
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
  // The most recent crisis-range reading is the one the box is about (decision 0031): the patient's pressure now,
  // not the highest or the oldest of the look-back.
  const about = latestOf(named);
  const when = (time: string) => measuredWhen(time, options.now, options.timeZone, language);
  const fill = (s: string, values: Record<string, string> = {}) =>
    s
      .replace('{{when}}', when(about.time))
      .replace('{{value}}', `${about.sbp}/${about.dbp}`)
      .replace('{{days}}', String(Math.floor((now - Date.parse(about.time)) / 86_400_000)))
      .replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  const base = {
    level,
    language,
    source: CRISIS_SOURCE[guideline][language],
    readings: named.map((r) => ({ id: r.id, time: r.time, sbp: r.sbp, dbp: r.dbp })),
  } as const;
  if (level === 'old-reading')
    return { ...base, title: fill(text.oldTitle), steps: text.oldSteps.map((s) => fill(s)) };
  const later = readings.filter((r) => Date.parse(r.time) > Date.parse(about.time));
  const latest = later.length ? latestOf(later) : undefined;
  const afterStep = latest
    ? fill(text.after, {
        count: String(later.length),
        laterWhen: when(latest.time),
        laterValue: `${latest.sbp}/${latest.dbp}`,
      })
    : undefined;
  const closedAt = options.closed?.find((c) => c.readings.includes(about.id))?.at;
  if (closedAt)
    // Handled: no "act now"; the 120-with-symptoms step stays while the reading is in the look-back (REFERENCE §1.5).
    return {
      ...base,
      handled: { at: closedAt },
      title: fill(text.handledTitle, { handledWhen: when(closedAt) }),
      steps: [text.handledSteps[0], text.steps[1], afterStep ?? text.handledSteps[1]],
    };
  const before = recent.filter((r) => Date.parse(r.time) < Date.parse(about.time));
  const previous = before.length ? latestOf(before) : undefined;
  // "Rest 5 minutes and measure again" only when nothing was measured after it and it is not itself the recheck.
  const first = afterStep
    ? afterStep
    : previous
      ? fill(text.stillHigh, {
          prevWhen: when(previous.time),
          prevValue: `${previous.sbp}/${previous.dbp}`,
        })
      : undefined;
  return {
    ...base,
    title: fill(text.title),
    steps: first ? [first, text.steps[1], text.contactToday] : [...text.steps],
  };
}

const latestOf = <R extends { time: string }>(rs: readonly R[]) =>
  rs.reduce((a, b) => (Date.parse(b.time) > Date.parse(a.time) ? b : a));

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
