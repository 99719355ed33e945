/**
 * Round 12 (issue 18), recall first (with the safety net): the classes tuning-5 still missed after round 11.
 * 1. A day with 日 right before a visit word (术后3日复查, 5日复诊): a day of the month like 5号复诊 (dates-recall.ts).
 * 2. A month-day standing in a column before a bracketed note of that day (乙肝1　3.5（出生当天）, 4/5（满月）).
 * 3. (en) A given name set off by dashes after a titled name (Mr Okafor — Chukwuemeka — reluctant).
 * 4. (en) The agent of a passive verb with an adverb between (redirected successfully by Shaz.).
 * 5. (en) The receiver of a handover (Handed over by Kerry-Ann Mills (RN) to Olu.).
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';

const M = '(?:1[0-2]|0?[1-9])';
const D = '(?:[12]\\d|3[01]|0?[1-9])';

/** 1. A day with 日 before a visit word; not a count (每3日, 第3日, 1-3日). */
const DAY_BEFORE_VISIT = new RegExp(
  `(?=\\d{1,2}日)(?<![\\d.\\-/~～至到号第每数几隔])(${D}日)(?=复查|复诊|随访|返院|来院|回院|门诊|就诊)`,
  'dg',
);
/** 2. A month-day after a tab or a wide space, before a bracket whose note names the day (当天, 出生, 满月 …). */
const COLUMN_DATE_NOTE = new RegExp(
  `(?=\\d{1,2}[./-]\\d)(?<=(?:[\\t　]|[ ]{2})[ \\t　]*)(${M}[./-]${D})(?![\\d./-])(?=[ \\t　]*[（(][^）)\\n]{0,12}?(?:当天|当日|出生|满月|生日|那天|当晚))`,
  'dg',
);

const WORD = "[A-Z][a-zà-öø-ÿ'’]{1,30}(?:-[A-Z][a-zà-öø-ÿ'’]{1,30})?";
const PERSON = `${WORD}(?:[ \\t]+${WORD}){0,2}`;
/** 3. Mr Okafor — Chukwuemeka —: the given name between dashes after a title and a family name. */
const DASHED_GIVEN = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?[ \\t]+${WORD}[ \\t]*[—–][ \\t]*(${WORD})(?=[ \\t]*[—–])`,
  'dg',
);
/** 4. "redirected successfully by Shaz.", "settled quietly by Ama Boateng,": a past participle, an adverb, by. */
const AGENT_AFTER_ADVERB = new RegExp(
  `\\b[a-z]{3,}ed[ \\t]+[a-z]{3,}ly[ \\t]+by[ \\t]+(${PERSON})(?![A-Za-z])`,
  'dg',
);
/** 5. "Handed over by Kerry-Ann Mills (RN) to Olu.": the person a handover goes to. */
const HANDOVER_TO = new RegExp(
  `\\b[Hh]and(?:ed|ing)[ \\t]+over\\b[^\\n.;]{0,80}?[ \\t]to[ \\t]+(${PERSON})(?![A-Za-z])`,
  'dg',
);
const WEEKDAY_MONTH =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tomorrow|Tonight|Noon|Midnight)$/;
const notName = (value: string) =>
  value.split(/[ \t]+/).some((w) => NOT_NAMES.has(w) || CLINICAL_WORD.test(w) || WEEKDAY_MONTH.test(w));

/** Adds round 12's identifiers to `out`. */
export function findRound12(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  if (text.includes('日')) for (const m of execAll(DAY_BEFORE_VISIT, text)) add(...m.indices![1]!, 'DATE');
  if (/[（(]/.test(text)) for (const m of execAll(COLUMN_DATE_NOTE, text)) add(...m.indices![1]!, 'DATE');
  if (!/[A-Z][a-z]/.test(text)) return;
  const names: [RegExp, PhiCategory][] = [
    [DASHED_GIVEN, 'PATIENT_NAME'],
    [AGENT_AFTER_ADVERB, 'CLINICIAN_NAME'],
    [HANDOVER_TO, 'CLINICIAN_NAME'],
  ];
  for (const [regex, category] of names)
    for (const m of execAll(regex, text)) if (!notName(m[1]!)) add(...m.indices![1]!, category);
}
