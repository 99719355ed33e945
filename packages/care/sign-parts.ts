/**
 * What the prescriber confirms before signing (issue 20): the dose and the frequency, each in the screen's
 * language, from the order's structured dosage; and whether signing sends the order to the pharmacist (pharmacy
 * review on, docs/decisions/0017) or makes it active at once. Pure.
 */
import type { DraftLanguage } from './draft-text.ts';

interface Dosage {
  text?: string;
  timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string } };
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

const TIMES: Record<DraftLanguage, Record<number, string>> = {
  zh: { 1: '每日一次', 2: '每日两次', 3: '每日三次', 4: '每日四次' },
  en: { 1: 'once daily', 2: 'twice daily', 3: 'three times daily', 4: 'four times daily' },
};

export interface SigningParts {
  dose?: string;
  frequency?: string;
  /** Signing sends it to the pharmacist's review (it is not the patient's medication until approved). */
  pharmacistReview: boolean;
}

export function signingParts(
  d: Dosage | undefined,
  lang: DraftLanguage,
  pharmacistReview: boolean,
): SigningParts {
  const q = d?.doseAndRate?.[0]?.doseQuantity;
  // A fixed-dose combination has no single dose quantity: its text starts with the strengths ("10/12.5 mg").
  const strength = d?.text?.match(/^([\d.]+(?:\s*mg)?(?:\/[\d.]+(?:\s*mg)?)*)(?=[\s(]|$)/)?.[1];
  const tablet = /\(1 tablet\)/.test(d?.text ?? '') ? (lang === 'zh' ? '（1片）' : ' (1 tablet)') : '';
  const dose = q?.value !== undefined ? `${q.value} ${q.unit ?? q.code ?? ''}`.trim() : strength;
  const r = d?.timing?.repeat;
  const daily = r?.frequency !== undefined && (r.period ?? 1) === 1 && (r.periodUnit ?? 'd') === 'd';
  const n = r?.frequency ?? 0;
  const frequency = daily
    ? (TIMES[lang][n] ?? (lang === 'zh' ? `每日${n}次` : `${n} times daily`))
    : undefined;
  return {
    ...(dose ? { dose: `${dose}${tablet}` } : {}),
    ...(frequency ? { frequency } : {}),
    pharmacistReview,
  };
}
