/**
 * Facts the drug knowledge base carries but REFERENCE marks UNVERIFIED: a claim they would contradict is
 * reported `unverifiable` with a neutral reason instead (users never see "UNVERIFIED" or "REFERENCE").
 */
import type { DrugEntry, RenalFact } from '@qihuang/drug-knowledge';

// REFERENCE §5.1a: metoprolol succinate "label max 400 mg/d UNVERIFIED"; perindopril "16 mg max UNVERIFIED".
const UNVERIFIED_MAX = new Set(['metoprolol-succinate', 'perindopril']);
// REFERENCE §5.3: atenolol renal caps, ramipril CrCl <40, perindopril/enalapril reductions and eplerenone numeric
// details are UNVERIFIED.
const UNVERIFIED_RENAL = new Set([
  'atenolol',
  'ramipril',
  'perindopril',
  'enalapril',
  'eplerenone',
  'captopril',
]);

export const NEUTRAL = 'no verified label or guideline value to check this against';
export const neutral = (lang: 'zh' | 'en') =>
  lang === 'zh' ? '没有经核实的说明书或指南数值可用于核查' : NEUTRAL;

/** A maximum daily dose the guard may use to contradict a claim. */
export function maxVerified(drug: DrugEntry): boolean {
  return !UNVERIFIED_MAX.has(drug.id) && !/UNVERIFIED/.test(drug.dose?.note ?? '');
}

/**
 * A usual range the guard may use to contradict a claim: REFERENCE §5.1 says the Table 18 dose cells "remain
 * UNVERIFIED as a whole", so only ranges from §5.1a (label-based) or product labels count.
 */
export function usualVerified(drug: DrugEntry): boolean {
  return !!drug.dose && drug.dose.source !== 'ref-5.1' && !/UNVERIFIED/.test(drug.dose.note ?? '');
}

export function renalVerified(drug: DrugEntry, _rule: RenalFact): boolean {
  return !UNVERIFIED_RENAL.has(drug.id);
}

/** Text for users: guideline and label names only, never the internal reference or its verification tags. */
export function forUsers(text: string): string {
  return text
    .replace(/REFERENCE\s*§[\w.]+(?:\s*(?:,|and|–|-)\s*§?[\w.]+)*\s*\(([^)]*)\)/g, '$1')
    .replace(/REFERENCE\s*§[\w.]+(?:\s*(?:,|and|–|-)\s*§?[\w.]+)*/g, '')
    .replace(/\s*\(?\bUNVERIFIED\b[^)]*\)?/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
