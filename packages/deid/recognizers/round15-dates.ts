/**
 * Round 15 (issue 18), recall first (with the safety net): dates without a year.
 * 1. In a note that already holds a found date, month-days by their shape (送检 11-22, 18/11, 04/12, a column's
 *    12/1, 11.25夜班) and days with 号 (我15号过来): such a note is dated, so a month-day shape there is a date
 *    unless it is a measured value (a unit after it), a score or a range (a score word before it, a dash range
 *    of one-digit numbers without an event word).
 * 2. Anywhere: a month and a four-digit year (Exp 09/2029), "on the 3rd", holidays (Easter, 春节), spoken dates
 *    ("the second of March fifty-one").
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const D = '(?:3[01]|[12]\\d|0?[1-9])';
/** A unit, a count or a fraction word after a number: the shape is a measured value, not a date. */
const UNIT_AFTER =
  /^\s*(?:[%‰]|mm|cm|mg|mcg|µg|μg|kg|g\b|ml|mL|L\b|mmol|µmol|μmol|mol|IU|U\b|bpm|min|h\b|hr|hrs|d\b|wk|mo|y\b|yr|x\b|×|次|片|粒|支|袋|瓶|周|天|日|月|年|岁|分|秒|小时|级|度|期|例|人|项|个|mmHg|毫|微|克|升|weeks?|days?|months?|years?|hours?|minutes?|seconds?|times|points?|fold|of\b|patients|cases|pain|power|strength|in\b|on\b|to\b)/;
/** A score or a ratio named before it (power 4/5, GCS 15/15, 评分 3-4, NYHA 2-3): not a date. */
const SCORE_BEFORE =
  /(?:score|GCS|VAS|NRS|NYHA|power|strength|grade|ratio|pain|mRS|ECOG|APGAR|Apgar|评分|分级|肌力|比例|比值|疼痛|分期|级别|[=:：]\s*\d+\s*[/:]\s*)\s*$/i;
/** An event word before or after a month-day (送检 11-22, positive 04/12, 11-24 出院). */
const EVENT =
  /(?:送检|报告|回报|结果|采样|采血|抽血|拔管|置管|手术|术后|入院|出院|转入|转出|复查|复诊|随访|就诊|发病|起病|开始|停用|停药|加用|换药|执行|导出|交接|夜班|白班|\b(?:positive|negative|sent|taken|collected|reported|resulted|admitted|discharged|seen|started|stopped|since|on|from|until|dated)\b)/i;

/** A month-day with a dash, a slash or a dot, not inside a longer number, a time, a code or a range. */
const MONTH_DAY = new RegExp(
  `(?<![\\d./:\\-~～至到A-Za-z#№])(\\d{1,2})([-/.])(\\d{1,2})(?![\\d/:\\-]|\\.\\d)`,
  'dg',
);
/** A day with 号 (我15号过来); not a bed, a building, a door number, a line or an ordinal. */
const DAY_HAO = new RegExp(
  `(?<![\\d\\-~～至到第每床楼室栋幢单元路街巷弄道里村区苑园号])(${D})号(?![楼床室线院房位台机码病门栋幢单元])`,
  'dg',
);

const DAY_HAO_BEFORE = /(?:[我他她你在于到至改约定等是从]|本月|下月|上月)$/;
const DAY_HAO_AFTER =
  /^(?:上午|下午|晚上|早上|中午|凌晨|能|来|去|复|再|前|后|之|那|当|左右|或|到|至|[，。？！,.?!；;])/;

const validMonthDay = (a: number, b: number) => a >= 1 && a <= 12 && b >= 1 && b <= 31;

