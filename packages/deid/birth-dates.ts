/**
 * Dates of birth that indicate an age over 89 (Safe Harbor item C: "all elements of dates (including year)
 * indicative of such age … aggregated into a single category of age 90 or older"). A date of birth (after
 * 出生日期/生于/DOB/born, or before 出生) — also a year alone ("born in 1934", "1935年出生") — is generalised
 * with its year when the note's latest dated mention is 90 or more years later, or, in a note without other
 * dated mentions, when the note states an age over 89. Pure.
 */
import { findDates, type FoundDate } from './dates.ts';
import type { PhiSpan } from './types.ts';
import { execAll } from './recognizers/collect.ts';

const CUE_BEFORE =
  /(?:出生日期|出生年月日?|生日|出生于|生于|DOB|D\.O\.B\.|[Dd]ate of [Bb]irth|[Bb]irth ?date|[Bb]orn(?:[ \t]+(?:on|in))?)[：:\s]*[(（]?$/;
const CUE_AFTER = /^\s*(?:出生|生人|生)/;
/** A year alone as a date of birth. */
const YEAR_ONLY =
  /(?:(?:出生于|生于|出生年份?[：:]?\s*|[Bb]orn[ \t]+in[ \t]+|[Bb]irth year[：:]?\s*)(\d{4})(?![\d年/.-]|年\s*\d)|(?<![\d年/.-])(\d{4}年?)(?=出生|生人))/dg;

/** Whether the span's surroundings make it a date of birth. */
const isBirthContext = (text: string, start: number, end: number) =>
  CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || CUE_AFTER.test(text.slice(end, end + 4));

/** The latest year of a day- or month-precision date among the texts, not counting dates of birth. */
export function referenceYear(texts: readonly string[]): number | undefined {
  let year: number | undefined;
  for (const text of texts)
    for (const date of findDates(text)) {
      if (date.y === undefined || isBirthContext(text, date.start, date.end)) continue;
      if (year === undefined || date.y > year) year = date.y;
    }
  return year;
}

/**
 * Spans of one text to generalise as "age 90 or older": dates of birth (found date spans and years alone)
 * whose year indicates an age over 89.
 */
export function oldBirthSpans(
  text: string,
  spans: readonly PhiSpan[],
  reference: number | undefined,
): PhiSpan[] {
  const statesOldAge = spans.some((s) => s.category === 'AGE');
  const old = (year: number) => (reference !== undefined ? reference - year >= 90 : statesOldAge);
  const out: PhiSpan[] = [];
  for (const span of spans) {
    if (span.category !== 'DATE' || !isBirthContext(text, span.start, span.end)) continue;
    const [date]: FoundDate[] = findDates(span.text);
    if (date?.y !== undefined && old(date.y)) out.push({ ...span });
  }
  YEAR_ONLY.lastIndex = 0;
  for (const m of execAll(YEAR_ONLY, text)) {
    const group = m[1] ? 1 : 2;
    const [start, end] = m.indices![group]!;
    if (spans.some((s) => s.start < end && s.end > start)) continue;
    if (old(Number(m[group]!.slice(0, 4)))) out.push({ category: 'DATE', start, end, text: m[group]! });
  }
  return out;
}
