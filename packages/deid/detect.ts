/**
 * Finds every identifier in a set of texts that belong together (one request, one record). Pure.
 * 1. each recognizer proposes spans (numbers and codes, dates, ages over 89, names, addresses, employers);
 * 2. values of names and codes found anywhere are looked for everywhere (a name found after 患者 is also
 *    hidden where it stands alone, in any text of the set), with caller-supplied names and identifiers;
 * 3. overlapping spans are merged (the longest names the category).
 */
import { findDates } from './dates.ts';
import { findOldAges } from './recognizers/ages.ts';
import { findAddresses } from './recognizers/addresses.ts';
import { collect } from './recognizers/collect.ts';
import { findEmployers } from './recognizers/employers.ts';
import { familyNameOf, findEnglishNames, givenNameOf, isGivenNameWord } from './recognizers/en-names.ts';
import { numberRules } from './recognizers/numbers.ts';
import { applySafetyNet } from './recognizers/safety-net.ts';
import { findChineseNames } from './recognizers/zh-names.ts';
import { findPositionedNames } from './recognizers/zh-person-positions.ts';
import { findNamesAnywhere } from './recognizers/zh-names-anywhere.ts';
import { findRecallDates } from './recognizers/dates-recall.ts';
import { findRecallPlaces } from './recognizers/places-recall.ts';
import { findRecallEmployers } from './recognizers/employers-recall.ts';
import { findRecallEnglishNames } from './recognizers/en-recall.ts';
import { findPinyinNames } from './recognizers/en-pinyin.ts';
import { findStructuralNames } from './recognizers/names-round10.ts';
import { findRound10Dates } from './recognizers/dates-round10.ts';
import { round10CodeRules } from './recognizers/codes-round10.ts';
import { findRound10Places } from './recognizers/places-round10.ts';
import { findRound11ChineseNames } from './recognizers/round11-zh.ts';
import { findRound11ChinesePlaces } from './recognizers/round11-zh-places.ts';
import { findRound11English } from './recognizers/round11-en.ts';
import { findRound12 } from './recognizers/round12.ts';
import { findRound13 } from './recognizers/round13.ts';
import { findPersonFields } from './recognizers/person-fields.ts';
import { findRound15 } from './recognizers/round15.ts';
import { findRound15Dates } from './recognizers/round15-dates.ts';
import { addInitials, relatedNameSpans } from './recognizers/round15-related.ts';
import { addPinyinForms, listNameSpans } from './recognizers/round16-related.ts';
import { findFieldValueNames } from './recognizers/round16-en-words.ts';
import { PROPAGATED, type KnownIdentifiers, type PhiCategory, type PhiSpan } from './types.ts';
import { execAll } from './recognizers/collect.ts';

/** Options of a detection: `safetyNet` (default on: cloud targets and exports; may be off for a local model). */
export interface DetectOptions {
  safetyNet?: boolean;
}

/** Spans proposed by the recognizers for one text (before propagation and merging). */
export function recognize(text: string, options: DetectOptions = {}): PhiSpan[] {
  const out: PhiSpan[] = [];
  // Which scripts the text holds, tested once (speed).
  const zh = /[\u4e00-\u9fa5]/.test(text);
  const latinName = /[A-Z][a-z]/.test(text);
  collect(text, numberRules, out);
  for (const date of findDates(text))
    out.push({ category: 'DATE', start: date.start, end: date.end, text: date.text });
  findOldAges(text, out);
  if (zh) findChineseNames(text, out);
  if (latinName) findEnglishNames(text, out);
  findAddresses(text, out);
  findEmployers(text, out);
  if (options.safetyNet !== false) {
    // Round 8: generic Chinese names in person positions (recall-first, like the net).
    if (zh) {
      findPositionedNames(text, out);
      findNamesAnywhere(text, out); // round 9: names on word boundaries anywhere
    }
    applySafetyNet(text, out);
    findRecallDates(text, out);
    findRecallPlaces(text, out);
    findRecallEmployers(text, out); // round 9: employers without a suffix
    if (latinName) findRecallEnglishNames(text, out);
    if (/[A-Z][a-zA-Z]/.test(text)) findPinyinNames(text, out); // round 9: pinyin names
    findStructuralNames(text, out); // round 10: table columns, staff fields, relations
    findRound10Dates(text, out); // round 10: Minguo dates, day before a time of day, ages in traditional
    collect(text, round10CodeRules, out); // round 10: HK ID cards, TW phones, share paths, plates, LINE
    findRound10Places(text, out); // round 10: traditional and foreign addresses, employers
    // Round 11: names after roles, aliases, line heads; places, employers, phones and dates by structure.
    if (zh) {
      findRound11ChineseNames(text, out);
      findRound11ChinesePlaces(text, out);
    }
    if (/[A-Za-z]/.test(text)) findRound11English(text, out);
    findRound12(text, out); // round 12: days before a visit word, dated notes, apposed and passive names
    findRound13(text, out); // round 13: tables by header, person positions, names by shape, month/day dates
    findPersonFields(text, out); // round 14: person fields by the shape of their label (recall first)
    findRound15(text, out); // round 15: chat speakers, short phones, address chains
    findRound15Dates(text, out); // round 15: month-days in dated notes, holidays, spoken dates
    if (latinName) findFieldValueNames(text, out); // round 16: field values whose surname is no English word
  }
  return out;
}

