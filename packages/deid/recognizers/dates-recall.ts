/**
 * Round 8 (issue 18): dates, recall first. Safe Harbor item C removes every date element but the year of dates
 * related to the person, and in a note nearly every date is; the date reader (dates.ts) finds the forms it can
 * shift. This net adds the month-day and day-alone forms it leaves, as DATE spans without a parse (they are
 * replaced by a placeholder, not shifted; the year is never part of a span here, decision 0006):
 * 1. a month alone (12月, 3月份, 12月底, 三月份) unless it is a duration or an age (3月后, 近3月, 6月龄, 3个月);
 * 2. a month-day written with a dot, slash or dash and 日/号 (3.5日, 10.12号), or after a date label or a
 *    preposition of time (日期：3/5, 于3-5), or before a visit word with a space (03/05 复查), and ranges of them
 *    (3.5-3.8住院);
 * 3. a day alone with 号 (5号复诊, 于5号入院, 7号晚上) or 日 after a preposition of time (于5日) — not a bed,
 *    a building or a line (5号床, 3号楼);
 * 4. lunar days (正月初五, 腊月二十三, 初三开始咳嗽);
 * 5. (en) a day alone after a preposition ("on the 5th", "since the 12th") and a month alone after one
 *    ("in March", "since early June").
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const M = '(?:1[0-2]|0?[1-9])';
const D = '(?:[12]\\d|3[01]|0?[1-9])';
const CN_M = '(?:十[一二]?|[一二三四五六七八九])';
const VISIT = '(?:复诊|复查|就诊|入院|出院|来院|来诊|随访|手术|住院|开始|起|停药|抽血|查|体检|发病|来|回|到)';
const TIME_OF_DAY = '(?:上午|下午|晚上|早上|凌晨|中午|夜间|夜里|晨|晚|早|\\d{1,2}[:：点时])';
/** Units and counters after a number that is a count, not a date (3-5次, 1/2片). */
const COUNT_UNIT = '[次个例岁天周月年片粒支袋瓶克毫升分秒小时级度型期项倍组床号楼层室]';
const LABEL = '(?:日期|时间|于|自|至|从|截至|截止|定于|预约|改到|改为|推迟到|提前到|到|在)';

/**
 * Speed (issue 18): a rule starting with a lookbehind has a lookahead for its first characters (digits and 月,
 * a Chinese month, 初) put before it — a cheap necessary condition, so the lookbehind is tried only there.
 */
