/**
 * Blood-pressure values written in words, rewritten into the one form the frame reader parses (a pair "A/B", a
 * bound "≥A/B"): "140 over 90", a target stated per axis ("收缩压降到140以下、舒张压降到90以下", "systolic under
 * 140 and diastolic under 90"), and lower bounds in words ("不低于135/85", "no lower than 120/70", "from 135/85
 * upwards"). Only the wording changes; numbers are never invented.
 */

import { parseNumber } from '@qihuang/clinical-language';

/** Chinese numerals as written in readings ("一百四十六", "九十二", "一百零四", colloquial "一百五"). */
const CN = '[零〇一二两三四五六七八九十百]{2,}';
const CN_PAIR = new RegExp(`(${CN})\\s*(?:/|比)\\s*(${CN})`, 'g');
const CN_AXIS = new RegExp(
  `(收缩压|舒张压|高压|低压|上压|下压)((?:是|为|在|有|达|达到|到了|到|：|:)?\\s*)(${CN})`,
  'g',
);
const plausiblePair = (a?: number, b?: number): boolean =>
  a !== undefined && b !== undefined && a >= 70 && a <= 300 && b >= 40 && b <= 200 && a > b;

const UNIT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEEN_WORDS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TEN_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const W2 = `(?:(?:${TEN_WORDS.join('|')})(?:[- ](?:${UNIT_WORDS.join('|')}))?|${TEEN_WORDS.join('|')})`;
/** "one sixty-two" (read aloud = 162), "a hundred and forty", "one hundred", "ninety-eight". */
const EN_NUMBER = `(?:(?:a|one)\\s+hundred(?:\\s+and)?(?:\\s+(?:${W2}|${UNIT_WORDS.join('|')}))?|one\\s+${W2}|${W2})`;
const EN_PAIR = new RegExp(`\\b(${EN_NUMBER})\\s+over\\s+(${EN_NUMBER})\\b`, 'gi');

const CN_UNIT = new RegExp(`(${CN})(?=\\s*(?:毫米汞柱|mmHg))`, 'g');
const EN_AXIS_AFTER = new RegExp(
  `\\b(${EN_NUMBER})(\\s+(?:mmHg|systolic|diastolic)\\b)(?!\\s+(?:readings?|measurements?|values?|averages?))`,
  'gi',
);
const EN_AXIS_BEFORE = new RegExp(
  `(\\b(?:systolic|diastolic)(?:\\s+(?:pressure|BP|blood pressure))?\\s+(?:of\\s+|is\\s+|at\\s+|above\\s+|below\\s+|under\\s+|over\\s+)?)(${EN_NUMBER})\\b`,
  'gi',
);

function englishNumber(words: string): number | undefined {
  const w = words
    .toLowerCase()
    .replace(/-/g, ' ')
    .replace(/\s+and\b/g, '')
    .split(/\s+/);
  let total = 0;
  let i = 0;
  if ((w[0] === 'a' || w[0] === 'one') && w[1] === 'hundred') {
    total = 100;
    i = 2;
  } else if (w[0] === 'one' && w.length > 1) {
    total = 100; // "one sixty-two"
    i = 1;
  }
  const rest = w.slice(i);
  if (!rest.length) return total || undefined;
  let n = 0;
  for (const x of rest) {
    const ten = TEN_WORDS.indexOf(x);
    const teen = TEEN_WORDS.indexOf(x);
    const unit = UNIT_WORDS.indexOf(x);
    if (ten >= 0) n += (ten + 2) * 10;
    else if (teen >= 0) n += teen + 10;
    else if (unit >= 0) n += unit + 1;
    else return undefined;
  }
  return total + n;
}

/**
 * Readings in number words, rewritten as digits (only where both pressures are plausible, systolic above diastolic):
 * "一百四十六/九十二", "一百四十比九十", "收缩压一百八十二", "one sixty-two over ninety-eight", "a hundred and forty over
 * ninety". Other numbers in words are left alone.
 */
