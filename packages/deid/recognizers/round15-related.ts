/**
 * Round 15 (issue 18), recall first: short forms of a name already found in the record (after propagation's
 * values are known, before their occurrences are looked for; docs/notes/deid-round15-2026-12-08.md).
 * 1. Initials beside a found name: in brackets right after it (岑秋燕（CQY）, P. Okafor (PO)) or joined to it by a
 *    slash (GXM/耿晓敏); they become values looked for everywhere in the record.
 * 2. Initials of a found English name of two or three words (Harriet Quenby → HQ), where they stand alone in
 *    upper case; clinical abbreviations excepted (CT, MR, BP …).
 * 3. Short forms a legend defines (柏=柏雨桐): the short form is masked where it stands alone (a table cell, a
 *    field value), never inside a word (森林).
 * 4. The given name of a found Chinese full name (甘雨萱 → 雨萱) where it stands alone, when it is no dictionary
 *    word (a word such as 建国 is left to the verb rule of detect.ts).
 * Pure (the dictionary is read once, lazily; see zh-words.ts).
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { NOT_NAMES } from './en-name-words.ts';
import { surnameOf } from './zh-name-model.ts';
import { isCommonWord, isWord2 } from './zh-words.ts';

const NAME_CATEGORIES = new Set<PhiCategory>(['PATIENT_NAME', 'RELATIVE_NAME', 'CLINICIAN_NAME']);
/** Upper-case abbreviations of medicine and notes that are never taken as someone's initials. */
const CLINICAL_ABBREVIATIONS = new Set(
  (
    'CT MR MRI BP HR RR PE MI RA GP ED ER IV IM SC PO OR DM HF AF CK TB UA NS LP PT OT ST RN MD DO NP PA ' +
    'CC HPI ROS CHF CKD COPD ICU CCU OK NA HB HBA CBC BMP LFT INR TSH ECG EKG EEG ENT OB GI GU UK US USA ' +
    'AM PM ID NO CV DR MS MA BS BID TID QID QD PRN SL IN ON AT TO OF IT IS AS BE BY HE WE ME MY SO UP'
  ).split(' '),
);
const INITIALS = '(?:[A-Z]{2,4}|(?:[A-Z]\\.){2,3})';
/** 1. Initials in brackets after a name, or before a slash and a name. */
const BRACKETED_INITIALS = new RegExp(`[（(][ \\t]*(${INITIALS})[ \\t]*[）)]`, 'dg');
const SLASHED_INITIALS = new RegExp(`(?<![A-Za-z0-9])(${INITIALS})[ \\t]*[/／][ \\t]*(?=\\S)`, 'dg');
/** 3. A legend: a short form, an equals sign, a full name (柏=柏雨桐, Dr K = Dr Khan). */
const LEGEND =
  /(?<![\u4e00-\u9fa5A-Za-z])([\u4e00-\u9fa5]{1,2}|[A-Z]{1,3})[ \t]*[=＝][ \t]*([\u4e00-\u9fa5]{2,4})/dg;

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Found names of the record, longest first. */
function foundNames(values: ReadonlyMap<string, PhiCategory>): [string, PhiCategory][] {
  return [...values].filter(([, c]) => NAME_CATEGORIES.has(c)).sort((a, b) => b[0].length - a[0].length);
}

function nameEndingAt(text: string, end: number, names: readonly [string, PhiCategory][]) {
  const before = text.slice(Math.max(0, end - 40), end).replace(/[ \t]+$/, '');
  return names.find(([name]) => before.endsWith(name));
}
function nameStartingAt(text: string, start: number, names: readonly [string, PhiCategory][]) {
  const after = text.slice(start, start + 40);
  return names.find(([name]) => after.startsWith(name));
}

/**
 * Initials that can stand for the name: one letter per character of a Chinese name (韦丹 WD), or the first
 * letters of an English name's first and last words (S. Mbeki SM; not Dr. Gupta (IR), Abernathy (NICU)).
 */