const CN_AHEAD = '(?=[一二三四五六七八九十][一二]?月)';
const RULES: RegExp[] = [
  // 1. a month alone: after a time word, a pause or the start (12月的时候, 去年12月底), or with 份/初/底 …;
  //    not a duration after a complaint (水肿3月。, 术后3月复查, 怀孕3月).
  new RegExp(
    `(?=\\d{1,2}月)(?<=^|[^\\d.\\-/\\u4e00-\\u9fa5]|年|于|在|从|自|到|至|是|那|这|去|今|明)(${M}月(?:份|初|中旬|上旬|下旬|中|底|末)?)(?![\\d日号龄余多个内经])(?!以来|左右|不等|后|前|来)`,
    'dg',
  ),
  new RegExp(
    `(?=\\d{1,2}月)(?<![\\d.\\-/个数几每第半近约续后孕]|连续|持续)(${M}月(?:份|初|中旬|上旬|下旬|底|末))`,
    'dg',
  ),
  new RegExp(`${CN_AHEAD}(?<=[今去明前]年|于|在)(${CN_M}月(?:份|初|中旬|上旬|下旬|底|末)?)(?![日号])`, 'dg'),
  new RegExp(`${CN_AHEAD}(?<![个几数每第半])(${CN_M}月(?:份|初|中旬|上旬|下旬|底|末))`, 'dg'),
  // 2. month-day forms.
  new RegExp(`(?=\\d)(?<![\\d.\\-/])(${M}[./]${D}(?:[-~～至到]${M}[./]${D})?[日号]|${M}-${D}号)`, 'dg'),
  new RegExp(
    `(?=\\d{1,2}[./-]\\d)(?<=${LABEL}[：:\\s]*)(${M}[./-]${D}(?:[-~～至到]${M}[./-]${D})?)(?![\\d./\\-:：%])(?!\\s*(?:mmHg|次|个|例|岁|天|周|月|年|克|g|mg|ml|mL|kg|cm|mm|以上|以下|左右|之间))`,
    'dg',
  ),
  new RegExp(
    `(?=\\d{1,2}[./-]\\d)(?<![\\d.\\-/:：])(${M}[./-]${D}(?:[-~～至到]${M}[./-]${D})?)(?![\\d:：%])(?=\\s*${VISIT})`,
    'dg',
  ),
  // Lists and ranges: 3月5、6日, 3月5日—7日, 周一（3.10）, 25.3.5复查, 2025-03 / 2025.03 (a zero-padded month).
  new RegExp(`(?=\\d{1,2}月\\d)(?<![\\d.])(${M}月${D}[、,，和及]${D}[日号])`, 'dg'),
  new RegExp(`(?=\\d{1,2}[日号])(?<=[日号][ \\t]*[—–\\-~～][ \\t]*)(${D}[日号])`, 'dg'),
  new RegExp(
    `(?=\\d{1,2}[./-]\\d)(?<=(?:周|星期|礼拜)[一二三四五六日天][ \\t]*[（(]?)(${M}[./-]${D})(?![\\d./\\-])`,
    'dg',
  ),
  new RegExp(`(?=\\d\\d[./-])(?<![\\d.\\-/])(\\d{2}[./-]${M}[./-]${D})(?![\\d./\\-])(?=\\s*${VISIT})`, 'dg'),
  /(?=(?:19|20)\d\d[-./])(?<![\d.\-/])((?:19|20)\d{2}[-./]0[1-9]|(?:19|20)\d{2}\.1[0-2])(?![\d.\-/])/dg,
  // Round 9: a month-day opening a line before Chinese words (3-12测血压, 12/3 血压140/85) but a count (3-5次);
  // the other end of a range after a full date (2025.3.5-3.7); a dotted day.month.two-digit year (5.3.25).
  new RegExp(
    `(?=\\d{1,2}[./-]\\d)(?<=(?:^|\\n)[ \\t]*)(${M}[./-]${D})(?=[ \\t]*[（(]?[\\u4e00-\\u9fa5])(?![ \\t]*${COUNT_UNIT})`,
    'dg',
  ),
  new RegExp(
    `(?=\\d{1,2}[./-]\\d)(?<=\\d{4}[./-]${M}[./-]${D}[ \\t]*[-~～至到—–][ \\t]*)(${M}[./-]${D})(?![\\d./\\-])`,
    'dg',
  ),
  new RegExp(`(?=\\d{1,2}\\.\\d)(?<![\\w.])(${D}\\.${M}\\.\\d{2})(?![\\d.]\\d|\\d)`, 'dg'),
  // 3. a day alone.
  new RegExp(
    `(?=\\d{1,2}号)(?<![\\d.\\-/号第每])(${D}号)(?=[\\s，,（()）]*(?:${TIME_OF_DAY}|${VISIT}|前后|左右|之前|之后|前|后|那天))`,
    'dg',
  ),
  new RegExp(`(?=\\d{1,2}[号日])(?<=${LABEL}|[上下本这当]个?月)(${D}[号日])(?![床楼线室房院药])`, 'dg'),
  // 4. lunar days.
  new RegExp(
    `((?:正月|腊月|冬月)(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十五)?|大年(?:初[一二三四五六七八九十]|三十))`,
    'dg',
  ),
  new RegExp(
    `(?=初)(?<![\\u4e00-\\u9fa5]{2}[班级年])(初[一二三四五六七八九十])(?=${TIME_OF_DAY}|${VISIT}|那天|[，,。、])`,
    'dg',
  ),
  // Round 9 (en): a numeric month/day after a preposition of time ("on 5/3", "since 12/1"), not a ratio.
  /\b(?:[Oo]n|since|until|till|from|by|before|after|[Aa]dmitted|[Dd]ischarged|[Ss]een|[Rr]eviewed|[Dd]ated|[Ss]tarted|[Ss]topped|[Cc]ommenced)[ \t]+(\d{1,2}\/\d{1,2})(?![\d/]|\.\d|[ \t]*(?:mmHg|dilution|ratio|split|of\b))/dg,
  // 5. English: the other end of a range ("Mar 5–7", "5–7 March").
  /(?=\d)(?<=\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]\d{1,2}[ \t]?[–—-][ \t]?)(\d{1,2})\b/dg,
  /\b(\d{1,2})(?=[ \t]?[–—-][ \t]?\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b)/dg,
  // 5. English.
  /\b(?:on|since|until|till|by|from|before|after|of)[ \t]+the[ \t]+(\d{1,2}(?:st|nd|rd|th))\b(?![ \t]+(?!of\b|at\b|and\b|in\b)[a-z])/dg,
  /\b(?:in|since|until|till|by|from|before|after|during|early|late|mid|mid-)[ \t]+(?:early[ \t]+|late[ \t]+|mid-?)?((?:January|February|March|April|May|June|July|August|September|October|November|December))\b(?![ \t,]*\d)/dg,
];

const EN_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
/** A cheap gate per rule, in the order of RULES: characters the rule cannot match without (speed). */
const GATES: RegExp[] = [
  ...[/月/, /月/, /月/, /月/],
  /[日号]/,
  ...[/\d[./-]\d/, /\d[./-]\d/],
  ...[/月/, /[日号]/, /周|星期|礼拜/, /\d[./-]\d/, /(?:19|20)\d\d[-./]/],
  ...[/(?:^|\n)[ \t]*\d{1,2}[./-]\d/, /\d{4}[./-]\d{1,2}[./-]\d{1,2}[ \t]*[-~～至到—–]/, /\d\.\d{1,2}\.\d\d/],
  ...[/号/, /[日号]/],
  ...[/正月|腊月|冬月|大年/, /初/],
  /\d\/\d/,
  ...[EN_MONTH, EN_MONTH, /\bthe[ \t]+\d/, EN_MONTH],
];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds date elements the date reader leaves to `out` (a candidate touching a span already found is dropped). */
export function findRecallDates(text: string, out: PhiSpan[]): void {
  if (
    !/[\d月初]|January|February|March|April|May|June|July|August|September|October|November|December/.test(
      text,
    )
  )
    return;
  const found = out.slice();
  for (const [i, regex] of RULES.entries()) {
    if (!GATES[i]!.test(text)) continue;
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1]!;
      const candidate = { start, end };
      if (found.some((span) => overlaps(span, candidate))) continue;
      const span: PhiSpan = { category: 'DATE', start, end, text: text.slice(start, end) };
      out.push(span);
      found.push(span);
    }
  }
}
