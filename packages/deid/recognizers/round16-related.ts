/**
 * Round 16 (issue 18): general evidence about names already found in the record (after propagation's values are
 * known, before their occurrences are looked for; docs/notes/deid-round15-2026-12-08.md, "Round 16").
 * 1. Pinyin forms of a found Chinese name (韦丹): its initials in upper case where they stand alone (WD), and its
 *    spelling in either order and any case (Wei Dan, Dan Wei, WEI DAN, Weidan); clinical abbreviations never
 *    (HB, DM …). Read with pinyin-pro's surname mode (单 shan, 曾 zeng), loaded on the first found Chinese name.
 * 2. Person lists: once one item of a list is a found name, every other item of the same shape is a name of the
 *    same category — Chinese items of 2–4 characters starting with a surname between enumeration commas (、),
 *    even dictionary words (高峰, 黎明); English items of as many capitalised words separated by commas, "and"
 *    or "&". Clinical words (the clinical-language lexicon, drug names) and the never-name list excepted.
 * Pure: behaviour is a function of the texts (tables are read once, lazily).
 */
import { createRequire } from 'node:module';
import { LEXICON } from '@qihuang/clinical-language';
import { BUILT_IN_DRUGS } from '@qihuang/drug-knowledge';
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { surnameOf } from './zh-name-model.ts';
import { isEnglishWord } from './en-dictionary.ts';
import { TCM_WORDS } from './zh-words.ts';

const NAME_CATEGORIES = new Set<PhiCategory>(['PATIENT_NAME', 'RELATIVE_NAME', 'CLINICIAN_NAME']);
/** Upper-case abbreviations of medicine and notes that are never taken as a name's initials. */
const CLINICAL_ABBREVIATIONS = new Set(
  (
    'CT MR MRI BP HR RR PE MI RA GP ED ER IV IM SC PO OR DM HF AF CK TB UA NS LP PT OT ST RN MD DO NP PA ' +
    'CC HPI ROS CHF CKD COPD ICU CCU OK NA HB HBA CBC BMP LFT INR TSH ECG EKG EEG ENT OB GI GU UK US USA ' +
    'AM PM ID NO CV DR MS MA BS BID TID QID QD PRN SL IN ON AT TO OF IT IS AS BE BY HE WE ME MY SO UP ' +
    'CP SP DP AB BB CA CR FT GA LA LV RV MV TV AV PR QT SA SB SV VT VF WBC RBC PLT HCT MCV ALT AST GGT ALP ' +
    'LDH BUN CRP ESR PCT BNP EF TC TG HDL LDL OP PI CI CO FE NG NJ OG PEG DVT PFO ASD VSD LAD LCX RCA PCI ' +
    'CABG HD PD AKI ARF ATN SLE RRT HBV HCV HIV NT BMI QC SOP KPI CEO HQ IT PC TV DJ OA RF GFR SCR ' +
    'XL XS XX XY YY ZZ QQ WX WC'
  ).split(' '),
);

type PinyinFn = (text: string, options: Record<string, unknown>) => string[];
let pinyinFn: PinyinFn | undefined;
/** pinyin-pro, loaded on the first found Chinese name (not at import: most users never de-identify). */
function syllables(name: string): string[] {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn(name, { toneType: 'none', type: 'array', surname: 'head', v: false }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ''),
  );
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;

/** 1. Pinyin initials and spellings of found Chinese names, added to `values` where the record holds them. */
export function addPinyinForms(texts: readonly string[], values: Map<string, PhiCategory>): void {
  const all = texts.join('\n');
  if (!/[A-Za-z]{2}/.test(all)) return;
  const names = [...values].filter(
    ([v, c]) => NAME_CATEGORIES.has(c) && HAN_NAME.test(v) && surnameOf(v) !== undefined,
  );
  for (const [name, category] of names) {
    const surname = surnameOf(name)!;
    const parts = syllables(name);
    if (parts.length !== name.length || parts.some((p) => p.length === 0)) continue;
    const family = parts.slice(0, surname.length).join('');
    const given = parts.slice(surname.length).join('');
    // Initials: one letter per character, upper case, standing alone.
    const initials = parts.map((p) => p[0]!.toUpperCase()).join('');
    if (!CLINICAL_ABBREVIATIONS.has(initials) && !values.has(initials)) {
      if (new RegExp(`(?<![A-Za-z0-9])${initials}(?![A-Za-z0-9])`).test(all)) values.set(initials, category);
    }
    // Spellings: family and given name in either order, a space, hyphen or nothing between (any case).
    const spelling = new RegExp(
      `(?<![A-Za-z])(?:${family}[ \\t-]?${given}|${given}[ \\t,]{1,2}${family})(?![A-Za-z])`,
      'gi',
    );
    for (const m of execAll(spelling, all)) if (!values.has(m[0])) values.set(m[0], category);
  }
}

