/** One language per answer: reasons and evidence follow the answer's language (zh-CN when mostly Chinese). */
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type { DrugEntry } from '@qihuang/drug-knowledge';

export type Lang = 'zh' | 'en';

// An English answer quoting a Chinese term ('"high-normal" (正常高值)') stays English: Chinese unless English
// function words are at least half as many as the Han characters (units and abbreviations — mL/min, KDIGO, ACEI — do not count).
const FUNCTION_WORDS = /\b(?:the|a|an|is|are|of|in|on|to|for|with|and|or|not|at|as|be|it|this|that)\b/gi;
export const langOf = (text: string): Lang => {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han > 2 * (text.match(FUNCTION_WORDS)?.length ?? 0) ? 'zh' : 'en';
};

export const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

const GUIDELINE: Record<Guideline, { zh: string; en: string }> = {
  'acc-aha-2017': { zh: 'ACC/AHA 2017', en: 'ACC/AHA 2017' },
  'esh-2023': { zh: 'ESH 2023', en: 'ESH 2023' },
  'china-2018': { zh: '中国高血压防治指南2018', en: 'Chinese hypertension guideline 2018' },
  'china-2024': { zh: '中国高血压防治指南2024', en: 'Chinese hypertension guideline 2024' },
};
export const guidelineName = (g: Guideline, lang: Lang) => GUIDELINE[g][lang];

const CATEGORY: Record<string, { zh: string; en: string }> = {
  hypertension: { zh: '高血压', en: 'hypertension' },
  normal: { zh: '正常血压', en: 'normal' },
  elevated: { zh: '血压升高', en: 'elevated' },
  'stage-1': { zh: '1期高血压', en: 'stage 1 hypertension' },
  'stage-2': { zh: '2期高血压', en: 'stage 2 hypertension' },
  optimal: { zh: '理想血压', en: 'optimal' },
  'high-normal': { zh: '正常高值', en: 'high-normal' },
  'grade-1': { zh: '1级高血压', en: 'grade 1 hypertension' },
  'grade-2': { zh: '2级高血压', en: 'grade 2 hypertension' },
  'grade-3': { zh: '3级高血压', en: 'grade 3 hypertension' },
};
export const categoryName = (c: string, lang: Lang) => CATEGORY[c]?.[lang] ?? c;

export const SETTING_NAME = {
  office: { zh: '诊室', en: 'office' },
  home: { zh: '家庭', en: 'home' },
  day: { zh: '白天动态', en: 'daytime ambulatory' },
  night: { zh: '夜间动态', en: 'night-time ambulatory' },
  '24h': { zh: '24小时动态', en: '24-hour ambulatory' },
} as const;

export const drugName = (d: DrugEntry, lang: Lang) => (lang === 'zh' ? d.names.zh : d.names.en);

const SEVERITY: Record<string, { zh: string; en: string }> = {
  contraindicated: { zh: '禁忌', en: 'contraindicated' },
  major: { zh: '严重', en: 'major' },
  moderate: { zh: '中度', en: 'moderate' },
  caution: { zh: '慎用', en: 'caution' },
};
/** An interaction or condition severity as users read it ("严重" on a Chinese answer). */
export const severityName = (s: string, lang: Lang) => SEVERITY[s]?.[lang] ?? s;
/** A severity tag before a fact: "【严重】…" / "[major] …". */
export const severityTag = (s: string, lang: Lang) =>
  lang === 'zh' ? `【${severityName(s, lang)}】` : `[${severityName(s, lang)}] `;

const PREGNANCY_LEVEL: Record<string, { zh: string; en: string }> = {
  contraindicated: { zh: '妊娠禁用', en: 'pregnancy: contraindicated' },
  avoid: { zh: '妊娠避免使用', en: 'pregnancy: avoid' },
  caution: { zh: '妊娠慎用', en: 'pregnancy: use with caution' },
  compatible: { zh: '妊娠可用', en: 'pregnancy: compatible' },
  preferred: { zh: '妊娠首选', en: 'pregnancy: preferred' },
};
/** A pregnancy fact's level before its text: "【妊娠禁用】…" / "[pregnancy: contraindicated] …" (issue 20). */
export const pregnancyTag = (level: string, lang: Lang) => {
  const name = PREGNANCY_LEVEL[level]?.[lang] ?? (lang === 'zh' ? '妊娠' : `pregnancy: ${level}`);
  return lang === 'zh' ? `【${name}】` : `[${name}] `;
};