export function numberWords(t: string): string {
  // "收缩压大于等于一百六十毫米汞柱": a numeral with the unit after it is a pressure.
  if (/[十百]/.test(t) && /毫米汞柱|mmHg/i.test(t))
    t = t.replace(CN_UNIT, (m, n: string) => {
      const x = parseNumber(n);
      return x !== undefined && x >= 40 && x <= 300 ? `${x}` : m;
    });
  // "stage two", "grade three": the category number in words.
  if (/\b(?:stage|grade)\s+(?:one|two|three)\b/i.test(t))
    t = t.replace(
      /\b(stage|grade)\s+(one|two|three)\b/gi,
      (_m, w: string, n: string) => `${w} ${{ one: 1, two: 2, three: 3 }[n.toLowerCase() as 'one']}`,
    );
  // "one hundred fifty systolic or ninety-five diastolic", "a systolic of one sixty", "ninety mmHg": a number in words
  // next to its axis word or unit.
  if (/systolic|diastolic|mmHg/i.test(t) && /ty\b|teen\b|hundred|\bten\b|\beleven\b|\btwelve\b/i.test(t))
    t = t
      .replace(EN_AXIS_AFTER, (m, n: string, rest: string) => {
        const x = englishNumber(n);
        return x !== undefined && x >= 40 && x <= 300 ? `${x}${rest}` : m;
      })
      .replace(EN_AXIS_BEFORE, (m, lead: string, n: string) => {
        const x = englishNumber(n);
        return x !== undefined && x >= 40 && x <= 300 ? `${lead}${x}` : m;
      });
  // "≥180 and/or ≥110 mmHg", "≥160和/或≥100": one bound pair "≥180/110" (systolic above diastolic); a bare "或"
  // ("1期…，2期为≥140或≥90") is left to the category reader.
  let out = t.replace(
    // Also "grade 3 starts at 180 and/or 110", "从180和/或110起": the words keep leading the bound pair.
    /(≥|>=|>|\bat least |\b(?:starts?|begins?) (?:at|from) |\bfrom |从)\s*(\d{2,3})(?:\s*mmHg)?\s*(?:and\/or|和\/或)\s*(?:≥|>=|>)?\s*(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)/gi,
    (m, op: string, a: string, b: string) =>
      plausiblePair(Number(a), Number(b)) && Number(a) >= 90 && Number(b) <= 150
        ? `${/^[a-z从]/i.test(op) ? op : ''}${op === '>' ? '>' : '≥'}${a}/${b}`
        : m,
  );
  // "120–129 systolic with a diastolic under 80": the axis word before its value, as the axis reader reads it.
  out = out.replace(
    /(?<![\d/.–-])(\d{2,3}(?:\s*[–-]\s*\d{2,3})?)\s*(?:mmHg\s*)?(systolic|diastolic)\b(?!\s*(?:of|is|was|at|[<>≥≤]|\d))/gi,
    '$2 $1',
  );
  // "≥125/75 mmHg为高", "135/85 以上算高": "high" said of a value is its hypertension threshold ("为高血压").
  out = out.replace(
    /(\d{2,3}\s*\/\s*\d{2,3}\s*(?:mmHg)?\s*(?:及以上|以上)?\s*)(为|算|即为|即算|就算|属于|定义为|视为)\s*(?:偏)?高(?![血值危压])/g,
    '$1$2高血压',
  );
  if (/[十百]/.test(out)) {
    out = out.replace(CN_PAIR, (m, a: string, b: string) => {
      const x = parseNumber(a);
      const y = parseNumber(b);
      return plausiblePair(x, y) ? `${x}/${y}` : m;
    });
    out = out.replace(CN_AXIS, (m, axis: string, link: string, n: string) => {
      const x = parseNumber(n);
      return x !== undefined && x >= 40 && x <= 300 ? `${axis}${link}${x}` : m;
    });
  }
  if (/\bover\b/i.test(out))
    out = out.replace(EN_PAIR, (m, a: string, b: string) => {
      const x = englishNumber(a);
      const y = englishNumber(b);
      return plausiblePair(x, y) ? `${x}/${y}` : m;
    });
  return out;
}

/** A bound to be kept below: the systolic half and the diastolic half must both say it. */
const ZH_BELOW_BEFORE = /降到|降至|控制在|控制到|控制于|降低到|降低至|低于|小于|<|＜/;
const ZH_NOT_BELOW = /≥|>=|>|＞|以上|不低于|超过|高于|大于|[–~～-]\s*$/;