function initialsFit(initials: string, name: string): boolean {
  const letters = initials.replace(/\./g, '');
  if (/^[\u4e00-\u9fa5]+$/.test(name)) return letters.length === name.length;
  const words = name.split(/[ \t]+/).filter((w) => /^[A-Z]/.test(w));
  if (words.length < 2) return false;
  return letters[0] === words[0]![0] && letters[letters.length - 1] === words[words.length - 1]![0];
}

/** 1 and 2: initials to look for everywhere in the record, added to `values`. */
export function addInitials(texts: readonly string[], values: Map<string, PhiCategory>): void {
  const names = foundNames(values);
  if (names.length === 0) return;
  const add = (initials: string, category: PhiCategory) => {
    if (CLINICAL_ABBREVIATIONS.has(initials.replace(/\./g, '')) || values.has(initials)) return;
    values.set(initials, category);
  };
  for (const text of texts) {
    if (!/[A-Z]{2}|[A-Z]\.[A-Z]/.test(text)) continue;
    for (const m of execAll(BRACKETED_INITIALS, text)) {
      const found = nameEndingAt(text, m.index, names);
      if (found && initialsFit(m[1]!, found[0])) add(m[1]!, found[1]);
    }
    for (const m of execAll(SLASHED_INITIALS, text)) {
      const found = nameStartingAt(text, m.index + m[0].length, names);
      if (found && initialsFit(m[1]!, found[0])) add(m[1]!, found[1]);
    }
  }
  // 2. Initials of an English name of two or three capitalised words (or an initial and a surname).
  const all = texts.join('\n');
  for (const [name, category] of names) {
    const words = name.split(/[ \t]+/);
    if (words.length < 2 || words.length > 3) continue;
    if (!words.every((w) => /^[A-Z](?:\.|[a-z'’-]+|[A-Z'’-]+)$/.test(w) && !NOT_NAMES.has(w))) continue;
    const initials = words.map((w) => w[0]).join('');
    if (CLINICAL_ABBREVIATIONS.has(initials) || values.has(initials)) continue;
    if (new RegExp(`(?<![A-Za-z0-9])${escapeRegex(initials)}(?![A-Za-z0-9])`).test(all))
      values.set(initials, category);
  }
}

/** 3 and 4: spans of legend short forms and of given names standing alone, in one text. */
export function relatedNameSpans(text: string, values: ReadonlyMap<string, PhiCategory>): PhiSpan[] {
  const out: PhiSpan[] = [];
  if (!/[\u4e00-\u9fa5]/.test(text)) return out;
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  // 3. Legends: the short form is a prefix of the full name, or the full name is a name of the record.
  if (/[=＝]/.test(text))
    for (const m of execAll(LEGEND, text)) {
      const [short, full] = [m[1]!, m[2]!];
      const known = values.get(full);
      if (!known && !(surnameOf(full) && full.startsWith(short))) continue;
      if (short.length > 1 && isCommonWord(short)) continue;
      const category = known ?? 'CLINICIAN_NAME';
      add(...m.indices![2]!, category);
      // Every standalone occurrence of the short form (no letter or Han character on either side).
      const alone = new RegExp(
        `(?<![\\u4e00-\\u9fa5A-Za-z])${escapeRegex(short)}(?![\\u4e00-\\u9fa5A-Za-z])`,
        'g',
      );
      for (const o of execAll(alone, text)) add(o.index, o.index + short.length, category);
    }
  // 4. Given names of found full names (surname of one character and two name characters).
  for (const [value, category] of values) {
    if (!NAME_CATEGORIES.has(category) || !/^[\u4e00-\u9fa5]{3}$/.test(value)) continue;
    if (surnameOf(value)?.length !== 1) continue;
    const given = value.slice(1);
    if (isWord2(given) || isCommonWord(given)) continue;
    for (let at = text.indexOf(given); at !== -1; at = text.indexOf(given, at + 1))
      add(at, at + given.length, category);
  }
  return out;
}
