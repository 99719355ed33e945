/**
 * Values a hospital's staff find a patient by that are not written in the resource as such: the pinyin of a
 * Chinese name (`pinyin`, a Qihuang search parameter) and a phone number as digits (added to the standard
 * `phone` parameter beside the number as written). Pure: pinyin-pro carries its dictionary in the package.
 */
import { pinyin } from 'pinyin-pro';
import { normaliseString } from './fhir-values.ts';

/** The canonical URL of the `pinyin` search parameter (listed in the CapabilityStatement). */
export const PINYIN_SEARCH_PARAMETER_URL = 'https://qihuang.dev/fhir/SearchParameter/Patient-pinyin';

type Json = Record<string, unknown>;
const HAN = /\p{Script=Han}/u;
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');
const hanOnly = (s: string) => [...s].filter((ch) => HAN.test(ch)).join('');

/** Syllables of a Chinese name read surname first (pinyin-pro's surname mode: 单 shan, 曾 zeng, 区 ou). */
function syllables(name: string, v: boolean): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v }).map((s) =>
    normaliseString(s).replace(/[^a-z]/g, ''),
  );
}

/**
 * Pinyin keys of one HumanName with Chinese characters: the full name (`wangxiuying`, `wang xiuying`), its
 * initials (`wxy`) and the given name alone (`xiuying`); with ü also written v (`lubu`, `lvbu`). Latin-only
 * names give none.
 * Search is starts-with, so the surname alone (`wang`) and any prefix of the full name find the patient.
 */
export function pinyinKeys(name: Json): string[] {
  const family = hanOnly(strings(name['family']).join(''));
  const given = hanOnly(strings(name['given']).join(''));
  const text = hanOnly(strings(name['text']).join(''));
  const full = family || given ? family + given : text;
  if (!full) return [];
  // Without a family element the text is read surname first, one character (compound surnames come whole
  // from the surname mode, but where the given name starts is then unknown: the full name and initials only).
  const surnameLength = family || given ? [...family].length : 0;
  const keys = new Set<string>();
  for (const v of [false, true]) {
    const parts = syllables(full, v);
    if (parts.some((p) => !p)) continue;
    keys.add(parts.join(''));
    keys.add(parts.map((p) => p[0]).join(''));
    const split = surnameLength || 1;
    if (split < parts.length) {
      keys.add(`${parts.slice(0, split).join('')} ${parts.slice(split).join('')}`);
      if (surnameLength > 0) keys.add(parts.slice(surnameLength).join(''));
    }
  }
  return [...keys];
}

/** The `pinyin` parameter's values: the keys of every name of the Patient. */
export function patientPinyinValues(resource: Json): string[] {
  const names = Array.isArray(resource['name']) ? (resource['name'] as unknown[]) : [];
  const out = new Set<string>();
  for (const n of names)
    if (typeof n === 'object' && n !== null) for (const k of pinyinKeys(n as Json)) out.add(k);
  return [...out];
}

/**
 * A phone number as digits, compared whatever way it was written: spaces, dashes, brackets and `+` dropped,
 * and the China country code (+86, 0086) dropped before an 11-digit mobile number. Undefined without digits.
 */
export function phoneDigits(value: string): string | undefined {
  let digits = value.replace(/\D/g, '');
  if (!digits) return undefined;
  if (/^0086\d{11}$/.test(digits)) digits = digits.slice(4);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  return digits;
}

/** The `phone` parameter's values: each phone ContactPoint as written, then its digits when they differ. */
export function phoneValues(resource: Json): unknown[] {
  const telecom = Array.isArray(resource['telecom']) ? (resource['telecom'] as unknown[]) : [];
  const out: unknown[] = [];
  const digits: string[] = [];
  for (const t of telecom) {
    if (typeof t !== 'object' || t === null || (t as Json)['system'] !== 'phone') continue;
    out.push(t);
    const value = (t as Json)['value'];
    const d = typeof value === 'string' ? phoneDigits(value) : undefined;
    if (d && d !== value && !digits.includes(d)) digits.push(d);
  }
  return [...out, ...digits];
}