const LATIN = /[A-Za-z0-9]/;
const NAME_CATEGORIES = new Set<PhiCategory>(['PATIENT_NAME', 'RELATIVE_NAME', 'CLINICIAN_NAME']);
/** Among spans covering the same text, the more specific category wins. */
const RANK: PhiCategory[] = [
  'IDENTIFIER',
  'ID_CARD',
  'SSN',
  'PASSPORT',
  'MRN',
  'ADMISSION_NO',
  'INSURANCE_NO',
  'LICENSE_NO',
  'ACCOUNT_NO',
  'VEHICLE',
  'DEVICE',
  'EMAIL',
  'URL',
  'IP',
  'WECHAT',
  'QQ',
  'FAX',
  'PHONE',
  'ZIP',
  'DATE',
  'AGE',
  'CLINICIAN_NAME',
  'RELATIVE_NAME',
  'PATIENT_NAME',
  'EMPLOYER',
  'ADDRESS',
];

/** Values to look for everywhere, from the recognised spans and the caller. */
export function valuesToPropagate(
  spans: readonly PhiSpan[],
  known: KnownIdentifiers = {},
): Map<string, PhiCategory> {
  const values = new Map<string, PhiCategory>();
  const add = (value: string, category: PhiCategory) => {
    const v = value.trim();
    const min = LATIN.test(v) ? 3 : 2;
    if (v.length >= min && !values.has(v)) values.set(v, category);
  };
  for (const name of known.names ?? []) {
    add(name, 'PATIENT_NAME');
    const family = familyNameOf(name.trim());
    if (family) add(family, 'PATIENT_NAME');
    const given = LATIN.test(name.trim()) ? givenNameOf(name.trim()) : undefined;
    if (given) add(given, 'PATIENT_NAME');
  }
  for (const identifier of known.identifiers ?? []) add(identifier, 'IDENTIFIER');
  for (const span of spans) {
    if (!PROPAGATED.has(span.category)) continue;
    add(span.text, span.category);
    // A transliterated name (玛丽亚·冈萨雷斯) is also written by its parts (冈萨雷斯女士).
    if (NAME_CATEGORIES.has(span.category) && /[·•・]/.test(span.text))
      for (const part of span.text.split(/[·•・]/)) if (part.length >= 2) add(part, span.category);
    if (NAME_CATEGORIES.has(span.category) && LATIN.test(span.text)) {
      const family = familyNameOf(span.text);
      if (family) add(family, span.category);
      const given = givenNameOf(span.text);
      if (given) add(given, span.category);
    }
  }
  return values;
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex finding every occurrence of the values (latin values on word boundaries). */
export function occurrencesRegex(values: ReadonlyMap<string, PhiCategory>): RegExp | undefined {
  if (values.size === 0) return undefined;
  const source = [...values.keys()]
    .sort((a, b) => b.length - a.length)
    .map(
      (v) =>
        `${LATIN.test(v[0]!) ? '(?<![A-Za-z0-9])' : ''}${escapeRegex(v)}${LATIN.test(v[v.length - 1]!) ? '(?![A-Za-z0-9])' : ''}`,
    )
    .join('|');
  return new RegExp(source, 'g');
}

/** Merges overlapping spans; the longest span's category wins (ties: the more specific one). */
export function mergeSpans(text: string, spans: PhiSpan[]): PhiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhiSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (!last || span.start >= last.end) {
      out.push({ ...span });
      continue;
    }
    const lastLen = last.end - last.start;
    const spanLen = span.end - span.start;
    if (
      spanLen > lastLen ||
      (spanLen === lastLen && RANK.indexOf(span.category) < RANK.indexOf(last.category))
    )
      last.category = span.category;
    if (span.end > last.end) last.end = span.end;
    last.text = text.slice(last.start, last.end);
  }
  return out;
}

