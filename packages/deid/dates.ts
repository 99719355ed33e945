/**
 * Dates (Safe Harbor item C: every element of a date except the year) — found, parsed, shifted by the
 * request's offset in days and written back in the shape they were written (2025年3月5日, 2025-03-05,
 * 03/05/2025, March 5, 2025, 3月5日 …). The same functions shift answers back, so intervals stay right.
 */
import type { PhiSpan } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_RE = '(?:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';

/** A reference year for dates written without one (a leap year, so 2月29日 exists). */
const NO_YEAR = 2000;

interface DateForm {
  regex: RegExp;
  /** Parts from a match: year (undefined when absent), month (1–12), day (undefined: month precision). */
  parse: (m: RegExpExecArray) => { y?: number; mo: number; d?: number } | undefined;
  /** Writes a shifted date in the same shape as the match. */
  format: (m: RegExpExecArray, y: number, mo: number, d: number) => string;
}

/** Zero-padded style: a part written with a leading zero (Chinese forms), or always (ISO). */
const zeroStyle = (...parts: (string | undefined)[]) => parts.some((p) => p !== undefined && /^0\d$/.test(p));
/** US numeric forms: padded when a part has a leading zero or both are two digits (12/19/2025). */
const usStyle = (a: string, b: string) => zeroStyle(a, b) || (a.length === 2 && b.length === 2);
const two = (padded: boolean, n: number) => (padded && n < 10 ? `0${n}` : String(n));
const monthName = (like: string, mo: number) => {
  const full = MONTHS[mo - 1]!;
  if (like.length <= 3) return full.slice(0, 3);
  if (like === 'Sept') return mo === 9 ? 'Sept' : full.slice(0, 3);
  return full;
};
const weekdayOf = (y: number, mo: number, d: number) =>
  WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]!;
const withWeekday = (m: RegExpExecArray, group: number, y: number, mo: number, d: number, rest: string) => {
  if (!m[group]) return rest;
  const sep = m[0].slice(m[group]!.length + 3).match(/^,?\s+/)?.[0] ?? ' ';
  return `${weekdayOf(y, mo, d)}${sep}${rest}`;
};

const CN_DIGITS = '〇一二三四五六七八九';
const cnDigit = (c: string) => (c === '零' ? 0 : CN_DIGITS.indexOf(c));
/** 二〇二五 → 2025 (digit by digit); 十二 → 12, 二十三 → 23 (month and day). */
const cnYear = (text: string) => Number([...text].map(cnDigit).join(''));
const cnSmall = (text: string) => {
  const [tens, ones] = text.split('十');
  if (ones === undefined) return cnDigit(text);
  return (tens ? cnDigit(tens) : 1) * 10 + (ones ? cnDigit(ones) : 0);
};
const toCnYear = (n: number) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
const toCnSmall = (n: number) =>
  n < 10
    ? CN_DIGITS[n]!
    : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
/** Two-digit years: 00–69 → 2000s, 70–99 → 1900s. */
const fullYear = (yy: string) => (Number(yy) < 70 ? 2000 : 1900) + Number(yy);

/**
 * Speed (issue 18): a form that starts with a lookbehind (日期：, 今年, on, 周四) has a lookahead for its digits put
 * first — a cheap necessary condition, so the lookbehind is tried only where digits stand (same matches).
 */
