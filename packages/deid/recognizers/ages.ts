/**
 * Ages over 89 (Safe Harbor item C: "all ages over 89 … aggregated into a single category of age 90 or
 * older"). Ages up to 89 are not identifiers and stay.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const OLD = '(?:9\\d|1[0-2]\\d)';
const ZH_OLD =
  '(?:九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|一?十[一二三四五六七八九]?|二十)?)';
const ZH = new RegExp(`(?<![\\d.])(?:${OLD}|${ZH_OLD})\\s*(?:周岁|岁)(?!以[上下]|余)`, 'dg');
/** "93-year-old", "93 years old", "93 y/o", "93 y.o.", "93 years of age": the span includes the unit. */
const EN_UNIT = new RegExp(
  `(?<![\\d.])${OLD}(?:[- ]years?[- ]old|\\s*(?:y/?o|yo|y\\.o\\.?)(?![A-Za-z])|\\s+years? of age)`,
  'dg',
);
/** "aged 93", "Age: 93", "is 97", "turned 99", "she's 92": the number only. */
const EN_CUE = new RegExp(
  `\\b(?:[Aa]ged?|[Aa]ge:|is|turned|turns|(?:[Ss]he|[Hh]e)['’]s(?:\\s+now)?)\\s+(${OLD})\\b(?![/%.,]\\d|\\s*(?:%|/|mg|mmHg|bpm|kg|lb|mL|beats|percent|pounds|mm|-year|\\s*y/?o|\\s*years))`,
  'dg',
);

/** Ages over 89 in words after the same cues: "she is ninety-three", "aged ninety", "a ninety-one-year-old". */
const WORD_OLD = '[Nn]inety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|[Oo]ne hundred';
const EN_WORDS = new RegExp(
  `\\b(?:[Aa]ged?|is|turned|turns|(?:[Ss]he|[Hh]e)['’]s(?:\\s+now)?)\\s+(${WORD_OLD})\\b(?![- ](?:minutes?|percent|seconds?|days?|hours?|mg|pounds|degrees|times))|\\b((?:${WORD_OLD})[- ]years?[- ]old)`,
  'dg',
);

/** "Harriet Vance (92, DOB …)", "Giuseppe (96)": an age in brackets after a capitalised name. */
const EN_BRACKET = new RegExp(
  `[A-Z][a-z]+[ \\t]*\\((${OLD})(?=[ \\t]*(?:\\)|,[ \\t]*(?:DOB|born|[MF]\\b|male|female|y)))`,
  'dg',
);

/** Round 6: "Kaczmarek, 91 M, MRN …": an age with the sex after a name and a comma. */
const EN_AFTER_NAME = new RegExp(`[A-Za-z],[ \\t]+(${OLD})(?=[ \\t]*(?:[MF]|male|female)\\b)`, 'dg');

/**
 * Round 9: "92y F", "92 yr", "92yrs" (the unit in the span); "年龄：93", "今年95了", "享年96", "九十五高龄", "95高龄"
 * (the number only).
 */
const EN_SHORT = new RegExp(`(?<![\\d.])${OLD}[ \\t]?(?:y|yr|yrs)(?![A-Za-z/]|\\.[A-Za-z0-9])`, 'dg');
const ZH_CUE = new RegExp(
  `(?:年龄|年纪|享年)[：:\\s]*(${OLD}|${ZH_OLD})(?![\\d.])(?!\\s*(?:岁|周岁|次|天|个|%|mmHg))|今年(${OLD}|${ZH_OLD})(?=了)|(?<![\\d.])(${OLD}|${ZH_OLD})(?=高龄|多岁)`,
  'dg',
);

export function findOldAges(text: string, out: PhiSpan[]): void {
  for (const regex of [ZH, EN_UNIT, EN_CUE, EN_BRACKET, EN_WORDS, EN_AFTER_NAME, EN_SHORT, ZH_CUE]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1] ?? m.indices![2] ?? m.indices![3] ?? m.indices![0]!;
      out.push({ category: 'AGE', start, end, text: text.slice(start, end) });
    }
  }
}

/**
 * "92岁" → "90岁以上", "93" → "90 or older" ("90岁以上" in Chinese text: `zh`), "93-year-old" → "90+-year-old",
 * "91 y/o" → "90+ y/o".
 */
export function groupAge(value: string, zh = false): string {
  if (/岁$/.test(value) || /^[一九百]/.test(value) || (zh && /^\d+$/.test(value))) return '90岁以上';
  const unit = /^\d+(\D.*)$/.exec(value);
  return unit ? `90+${unit[1]}` : '90 or older';
}
