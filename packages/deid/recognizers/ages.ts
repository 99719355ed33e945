/**
 * Ages over 89 (Safe Harbor item C: "all ages over 89 … aggregated into a single category of age 90 or
 * older"). Ages up to 89 are not identifiers and stay.
 */
import type { PhiSpan } from '../types.ts';

const OLD = '(9\\d|1[0-2]\\d)';
const ZH = new RegExp(`(?<![\\d.])${OLD}\\s*(?:周岁|岁)(?!以[上下]|余)`, 'dg');
const EN = [
  new RegExp(
    `(?<![\\d.])${OLD}(?=[- ]years?[- ]old|\\s*(?:y/?o|yo|y\\.o\\.)\\b|-year-old|\\s+years? of age)`,
    'dg',
  ),
  new RegExp(
    `\\b(?:[Aa]ged?|[Aa]ge:|is|turned|turns)\\s+${OLD}\\b(?![/%.,]\\d|\\s*(?:%|/|mg|mmHg|bpm|kg|lb|mL|beats|percent|pounds|mm))`,
    'dg',
  ),
];

export function findOldAges(text: string, out: PhiSpan[]): void {
  for (const regex of [ZH, ...EN]) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const [start, end] = regex === ZH ? m.indices![0]! : m.indices![1]!;
      out.push({ category: 'AGE', start, end, text: text.slice(start, end) });
    }
  }
}

/** "92岁" → "90岁以上", "93" → "90 or older" ("90+" inside "93-year-old"). */
export function groupAge(value: string, text: string, end: number): string {
  if (/[岁]/.test(value)) return '90岁以上';
  return /^[- ](?:years?[- ]old|year-old)|^\s*(?:y\/?o|yo|y\.o\.)/.test(text.slice(end, end + 12))
    ? '90+'
    : '90 or older';
}