function datedNoteMonthDays(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number) =>
    out.push({ category: 'DATE', start, end, text: text.slice(start, end) });
  for (const m of execAll(MONTH_DAY, text)) {
    const [start, end] = m.indices![0]!;
    const a = +m[1]!;
    const b = +m[3]!;
    const sep = m[2]!;
    // Which readings are valid: month-day (11-22, 12.5) or, with a slash, day-month (18/11).
    if (!validMonthDay(a, b) && !(sep === '/' && validMonthDay(b, a))) continue;
    const after = text.slice(end, end + 12);
    if (UNIT_AFTER.test(after)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    if (SCORE_BEFORE.test(before)) continue;
    const twoDigits = m[1]!.length === 2 && m[3]!.length === 2;
    const event = EVENT.test(text.slice(Math.max(0, start - 6), start)) || EVENT.test(after.slice(0, 6));
    // A column: a tab, a wide space, a pipe or two spaces on both sides.
    const column =
      /(?:[\t　|]|^|\n| {2})[ \t　]*$/.test(before) && /^[ \t　]*(?:[\t　|]|$|\n| {2})/.test(after);
    if (sep === '.') {
      // 12.5 is more often a measured value: a dot only right before a shift or event word.
      if (/^(?:夜班|白班|早班|中班|交班|接班|交接|查房|会诊|送检|抽血|采血|拔管)/.test(after))
        add(start, end);
      continue;
    }
    if (twoDigits || event || column) add(start, end);
  }
  if (text.includes('号'))
    for (const m of execAll(DAY_HAO, text)) {
      const [start, end] = m.indices![0]!;
      // A person or a plan before it (我15号, 改到23号) or a time or a pause after it (20号能, 5号上午, 5号，):
      // not a number of a car, a room or a patient (3号车, 手术间：7号, 2号 胡蝶).
      if (
        DAY_HAO_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ||
        DAY_HAO_AFTER.test(text.slice(end, end + 3))
      )
        add(start, end);
    }
}

const ORDINAL_WORD =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first)';
const MONTH_WORD =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const YEAR_WORDS =
  '(?:[ \\t]+(?:nineteen[ \\t-]+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)?';
/** "the second of March fifty-one", "March the ninth": a date in words. */
const SPOKEN_DATE = new RegExp(
  `\\b(?:${ORDINAL_WORD}[ \\t]+of[ \\t]+${MONTH_WORD}|${MONTH_WORD}[ \\t]+the[ \\t]+${ORDINAL_WORD})${YEAR_WORDS}\\b`,
  'dgi',
);
/** "on the 3rd", "since the 21st" (not "the 2nd floor", "the 3rd day"). */
const ON_THE_NTH =
  /\b(?:on|since|from|until|till|by|before|after|around)[ \t]+the[ \t]+(\d{1,2}(?:st|nd|rd|th))\b(?![ \t]+(?:day|days|week|weeks|month|months|floor|time|times|dose|doses|cycle|visit|attempt|line|percentile|rib|toe|finger|intercostal|trimester|degree|generation|place|grade|of|postoperative|post-op))/dg;
/** Exp 09/2029, 11/2028: a month and a four-digit year. */
const MONTH_YEAR = /(?<![\d/.\-])((?:0?[1-9]|1[0-2])\/(?:19|20)\d{2})(?![\d/])/dg;
/** Holidays name a day of the year. */
const HOLIDAY =
  /\b(?:Thanksgiving(?:[ \t]+Day)?|Christmas(?:[ \t]+(?:Eve|Day))?|New[ \t]+Year'?s(?:[ \t]+(?:Eve|Day))?|Easter(?:[ \t]+(?:Sunday|Monday|weekend))?|Halloween|Boxing[ \t]+Day|Independence[ \t]+Day|Memorial[ \t]+Day|Labou?r[ \t]+Day|Valentine'?s[ \t]+Day|Guy[ \t]+Fawkes(?:[ \t]+Night)?|Bonfire[ \t]+Night|Anzac[ \t]+Day)\b|(?:除夕|大年三十|大年初[一二三四五六七八九十]|正月十五|元宵节|端午节|中秋节|国庆节|清明节|春节|元旦)/dg;

/** Adds round 15's dates to `out` (call after the other date rules: a dated note is read from `out`). */
export function findRound15Dates(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number) =>
    out.push({ category: 'DATE', start, end, text: text.slice(start, end) });
  if (out.some((s) => s.category === 'DATE')) datedNoteMonthDays(text, out);
  if (text.includes('/')) for (const m of execAll(MONTH_YEAR, text)) add(...m.indices![1]!);
  if (/[A-Za-z]/.test(text)) {
    for (const m of execAll(ON_THE_NTH, text)) add(...m.indices![1]!);
    for (const m of execAll(SPOKEN_DATE, text)) add(...m.indices![0]!);
  }
  for (const m of execAll(HOLIDAY, text)) add(...m.indices![0]!);
}
