/**
 * Recall-first safety net (round 7, issue 18), run after the specific recognizers for cloud targets and
 * exports: shapes that are identifiers far more often than medical meaning, whatever cue (or none) stands
 * before them. A candidate inside a span already found is dropped; one overlapping a date is dropped (the date
 * keeps its shift); others are added and merged (a card number found by its first group grows to the whole).
 * 1. a run of ≥ 6 digits with one kind of separator (space - . /), brackets and an extension around it, that
 *    is not a measurement (no unit after it) → IDENTIFIER;
 * 2. a token mixing letters and ≥ 4 digits (ZY0088213, A1234567) that is not a dose (1000mg), an ICD-10 code
 *    (letter + ≤ 4 digits, E11.9) or in a small allow-list of public codes (NCT, ISO, GB) → IDENTIFIER;
 * 3. day-month dates the date reader leaves: an English month word with any separator (3-Mar, Mar.3), and
 *    numeric day/month before a time of day (3/9 下午) → DATE. A bare dotted 10.12 is left: a lab value as often.
 * 4. (en) two or three capitalised words after a person cue (reviewed/seen/signed … by, signed, cc:, To:,
 *    From:, Name:, Nurse, Mr/Ms/Dr)
 *    that are neither never-name words nor clinical words (en-name-words.ts) → PATIENT_NAME.
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { execAll } from './collect.ts';

/** Units after a number that make it a measurement, not an identifier. */
const UNIT_AFTER =
  /^\s*(?:[mμu]?(?:g|mol|L|l)\b|mg|mcg|μg|ug|mmol|μmol|umol|mL|ml|kg|cm|mm|mmHg|kPa|Pa|IU|U\b|kcal|cal|bpm|%|‰|次|个|例|步|张|盒|瓶|包|岁|天|周|月|年|元|万|亿|人|名|片|粒|支|克|毫|千|斤|公|米|分|秒|小时|times|steps|patients|cases|cells|copies|units|mg\/|×|x\s*10|\^|\/\s*[A-Za-zμ])/;
/**
 * Digits with one kind of separator, brackets and an extension allowed (rule 1); a wide gap (two spaces or more)
 * separates a table's columns, not groups of one number (round 10: "91    13800000000").
 */
const DIGIT_RUN =
  /(?<![\dA-Za-z.,])(?:[(（]\d{2,4}[)）]\s?)?\d(?:[\d\-./]| (?! ))*\d(?:\s*(?:ext\.?|x|转|分机)\s*\d{1,5})?(?![\dA-Za-z])/dg;
/** A character of a token mixing letters and digits (rule 2); tokens are grown from their digits (speed). */
const TOKEN_CHAR = /[A-Za-z0-9-]/;
/** A device or form model (AU5800, HEM-9200T, CMS-1500): letters, four digits not starting with 0. */
const MODEL = /^[A-Za-z]{2,4}-?[1-9]\d{3}[A-Za-z]{0,2}$/;
const ICD10 = /^[A-Z]\d{2}(?:\.\d{1,2})?$/;
const DOSE = /^\d+(?:\.\d+)?(?:[-~]\d+(?:\.\d+)?)?-?(?:[a-zA-Zμ]{1,5})$/;
const TNM = /^[cpy]?T[\dis]/;
const PUBLIC_CODE =
  /^(?:NCT\d{8}|ACTRN\d+|ChiCTR[\w-]+|ISRCTN\d+|ISO\d+|GB\d+|IEC\d+|ICD\d+|HL7|FHIR|COVID-?19|SARS-?CoV-?2|H\d+N\d+)$/i;
const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)';
const EN_DAY_MONTH = new RegExp(
  `(?<![A-Za-z0-9])(?:(?:0?[1-9]|[12]\\d|3[01])[-./ ]?${MONTH_WORD}\\.?|${MONTH_WORD}[-./]\\s?(?:0?[1-9]|[12]\\d|3[01]))(?![A-Za-z0-9])`,
  'dg',
);
const NUM_DAY_MONTH =
  /(?<![\d.\-/:：])\d{1,2}[./-]\d{1,2}(?![\d:：])(?=\s*(?:上午|下午|晚上|早上|凌晨|中午|\d{1,2}[:：]\d{2}))/dg;

/**
 * Two numbers that read as a reading, range or ratio, not a code: 180/100 (blood pressure), 2009-2010 and
 * 1997-98 (years), 327/680 and 751-1000 (a count of a total, a range: the first is the smaller and shorter).
 */
function isRangeOrRatio(core: string): boolean {
  const groups = core.split(/[\s\-./]/);
  if (groups.length !== 2) return false;
  const [a, b] = groups as [string, string];
  if (a.length <= 3 && b.length <= 3) return true;
  if (/^(?:19|20)\d\d$/.test(a) && (/^(?:19|20)\d\d$/.test(b) || b.length === 2)) return true;
  return a.length < b.length && b.length <= 5 && Number(a) < Number(b);
}

