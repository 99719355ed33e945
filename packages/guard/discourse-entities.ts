/**
 * Discourse entities (issue 18, mechanism 2 of docs/notes/guard-generalisation-2026-12-07.md): the things an answer
 * states in one sentence and talks about in a later one — a reading, several readings, an average, a computed value
 * (eGFR, CrCl) and a patient of several (甲/乙, "patient B"). One table of the words that refer back to each kind,
 * shared by the readers (extract-bp-carry.ts for readings, extract-labs.ts for computed values, extract.ts for
 * patients), instead of each reader's own pattern. Pure: no I/O.
 */
import type { Setting } from '@qihuang/engines/blood-pressure';

/** A reading (or average) the answer stated without a category: what a later category may be said of. */
export interface ReadingEntity {
  sbp: number;
  dbp: number;
  setting: Setting;
}

/** Words that refer back to every reading of the sentence before ("both", "these readings", "这类读数", "二者"). */
export const REFERS_TO_ALL =
  /\bboth\b|\ball (?:of )?(?:them|these|those|the (?:readings|numbers|values))\b|\b(?:these|those) (?:\w+ )?(?:readings|values|numbers|measurements|pressures)\b|这(?:类|些|几个|几次|两次|两个)(?:读数|数值|测量|血压|结果)|上述(?:读数|数值|测量|血压)|两个|两者|二者|都属于|均属于|都是|均为/i;

/** Words that refer back to the one reading, average or computed value of the sentence before. */
export const REFERS_TO_ONE =
  /\b(?:this|that|it|which)\b|\bthe (?:same )?(?:reading|value|measurement|average|mean)\b|这|此|该(?:读数|数值|值|均值|平均值|结果|测量)?|上述/i;

/** A computed value named as the subject ("该数值", "这个结果", "that figure"): the eGFR / CrCl of the sentence before. */
export const REFERS_TO_VALUE =
  /这|此|该(?:数值|值|结果)?|\bthis\b|\bthat\b|\bwhich\b|\bit\b|\bthe (?:value|figure|result|number)\b/i;

/** The setting named as the subject of a clause ("夜间血压低于…", "home BP is …"): the reading of that setting. */
const SETTING_NAMED: readonly [Setting, RegExp][] = [
  ['home', /家庭血压|家测血压|\bhome (?:BP|blood pressure|average|mean|readings?)\b/i],
  ['day', /白天血压|日间血压|\bdaytime (?:BP|blood pressure|average|mean|readings?)\b/i],
  ['night', /夜间血压|\bnight-?time (?:BP|blood pressure|average|mean|readings?)\b/i],
  ['24h', /24\s*小时血压|\b24-hour (?:BP|blood pressure|average|mean)\b/i],
  ['office', /诊室血压|\b(?:office|clinic) (?:BP|blood pressure|average|mean|readings?)\b/i],
];

/** The reading a clause refers to by naming its setting as the subject, if it is the kept reading's setting. */
export function settingSubject(text: string, reading: ReadingEntity | undefined): ReadingEntity | undefined {
  if (!reading) return undefined;
  for (const [setting, re] of SETTING_NAMED)
    if (re.test(text)) return setting === reading.setting ? reading : undefined;
  return undefined;
}

/**
 * A clause that opens on a patient other than the first one of the answer ("乙86岁女性…", "患者B：…", "Patient B
 * has …", "the second patient …"): its values belong to that patient, not the request's patient.
 */
const OTHER_PATIENT =
  /^\s*(?:[，,；;。]\s*)?(?:(?:患者|病人)?[乙丙丁](?![肝型类])|(?:患者|病人)\s*[B-D](?![a-z])|第二位(?:患者|病人)?|另一位(?:患者|病人)?|\b(?:patient|person|case) [B-D]\b|\bthe (?:second|other) (?:patient|person)\b)/i;
const FIRST_PATIENT =
  /^\s*(?:[，,；;。]\s*)?(?:(?:患者|病人)?甲(?![状亢])|(?:患者|病人)\s*A(?![a-z])|\b(?:patient|person|case) A\b)/i;

/** 'other': a clause about another patient; 'first': back to the first; undefined: the current one continues. */
export function patientAt(clause: string): 'other' | 'first' | undefined {
  if (OTHER_PATIENT.test(clause)) return 'other';
  if (FIRST_PATIENT.test(clause)) return 'first';
  return undefined;
}

/**
 * A list item continued over ';' ("night-time: 120/70;", "夜间≥120/70；", "24-hour ABPM: ≥130/80."): its label (a
 * setting, before the value, with or without a colon) and one value, with or without "≥". It inherits the head's
 * relation (a hypertension threshold) and guideline.
 */
const LIST_ITEM =
  /^\s*[^:：;；。≥>]{1,39}?[^\d\s:：;；。≥>/]\s*[:：]?\s*(?:≥|>=|>)?\s*\d{2,3}\s*\/\s*\d{2,3}(?:\s*mmHg)?\s*[;；.。]?\s*$/i;
export const isListItem = (text: string): boolean => LIST_ITEM.test(text);
/** The item said as the head's relation: "night-time: 120/70" → "night-time hypertension threshold: 120/70". */
export const asListThreshold = (text: string): string =>
  text.replace(
    /^(\s*[^:：;；。≥>]*?[^\d\s:：;；。≥>/])\s*[:：]?\s*(?=(?:≥|>=|>)?\s*\d{2,3}\s*\/)/,
    '$1 hypertension threshold: ',
  );
