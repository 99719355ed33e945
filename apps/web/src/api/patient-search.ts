/**
 * Finding a patient from one search box (issue 20): what was typed decides which standard FHIR R4 searches
 * the console issues — `name` (one parameter per word, ANDed, so "Alfreda Wyman" and "Wyman Alfreda" both
 * match), Qihuang's `pinyin` parameter (https://qihuang.dev/fhir/SearchParameter/Patient-pinyin: full,
 * initials, surname), `identifier` (MRN, 门诊号, 住院号, ID card; exact, either case) and `phone` (digits;
 * the server indexes every number as digits too) — and their pages are merged. Each search the server answers
 * is audited as one search, as before. Pure.
 */
import type { Patient } from '@medplum/fhirtypes';
import type { Page } from './fhir.ts';

export type PatientQuery = Record<string, string | readonly string[]>;

const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const LATIN_WORDS = /^[\p{L}\p{M}'’.\- ]+$/u;
const PHONE_LIKE = /^[\d\s()+\-.]+$/;
/** Shortest number looked up as a phone (a hospital extension has 4; a mobile 11). */
const MIN_PHONE_DIGITS = 5;

/** A token search value: `\`, `,` and `|` escaped, so the text is one code of any system. */
const escapeToken = (s: string) => s.replace(/[\\,|]/g, '\\$&');

/** Digits of a phone number; the China country code before an 11-digit mobile dropped (as the server does). */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (/^0086\d{11}$/.test(digits)) return digits.slice(4);
  if (/^86\d{11}$/.test(digits)) return digits.slice(2);
  return digits;
}

function identifierQuery(values: string[]): PatientQuery {
  return { identifier: [...new Set(values)].map(escapeToken).join(',') };
}

/** The FHIR searches for `text` (each a query of `Patient?…`); `[{}]` lists every patient. */
export function patientSearchQueries(text: string): PatientQuery[] {
  const q = text.trim().replace(/\s+/g, ' ');
  if (!q) return [{}];
  const words = q.split(' ');
  if (PHONE_LIKE.test(q) && /\d/.test(q)) {
    const digits = phoneDigits(q);
    const plain = q.replace(/\D/g, '');
    const out = [identifierQuery([q, plain])];
    if (digits.length >= MIN_PHONE_DIGITS) out.push({ phone: digits });
    return out;
  }
  if (HAN.test(q)) {
    const out: PatientQuery[] = [{ name: words }];
    // A Chinese name typed whole: family and given are separate name parts on most records.
    if (words.length === 1 && HAN_WORD.test(q)) {
      const chars = [...q];
      for (const cut of [1, 2])
        if (chars.length > cut) out.push({ name: [chars.slice(0, cut).join(''), chars.slice(cut).join('')] });
    }
    return out;
  }
  if (LATIN_WORDS.test(q)) return [{ name: words }, { pinyin: words.join('').toLowerCase() }];
  if (words.length === 1) return [identifierQuery([q, q.toLowerCase(), q.toUpperCase()])];
  return [{ name: words }];
}

/**
 * Pages of several searches as one: each patient once (the first search's copy), the total counted once per
 * patient seen, and the one `next` link there is (only a search with more than a page has one).
 */
export function mergePatientPages(pages: readonly Page<Patient>[]): Page<Patient> {
  if (pages.length === 1) return pages[0]!;
  const seen = new Set<string>();
  const items: Patient[] = [];
  let fetched = 0;
  for (const page of pages)
    for (const p of page.items) {
      fetched++;
      const key = p.id ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(p);
    }
  const totals = pages.map((page) => page.total ?? page.items.length);
  const total = totals.reduce((a, b) => a + b, 0) - (fetched - items.length);
  const next = pages.find((page) => page.next)?.next;
  return { items, total, ...(next ? { next } : {}) };
}