/**
 * A family name known anywhere in the set ("Mr. Alvarez") makes the capitalised word before it a given name
 * ("Jorge Alvarez", also "Jorge" alone); a Chinese full name (surname + two characters) makes its given name
 * a name where it stands before a verb of speech or report ("秀梅说").
 */
function addRelatedNames(texts: readonly string[], values: Map<string, PhiCategory>): void {
  const families = [...values].filter(([v, c]) => NAME_CATEGORIES.has(c) && /^[A-Z][A-Za-z'’-]{2,}$/.test(v));
  for (const [family, category] of families) {
    const regex = new RegExp(`\\b([A-Z][a-z]+)[ \\t]+(?:[A-Z]\\.[ \\t]+)?${escapeRegex(family)}\\b`, 'g');
    for (const text of texts) {
      if (!text.includes(family)) continue;
      for (const m of execAll(regex, text)) {
        if (!isGivenNameWord(m[1]!)) continue;
        if (!values.has(m[0])) values.set(m[0], category);
        if (!values.has(m[1]!)) values.set(m[1]!, category);
      }
    }
  }
}

/** What follows a given name standing alone: a verb of speech or report, a day word, a relation (sticky). */
const GIVEN_FOLLOW = /说|诉|自诉|自述|称|讲|问|答|表示|觉得|认为|今|昨|的[母父女子丈妻]/y;
const CJK_CHAR = /[\u4e00-\u9fa5]/;

/**
 * Given names of Chinese full names, found where they stand alone before a verb ("秀梅说", "秀梅诉"). Searched
 * with indexOf and one sticky regex (no regex compiled per name: speed, round 6).
 */
function givenNameSpans(text: string, values: ReadonlyMap<string, PhiCategory>): PhiSpan[] {
  const out: PhiSpan[] = [];
  for (const [value, category] of values) {
    if (!NAME_CATEGORIES.has(category) || value.length !== 3 || !/^[\u4e00-\u9fa5]{3}$/.test(value)) continue;
    const given = value.slice(1);
    for (let at = text.indexOf(given); at !== -1; at = text.indexOf(given, at + 1)) {
      if (at > 0 && CJK_CHAR.test(text[at - 1]!)) continue;
      GIVEN_FOLLOW.lastIndex = at + given.length;
      if (GIVEN_FOLLOW.test(text)) out.push({ category, start: at, end: at + given.length, text: given });
    }
  }
  return out;
}

/** Identifiers in each text of a set, propagated across the set and merged. */
export function detectPhiInTexts(
  texts: readonly string[],
  known: KnownIdentifiers = {},
  options: DetectOptions = {},
): PhiSpan[][] {
  const proposed = texts.map((text) => recognize(text, options));
  const values = valuesToPropagate(proposed.flat(), known);
  addRelatedNames(texts, values);
  if (options.safetyNet !== false) {
    addInitials(texts, values); // round 15: initials beside found names
    addPinyinForms(texts, values); // round 16: pinyin initials and spellings of found Chinese names
  }
  for (let i = 0; i < texts.length; i++) {
    proposed[i]!.push(...givenNameSpans(texts[i]!, values));
    // Round 15: short forms of found names (legends, given names standing alone).
    if (options.safetyNet !== false) {
      proposed[i]!.push(...relatedNameSpans(texts[i]!, values));
      proposed[i]!.push(...listNameSpans(texts[i]!, values)); // round 16: the other items of a person list
    }
  }
  const regex = occurrencesRegex(values);
  return texts.map((text, i) => {
    const spans = proposed[i]!;
    if (regex) {
      regex.lastIndex = 0;
      for (const m of execAll(regex, text)) {
        spans.push({ category: values.get(m[0])!, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
    return mergeSpans(text, spans);
  });
}

/** Identifiers in one text. */
export function detectPhi(
  text: string,
  known: KnownIdentifiers = {},
  options: DetectOptions = {},
): PhiSpan[] {
  return detectPhiInTexts([text], known, options)[0]!;
}
