/**
 * What the prescriber confirms before signing (issue 20): the dose and the frequency, each in the screen's
 * language, from the order's structured dosage; and whether signing sends the order to the pharmacist (pharmacy
 * review on, docs/decisions/0017) or makes it active at once. Pure.
 */
import type { DraftLanguage } from './draft-text.ts';
import { frequencyText, TABLET, unitIn } from './draft-dosage.ts';

interface Dosage {
  text?: string;
  timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string; when?: string[] } };
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

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
  // Tablets of a combination: the edited dose quantity ({tbl}), else the proposal's "(1 tablet)" (issue 20).
  const tablets =
    q?.code === '{tbl}' || q?.unit === TABLET ? q.value : /\(1 tablet\)/.test(d?.text ?? '') ? 1 : undefined;
  const tablet =
    tablets === undefined
      ? ''
      : lang === 'zh'
        ? `（${tablets}片）`
        : ` (${tablets} ${unitIn(TABLET, 'en', tablets)})`;
  const dose =
    q?.value !== undefined && tablets === undefined
      ? `${q.value} ${q.unit ?? q.code ?? ''}`.trim()
      : strength;
  const frequency = frequencyText(d, lang);
  return {
    ...(dose ? { dose: `${dose}${tablet}` } : {}),
    ...(frequency ? { frequency } : {}),
    pharmacistReview,
  };
}