let clinicalZh: Set<string> | undefined;
let clinicalEn: Set<string> | undefined;
function buildClinical(): void {
  clinicalZh = new Set();
  clinicalEn = new Set();
  for (const concept of LEXICON) {
    for (const form of concept.zh) clinicalZh.add(form);
    for (const form of concept.en) for (const word of form.split(/\s+/)) clinicalEn.add(word.toLowerCase());
  }
  for (const word of TCM_WORDS.split(' ')) clinicalZh.add(word);
  for (const drug of BUILT_IN_DRUGS) {
    clinicalZh.add(drug.names.zh);
    clinicalEn.add(drug.names.en.toLowerCase());
    for (const brand of drug.brands ?? []) {
      if (brand.zh) clinicalZh.add(brand.zh);
      if (brand.en) clinicalEn.add(brand.en.toLowerCase());
    }
    for (const synonym of drug.synonyms ?? [])
      (/[A-Za-z]/.test(synonym) ? clinicalEn : clinicalZh).add(synonym);
  }
}
const isClinicalZh = (item: string) => {
  if (!clinicalZh) buildClinical();
  return clinicalZh!.has(item);
};
export const isClinicalEn = (word: string) => {
  if (!clinicalEn) buildClinical();
  return clinicalEn!.has(word.toLowerCase()) || CLINICAL_WORD.test(word) || NOT_NAMES.has(word);
};

/** A Chinese list item: 2–4 characters (a compound surname for 4) led by a surname, no clinical word. */
function zhItemIsName(item: string): boolean {
  if (item.length < 2 || item.length > 4) return false;
  const surname = surnameOf(item);
  if (!surname || (item.length === 4 && surname.length !== 2)) return false;
  return !isClinicalZh(item);
}

const ZH_RUN_BEFORE = /[\u4e00-\u9fa5]{1,5}$/;
const ZH_RUN_AFTER = /^[\u4e00-\u9fa5]{1,5}/;
/**
 * The Chinese items of a list around the found name at [start, end): run, enumeration comma, run … A list holding
 * a clinical item (徐长卿、杜仲: herbs that read like names) is no person list: nothing is added.
 */
function zhListSpans(text: string, start: number, end: number, category: PhiCategory, out: PhiSpan[]): void {
  const items: PhiSpan[] = [];
  // Right: 、 item 、 item … (each item a whole Han run).
  let at = end;
  while (text[at] === '、') {
    const m = ZH_RUN_AFTER.exec(text.slice(at + 1, at + 7));
    if (m && isClinicalZh(m[0])) return;
    if (!m || m[0].length > 4 || !zhItemIsName(m[0])) break;
    items.push({ category, start: at + 1, end: at + 1 + m[0].length, text: m[0] });
    at += 1 + m[0].length;
  }
  // Left: item 、 (the item a whole Han run).
  at = start;
  while (text[at - 1] === '、') {
    const m = ZH_RUN_BEFORE.exec(text.slice(Math.max(0, at - 6), at - 1));
    if (m && isClinicalZh(m[0])) return;
    if (!m || m[0].length > 4 || !zhItemIsName(m[0])) break;
    const itemStart = at - 1 - m[0].length;
    items.push({ category, start: itemStart, end: at - 1, text: m[0] });
    at = itemStart;
  }
  out.push(...items);
}

const EN_SEPARATOR = /^(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)/;
const EN_WORD = /^[A-Z][a-z'’-]+$/;
/** The English items of a list after the found name: as many capitalised words, no clinical or never-name word. */
function enListSpans(text: string, start: number, end: number, category: PhiCategory, out: PhiSpan[]): void {
  const count = text.slice(start, end).split(/[ \t]+/).length;
  // The item ends the run of capitalised words and no number follows it (not "Priory Lane Surgery", "Badge 1187").
  const item = new RegExp(
    `^[A-Z][a-z'’-]+(?:[ \\t]+[A-Z][a-z'’-]+){${count - 1}}(?![A-Za-z])(?![ \\t]*(?:[A-Z]|\\d|#))`,
  );
  let at = end;
  for (;;) {
    const sep = EN_SEPARATOR.exec(text.slice(at, at + 8));
    if (!sep) break;
    const m = item.exec(text.slice(at + sep[0].length, at + sep[0].length + 80));
    if (!m) break;
    const words = m[0].split(/[ \t]+/);
    if (!words.every((w) => EN_WORD.test(w) && !isClinicalEn(w))) break;
    // Two or more words that are all English words are a title (Consultant Cardiologist), not a name.
    if (words.length > 1 && words.every((w) => isEnglishWord(w))) break;
    const itemStart = at + sep[0].length;
    out.push({ category, start: itemStart, end: itemStart + m[0].length, text: m[0] });
    at = itemStart + m[0].length;
  }
}

/** 2. Spans of the other items of person lists holding a found name, in one text. */
export function listNameSpans(text: string, values: ReadonlyMap<string, PhiCategory>): PhiSpan[] {
  const out: PhiSpan[] = [];
  const zh = text.includes('、');
  const en = /[A-Z][a-z]+(?:,|[ \t]+(?:and|&)[ \t]+)/.test(text);
  if (!zh && !en) return out;
  for (const [value, category] of values) {
    if (!NAME_CATEGORIES.has(category)) continue;
    const isZh = HAN_NAME.test(value);
    const isEn = !isZh && /^[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}$/.test(value);
    if ((isZh && !zh) || (isEn && !en) || (!isZh && !isEn)) continue;
    const regex = isEn ? new RegExp(`(?<![A-Za-z])${escapeRegex(value)}(?![A-Za-z])`, 'g') : undefined;
    if (regex)
      for (const m of execAll(regex, text)) enListSpans(text, m.index, m.index + value.length, category, out);
    else
      for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1))
        zhListSpans(text, at, at + value.length, category, out);
  }
  return out;
}
