/**
 * Round 10 (issue 18), recall first (with the safety net): date and age forms tuning-4's writer used that the
 * date reader (dates.ts) and round 8's net (dates-recall.ts) leave. Dates are placeholders here, not shifted.
 * 1. Taiwan's Minguo calendar: 民國114年3月12日, 民国61年7月4日 (the whole date: its year is no Gregorian year).
 * 2. A day alone before a time of that day: 20日当晚, 3号凌晨 (not 每日, 第3日).
 * 3. A month-day ending a field after a wide gap: "签约医生：X　3-22", "… \t 11/02" at a line's end.
 * 4. (en) A month/day after a word of scheduling or a signer's credential: "will call 1/15.", "RN 9/29:",
 *    "due 3/4", "recheck 12/2" (not a ratio: "1/2 tablet", "3/4 of").
 * 5. Ages over 89 in traditional characters (94歲, 年齡：93) and "is 92 years." without "old".
 * Table columns of dates and ages (随访日, 年龄) are read with the table's names (names-round10.ts). Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const M = '(?:1[0-2]|0?[1-9])';
const D = '(?:[12]\\d|3[01]|0?[1-9])';
const OLD = '(?:9\\d|1[0-2]\\d)';

const DATE_RULES: [gate: RegExp, rule: RegExp][] = [
  [/民[國国]/, /(民[國国]\d{1,3}年(?:\d{1,2}月(?:\d{1,2}[日号號])?)?)/dg],
  [
    /\d[日号號](?:当|那|晚|夜|凌|上|下|中|早|傍)/,
    new RegExp(
      `(?<![\\d.\\-/第每数几])(${D}[日号號])(?=当晚|当天|当日|当夜|那天|那晚|晚上|夜里|夜间|凌晨|上午|下午|中午|早上|傍晚)`,
      'dg',
    ),
  ],
  [
    /\d[-/]\d{1,2}[ \t　]*(?:\n|$)/,
    new RegExp(`(?<=(?:[\\t　]|[ ]{2})[ \\t　]*)(${M}[-/]${D})(?=[ \\t　]*(?:\\n|$))`, 'dg'),
  ],
  [
    /[A-Za-z][ \t]+\d{1,2}\/\d/,
    new RegExp(
      `\\b(?:call|calls|visit|review|recheck|return|due|appt|appointment|f\\/u|follow-?up|scheduled|booked|signed|RN|MD|NP|DO|PharmD|LPN|[Rr]eply|[Uu]pdated|[Ee]ntered|[Nn]oted)[ \\t]+(${M}\\/${D})(?![\\d/]|\\.\\d|[ \\t]*(?:tab|of\\b|dose|ratio|split|dilution|mmHg))`,
      'dg',
    ),
  ],
];

const AGE_RULES: [gate: RegExp, rule: RegExp][] = [
  [/[歲齡]/, new RegExp(`(?<![\\d.])(${OLD}\\s*(?:週歲|周歲|歲))(?!以[上下])`, 'dg')],
  [/年齡/, new RegExp(`年齡[：:\\s]*(${OLD})(?![\\d.])(?!\\s*(?:次|天|个|%|mmHg))`, 'dg')],
  [
    /years/,
    new RegExp(
      `\\b(?:is|was|turned|turns|aged?)[ \\t]+(${OLD}[ \\t]+years?)\\b(?![ \\t]+(?:old|of|ago|since|later|before|after|in|with|on))`,
      'dg',
    ),
  ],
];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds round 10's date and age forms to `out` (a candidate touching a date already found is dropped). */
export function findRound10Dates(text: string, out: PhiSpan[]): void {
  if (!/\d/.test(text)) return;
  const found = out.filter((s) => s.category === 'DATE' || s.category === 'AGE');
  for (const [rules, category] of [
    [DATE_RULES, 'DATE'],
    [AGE_RULES, 'AGE'],
  ] as const) {
    for (const [gate, regex] of rules) {
      if (!gate.test(text)) continue;
      regex.lastIndex = 0;
      for (const m of execAll(regex, text)) {
        const [start, end] = m.indices![1]!;
        // A Minguo date covers the month-day the date reader found inside it (民國61年7月4日).
        const minguo = text.startsWith('民', start);
        if (!minguo && found.some((span) => overlaps(span, { start, end }))) continue;
        const span: PhiSpan = { category, start, end, text: text.slice(start, end) };
        out.push(span);
        found.push(span);
      }
    }
  }
}