const FORMS: DateForm[] = [
  // 4月上旬, 2025年3月底 (month precision with a part of the month; first, so the part stays in the span)
  {
    regex: /(?<![\d年])(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(上旬|中旬|下旬|初|底|末)/g,
    parse: (m) => ({ ...(m[1] ? { y: +m[1] } : {}), mo: +m[2]! }),
    format: (m, y, mo) => `${m[1] ? `${y}年` : ''}${two(zeroStyle(m[2]), mo)}月${m[3]}`,
  },
  // 2025年3月5日 / 2025年3月5号 / 2025年3月
  {
    regex: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*([日号]))?/g,
    parse: (m) => ({ y: +m[1]!, mo: +m[2]!, ...(m[3] ? { d: +m[3] } : {}) }),
    format: (m, y, mo, d) => {
      const z = zeroStyle(m[2], m[3]);
      return `${y}年${two(z, mo)}月${m[3] ? `${two(z, d)}${m[4]}` : ''}`;
    },
  },
  // 二〇二五年七月二日 (formal documents)
  {
    regex:
      /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})([日号]))?/g,
    parse: (m) => ({ y: cnYear(m[1]!), mo: cnSmall(m[2]!), ...(m[3] ? { d: cnSmall(m[3]) } : {}) }),
    format: (m, y, mo, d) => `${toCnYear(y)}年${toCnSmall(mo)}月${m[3] ? `${toCnSmall(d)}${m[4]}` : ''}`,
  },
  // 25年7月3日 (two-digit year)
  {
    regex: /(?<![\d年])(\d{2})年(\d{1,2})月(\d{1,2})([日号])/g,
    parse: (m) => ({ y: fullYear(m[1]!), mo: +m[2]!, d: +m[3]! }),
    format: (m, y, mo, d) =>
      `${String(y % 100).padStart(2, '0')}年${two(zeroStyle(m[2], m[3]), mo)}月${two(zeroStyle(m[2], m[3]), d)}${m[4]}`,
  },
  // 2025-03-05, 2025/03/05, 2025.03.05
  {
    regex: /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    parse: (m) => ({ y: +m[1]!, mo: +m[3]!, d: +m[4]! }),
    format: (m, y, mo, d) => {
      const z = zeroStyle(m[3], m[4]) || (m[3]!.length === 2 && m[4]!.length === 2);
      return `${y}${m[2]}${two(z, mo)}${m[2]}${two(z, d)}`;
    },
  },
  // 14/08/1952, 25.12.2024 (day first, UK/EU: only when the first part cannot be a month)
  {
    regex: /(?<![\d/.-])(1[3-9]|2\d|3[01])([/.-])(0?[1-9]|1[0-2])\2(\d{4})(?![\d])/g,
    parse: (m) => ({ y: +m[4]!, mo: +m[3]!, d: +m[1]! }),
    format: (m, y, mo, d) => {
      const z = usStyle(m[1]!, m[3]!);
      return `${two(z, d)}${m[2]}${two(z, mo)}${m[2]}${y}`;
    },
  },
  // 03/05/2025, 3-5-2025 (month first, US)
  {
    regex: /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d])/g,
    parse: (m) => ({ y: +m[4]!, mo: +m[1]!, d: +m[3]! }),
    format: (m, y, mo, d) => {
      const z = usStyle(m[1]!, m[3]!);
      return `${two(z, mo)}${m[2]}${two(z, d)}${m[2]}${y}`;
    },
  },
  // 日期：25/3/5 (year first after a Chinese date label; before the US two-digit-year form)
  {
    // also after Chinese text and before a time of day (签名 25/3/5 15:40)
    regex:
      /(?=\d\d\/)(?:(?<=日期[：:]\s*)|(?<=[\u4e00-\u9fa5：:][\s\u3000]*))(\d{2})\/(\d{1,2})\/(\d{1,2})(?![\d/])(?:(?<=日期[：:]\s*\S+)|(?=[\s\u3000]+\d{1,2}:\d{2}))/g,
    parse: (m) => ({ y: fullYear(m[1]!), mo: +m[2]!, d: +m[3]! }),
    format: (m, y, mo, d) => {
      const z = zeroStyle(m[2], m[3]);
      return `${String(y % 100).padStart(2, '0')}/${two(z, mo)}/${two(z, d)}`;
    },
  },
  // 3/5/61, 10/02/26 (month first, two-digit year; slashes only, so ranges like 3-5-10 stay)
  {
    regex: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/])/g,
    parse: (m) => ({ y: fullYear(m[3]!), mo: +m[1]!, d: +m[2]! }),
    format: (m, y, mo, d) => {
      const z = usStyle(m[1]!, m[2]!);
      return `${two(z, mo)}/${two(z, d)}/${String(y % 100).padStart(2, '0')}`;
    },
  },
  // [Thursday,] March 5[, 2025]
  {
    regex: new RegExp(
      `\\b${WEEKDAY_RE}${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?(?![/]|:\\d)`,
      'g',
    ),
    parse: (m) => ({ ...(m[4] ? { y: +m[4] } : {}), mo: monthIndex(m[2]!), d: +m[3]! }),
    format: (m, y, mo, d) => {
      const dot = m[0].includes(`${m[2]}.`) ? '.' : '';
      const core = `${monthName(m[2]!, mo)}${dot} ${d}${m[4] ? `${m[0].match(/\d(?:st|nd|rd|th)?(,?\s+)\d{4}/)?.[1] ?? ', '}${y}` : ''}`;
      return withWeekday(m, 1, y, mo, d, core);
    },
  },
  // 5 March 2025, 3rd of March 2025, the 4th of November (the year may be absent)
  {
    regex: new RegExp(
      `\\b(\\d{1,2})(st|nd|rd|th)?\\s+(of\\s+)?${MONTH_RE}\\b(?:(?<=\\b[A-Z][a-z]{2,3})\\.)?(?:(,?\\s+)(\\d{4})\\b)?`,
      'g',
    ),
    parse: (m) => ({ ...(m[6] ? { y: +m[6] } : {}), mo: monthIndex(m[4]!), d: +m[1]! }),
    format: (m, y, mo, d) =>
      `${d}${m[2] ? ordinal(d) : ''} ${m[3] ?? ''}${monthName(m[4]!, mo)}${m[6] ? `${m[5]}${y}` : m[0].match(/\.$/) ? '.' : ''}`,
  },
  // March 2025 (month precision)
  {
    regex: new RegExp(`\\b${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, 'g'),
    parse: (m) => ({ y: +m[2]!, mo: monthIndex(m[1]!) }),
    format: (m, y, mo) => `${monthName(m[1]!, mo)} ${y}`,
  },
  // 十月五号, 三月二十日 (no year, Chinese numerals)
  {
    regex:
      /(?<![〇零一二三四五六七八九十年])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})([日号])/g,
    parse: (m) => ({ mo: cnSmall(m[1]!), d: cnSmall(m[2]!) }),
    format: (m, _y, mo, d) => `${toCnSmall(mo)}月${toCnSmall(d)}${m[3]}`,
  },
  // 上月12号, 本月5日: a day of a month named relative to the note (a date element; shifted by its day, the
  // month word kept, reference month January so that the shift back restores it)
  {
    regex: /(上个?月|本月|这个?月|下个?月|当月)(\d{1,2})([日号])/g,
    parse: (m) => ({ mo: 1, d: +m[2]! }),
    format: (m, _y, _mo, d) => `${m[1]}${d}${m[3]}`,
  },
  // 3月5日 / 3月5号 (no year)
  {
    // round 15: 今年/去年/明年/前年 before it is no year of a full date (今年8月17日)
    regex: /(?<!\d|(?<![今去明前])年)(\d{1,2})\s*月\s*(\d{1,2})\s*([日号])/g,
    parse: (m) => ({ mo: +m[1]!, d: +m[2]! }),
    format: (m, _y, mo, d) => `${two(zeroStyle(m[1], m[2]), mo)}月${two(zeroStyle(m[1], m[2]), d)}${m[3]}`,
  },
  // 今年3月 / 去年11月 / 于3月 (a month, not "3月后" = three months later)
  {
    regex: /(?=\d{1,2}月)(?<=(?:今年|去年|明年|前年|于|在)\s*)(\d{1,2})月(?![\d份后前内余来底初中末])/g,
    parse: (m) => ({ mo: +m[1]! }),
    format: (m, _y, mo) => `${two(zeroStyle(m[1]), mo)}月`,
  },
  // Monday 5/12, on 5/12 (no year; a weekday or "on/since" before it, so 150/90 is never a date)
  {
    regex:
      /\b(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}\/)(?:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+|(?<=\b(?:on|since|from|until|by|visit|appointment|appt|seen|due|dated|scheduled|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?)\s+))(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    parse: (m) => ({ mo: +m[2]!, d: +m[3]! }),
    format: (m, y, mo, d) => {
      const z = usStyle(m[2]!, m[3]!);
      return withWeekday(m, 1, y, mo, d, `${two(z, mo)}/${two(z, d)}`);
    },
  },
  // 10.12上午来院: month.day right before a time of day or a visit word (never a lab value: those have no such word)
  {
    regex:
      /(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])(?=上午|下午|晚上|早上|中午|凌晨|夜间|来院|入院|出院|就诊|复查|复诊|门诊)/g,
    parse: (m) => ({ mo: +m[1]!, d: +m[2]! }),
    format: (m, _y, mo, d) => {
      const z = zeroStyle(m[1], m[2]);
      return `${two(z, mo)}.${two(z, d)}`;
    },
  },
  // 3-15复查, 9-17上午来门诊, 3/16行起搏器植入术, 12/1 05:40: month-day with a dash or slash before a visit or
  // procedure word or a time of day (a dose 1/2片, a range 3-5次 or a pressure 150/90 has no such word)
  {
    regex:
      /(?<![\d./-])(\d{1,2})([-/])(\d{1,2})(?![\d./-])(?=上午|下午|晚上|早上|中午|凌晨|夜间|来院|入院|出院|就诊|复查|复诊|门诊|行|返院|随访|手术|[ \t\u3000]+\d{1,2}:\d{2}(?!\d))/g,
    parse: (m) => ({ mo: +m[1]!, d: +m[3]! }),
    format: (m, _y, mo, d) => {
      const z = zeroStyle(m[1], m[3]);
      return `${two(z, mo)}${m[2]}${two(z, d)}`;
    },
  },
  // 5-Apr-2025, 05-APR-2025 (day, abbreviated month, year with dashes)
  {
    regex: new RegExp(`\\b(\\d{1,2})-${MONTH_RE}-(\\d{4})\\b`, 'gi'),
    parse: (m) => ({
      y: +m[3]!,
      mo: monthIndex(m[2]!.slice(0, 1).toUpperCase() + m[2]!.slice(1).toLowerCase()),
      d: +m[1]!,
    }),
    format: (m, y, mo, d) => {
      const name = monthName(m[2]!, mo);
      const month = m[2] === m[2]!.toUpperCase() ? name.toUpperCase() : name;
      return `${m[1]!.length === 2 ? two(true, d) : d}-${month}-${y}`;
    },
  },
  // 上周四（11/27）: month/day after a Chinese weekday
  {
    regex: /(?=\d{1,2}\/)(?<=(?:周|星期|礼拜)[一二三四五六日天][（(]?)(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    parse: (m) => ({ mo: +m[1]!, d: +m[2]! }),
    format: (m, _y, mo, d) => {
      const z = usStyle(m[1]!, m[2]!);
      return `${two(z, mo)}/${two(z, d)}`;
    },
  },
];

function ordinal(d: number): string {
  if (d % 100 >= 11 && d % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3))) + 1;
}

export interface FoundDate extends PhiSpan {
  form: number;
  y?: number;
  mo: number;
  d?: number;
}

const valid = (y: number, mo: number, d: number | undefined) => {
  if (mo < 1 || mo > 12) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= last;
};

/** Dates in a text (the earlier form wins where two overlap). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  FORMS.forEach((form, index) => {
    form.regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.regex.exec(text))) {
      const parts = form.parse(m);
      const start = m.index;
      const end = start + m[0].length;
      if (!parts || !valid(parts.y ?? NO_YEAR, parts.mo, parts.d)) continue;
      if (parts.y !== undefined && (parts.y < 1880 || parts.y > 2200)) continue;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.push({ category: 'DATE', start, end, text: m[0], form: index, ...parts });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

const DAY = 86_400_000;

/**
 * A month-precision date moves by one whole month in the direction of the shift (exactly invertible): it must
 * change whatever the shift (a "Feb 2025" left as written next to shifted day dates is an undisguised date).
 */
const monthDelta = (days: number) => (days > 0 ? 1 : days < 0 ? -1 : 0);

function shifted(date: FoundDate, days: number): Date {
  if (date.d === undefined) return new Date(Date.UTC(date.y ?? NO_YEAR, date.mo - 1 + monthDelta(days), 1));
  return new Date(Date.UTC(date.y ?? NO_YEAR, date.mo - 1, date.d) + days * DAY);
}

/** Shifts one parsed date by `days` and writes it in its original shape. */
export function shiftDate(date: FoundDate, days: number): string {
  const form = FORMS[date.form]!;
  const m = new RegExp(form.regex.source, form.regex.flags.replace('g', '')).exec(date.text);
  if (!m) return date.text;
  const t = shifted(date, days);
  return form.format(m, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The year a date lands in after a shift (undefined for dates written without a year). */
export function shiftedYear(date: FoundDate, days: number): number | undefined {
  return date.y === undefined ? undefined : shifted(date, days).getUTCFullYear();
}

/** Rewrites every date in a text shifted by `days` (used to shift answers back). */
export function shiftDatesIn(text: string, days: number): string {
  if (days === 0 || !/[\d〇零一二三四五六七八九十]/.test(text)) return text;
  const dates = findDates(text);
  if (dates.length === 0) return text;
  let out = '';
  let last = 0;
  for (const date of dates) {
    out += text.slice(last, date.start) + shiftDate(date, days);
    last = date.end;
  }
  return out + text.slice(last);
}

/**
 * Chooses the request's shift: a non-zero offset within ±maxDays that keeps the year of every dated
 * mention (Safe Harbor keeps the year), picked by `seed`. When no offset keeps every year (dates near
 * New Year on both sides), the smallest-magnitude offsets are tried in order and the year may move.
 */
export function chooseShift(dates: readonly FoundDate[], seed: number, maxDays = 30): number {
  const candidates: number[] = [];
  for (let d = 1; d <= maxDays; d++) candidates.push(d, -d);
  const keeping = candidates.filter((s) =>
    dates.every((date) => shiftedYear(date, s) === (date.y ?? undefined)),
  );
  const pool = keeping.length ? keeping : candidates;
  return pool[Math.abs(Math.trunc(seed)) % pool.length]!;
}

/** The end of a text that could still be (part of) a date: weekday, day, month name, digits (also Chinese numerals) and separators. */
const DATE_TAIL = new RegExp(
  `(?:\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)[a-z]*,?\\s*)?(?:\\b\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s*)?[\\d${CN_DIGITS}零十年月日号旬初底末上中下/.,\\s-]*$`,
);
const WORD_TAIL = /\b[A-Z][a-z]{0,8}$/;
/** Where a date can start: a digit (also a Chinese numeral) or a capital (month, weekday). */
const DATE_LEAD = new RegExp(`[\\d${CN_DIGITS}零十A-Z]`);

/**
 * Streaming: the index from which the end of `text` could still be (part of) a date — held back until the
 * next chunk so that a date split across chunks (`born 7 Ju` + `ly 1975`, `二〇二六年十` + `月五日`) is shifted
 * back whole. Never more than 40 characters.
 */
export function dateTailStart(text: string): number {
  const word = WORD_TAIL.exec(text);
  let start = text.length;
  if (word && MONTHS.concat(WEEKDAYS).some((m) => m.startsWith(word[0]))) {
    // A month/weekday prefix, and the day (and weekday) written before it: "born 7 Ju", "Monday, 3 Ma".
    const before = DATE_TAIL.exec(text.slice(0, word.index));
    const lead = before ? before[0].search(DATE_LEAD) : -1;
    start = before && lead !== -1 ? before.index + lead : word.index;
  } else {
    const tail = DATE_TAIL.exec(text);
    const lead = tail ? tail[0].search(DATE_LEAD) : -1;
    if (!tail || lead === -1) return text.length;
    start = tail.index + lead; // at a digit or a month/weekday word, not at leading separators
  }
  return Math.max(start, text.length - 40);
}