export function bpNumerals(t: string): string {
  return (
    t
      // "140 over 90" (a number pair read aloud).
      .replace(/(?<![\d.])(\d{2,3})\s+over\s+(\d{2,3})(?!\d|\.\d)/gi, '$1/$2')
      // "不低于135/85", "no lower than 120/70": a lower bound.
      .replace(
        /(?:不低于|不小于|不少于|\bno (?:lower|less) than|\bnot (?:lower|less) than)\s*(\d{2,3}\s*\/\s*\d{2,3})/gi,
        '≥$1',
      )
      // "from 135/85 mmHg upwards", "135/85 and upwards".
      .replace(
        /\bfrom\s+(\d{2,3}\s*\/\s*\d{2,3})(\s*mmHg)?\s+(?:upwards?|and up(?:wards?)?|onwards?)\b/gi,
        '≥$1$2',
      )
      // "收缩压控制在150以下、舒张压90以下": one target pair.
      .replace(
        /(收缩压|高压)([^0-9。;；，,、]{0,12}?)(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)\s*(mmHg)?\s*(以下|之下)?\s*[、，,]?\s*(?:和|及|且|并且|同时)?\s*(?:把)?(舒张压|低压)([^0-9。;；，,、]{0,12}?)(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)\s*(?:mmHg)?\s*(以下|之下)?/g,
        (
          m,
          _s,
          w1: string,
          a: string,
          _u,
          b1: string | undefined,
          _d,
          w2: string,
          b: string,
          b2?: string,
        ) => {
          const below1 = !!b1 || ZH_BELOW_BEFORE.test(w1);
          const below2 = !!b2 || ZH_BELOW_BEFORE.test(w2);
          if (!below1 || !below2 || ZH_NOT_BELOW.test(w1) || ZH_NOT_BELOW.test(w2)) return m;
          return `血压${w1}${a}/${b} mmHg${b1 || b2 ? '以下' : ''}`;
        },
      )
      // "systolic under 140 and diastolic under 90", "SBP <150 mmHg and DBP <90 mmHg".
      .replace(
        /\b(?:systolic|SBP)(?:\s+(?:BP|pressure|blood pressure))?\s*(?:of\s+)?(under|below|less than|<)\s*(\d{2,3})(?!\d|\.\d)(?:\s*mmHg)?,?\s*(?:and|with|,)\s*(?:a\s+|the\s+)?(?:diastolic|DBP)(?:\s+(?:BP|pressure|blood pressure))?\s*(?:of\s+)?(?:under|below|less than|<)\s*(\d{2,3})(?!\d|\.\d)/gi,
        (_m, rel: string, a: string, b: string) => `blood pressure ${rel} ${a}/${b}`,
      )
  );
}

/** Chinese number words ("二十", "三百二十", "七十一", "零点五"). */
const CN_ANY = '[零〇一二两三四五六七八九十百千点]+';
const CN_DOSE = new RegExp(`(${CN_ANY})(?=\\s*(?:毫克|mg|微克|μg|mcg))`, 'gi');
const CN_RENAL = new RegExp(
  `(eGFR|GFR|肾小球滤过率|肌酐清除率|CrCl)((?:只有|仅有?|仅为|为|是|约为?|大约|大概|算下来|估算|：|:)?\\s*)(${CN_ANY})`,
  'gi',
);

/**
 * A percentage in words as "N%"; a dose or a renal value in Chinese number words, rewritten as digits: "二十毫克" → "20毫克", "eGFR七十一" → "eGFR71"
 * (the dose and renal rules, REFERENCE §5.1 and §4.3, then read it as if written in digits). Other number words
 * ("一次一片", "三个月") are left alone.
 */
export function doseAndRenalNumberWords(text: string): string {
  // "35 percent", "百分之三十五": a percentage in words is read as "35%" (an ejection fraction, a dip) everywhere.
  const t = !/percent|per\s+cent|百分之/i.test(text)
    ? text
    : text
        .replace(/(\d)\s*(?:percent|per\s+cent)\b/gi, '$1%')
        .replace(/百分之([零一二两三四五六七八九十]+)/g, (m, n: string) => {
          const x = parseNumber(n);
          return x !== undefined ? `${x}%` : m;
        });
  if (!/[一二两三四五六七八九十百千]/.test(t)) return t;
  return t
    .replace(CN_DOSE, (m, n: string) => {
      const x = parseNumber(n);
      return x !== undefined && x > 0 ? String(x) : m;
    })
    .replace(CN_RENAL, (m, name: string, link: string, n: string) => {
      const x = parseNumber(n);
      return x !== undefined && x > 0 && x < 200 ? `${name}${link}${x}` : m;
    });
}