function digitRunIsIdentifier(value: string, text: string, end: number): boolean {
  if (value.length < 6) return false; // fewer than six digits (speed: most runs are short values)
  const digits = value.replace(/\D/g, '').length;
  if (digits < 6) return false;
  const core = value.replace(/(?:\s*(?:ext\.?|x|转|分机)\s*\d{1,5})$/, '').replace(/^[(（]\d+[)）]\s?/, '');
  const kinds = new Set(core.replace(/\d/g, ''));
  if (kinds.size > 1) return false;
  if (isRangeOrRatio(core)) return false;
  if (kinds.has('.') && /^\d{1,3}\.\d+$/.test(core)) return false; // a decimal
  if (UNIT_AFTER.test(text.slice(end, end + 12))) return false;
  if (/(?:per|every|\/)\s*$/i.test(text.slice(Math.max(0, end - value.length - 6), end - value.length)))
    return false;
  return true;
}

function mixedIsIdentifier(value: string, text: string, end: number): boolean {
  if (value.length < 5) return false; // four digits and a letter at least (speed)
  if (!/[A-Za-z]/.test(value) || (value.match(/\d/g)?.length ?? 0) < 4) return false;
  if (ICD10.test(value) || DOSE.test(value) || PUBLIC_CODE.test(value)) return false;
  if (MODEL.test(value)) return false;
  if (TNM.test(value) && /N[\dx]/.test(value)) return false; // a TNM stage (pT2-3bN0-1M0)
  if (/^\d{4}[A-Za-z]{1,3}$/.test(value) && /^(?:s|AD|BC|CE|Q\d)$/.test(value.slice(4))) return false;
  return !UNIT_AFTER.test(text.slice(end, end + 8)) || /[A-Za-z]\d/.test(value);
}

/** Two capitalised words after a person cue (rule 4, en): "reviewed by Jonah Pell", "cc: Ravi Osei". */
const EN_PERSON =
  /(?:\b(?:(?:reviewed|seen|signed|dictated|written|examined|entered|approved|verified|reported|transcribed|countersigned)[ \t]+by|[Ss]igned|cc:|CC:|Cc:|To:|From:|Name:|Nurse|Mr|Mrs|Ms|Dr)\.?:?[ \t]+)([A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})\b/dg;

const isPersonWord = (word: string) => !NOT_NAMES.has(word) && !CLINICAL_WORD.test(word);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds the safety net's spans to `out` (the spans the specific recognizers proposed). */
export function applySafetyNet(text: string, out: PhiSpan[]): void {
  const found = out.slice();
  const add = (category: PhiSpan['category'], start: number, end: number) => {
    const candidate = { start, end };
    for (const span of found) {
      if (span.start <= start && span.end >= end) return;
      if (span.category === 'DATE' && overlaps(span, candidate)) return;
    }
    out.push({ category, start, end, text: text.slice(start, end) });
  };
  if (/[A-Z][a-z]+[ \t]+[A-Z][a-z]/.test(text))
    for (const m of execAll(EN_PERSON, text)) {
      if (!m[1]!.split(/[ \t]+/).every(isPersonWord)) continue;
      const [start, end] = m.indices![1]!;
      add('PATIENT_NAME', start, end);
    }
  if (/\d/.test(text)) {
    for (const m of execAll(DIGIT_RUN, text)) {
      const start = m.indices![0]![0];
      let end = m.indices![0]![1];
      let value = text.slice(start, end);
      while (/[\s\-./]$/.test(value)) value = value.slice(0, -1);
      end = start + value.length;
      if (digitRunIsIdentifier(value, text, end)) add('IDENTIFIER', start, end);
    }
    if (/[A-Za-z]/.test(text)) {
      let after = 0;
      for (const m of execAll(/\d+/g, text)) {
        if (m.index < after) continue;
        let start = m.index;
        let end = start + m[0].length;
        while (start > 0 && TOKEN_CHAR.test(text[start - 1]!)) start--;
        while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++;
        while (text[start] === '-') start++;
        while (end > start && text[end - 1] === '-') end--;
        after = end;
        const value = text.slice(start, end);
        if (mixedIsIdentifier(value, text, end)) add('IDENTIFIER', start, end);
      }
    }
    for (const m of execAll(NUM_DAY_MONTH, text)) {
      const [start, end] = m.indices![0]!;
      if (!UNIT_AFTER.test(text.slice(end, end + 8))) add('DATE', start, end);
    }
    if (/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text))
      for (const m of execAll(EN_DAY_MONTH, text)) {
        const [start, end] = m.indices![0]!;
        if (/\d/.test(m[0]) && !UNIT_AFTER.test(text.slice(end, end + 8))) add('DATE', start, end);
      }
  }
}
