/**
 * What signing will do, as the sign dialog says it (issue 20): from the server's `signing.pharmacistReview` — the
 * rule signing itself follows (packages/care settings.ts signingGoesToReview) — to the pharmacist's review or
 * active at once, and the order it replaces stopping then. No routing known: no claim. Pure.
 */
import type { DraftView } from '../../api/care.ts';

export interface SignNextStep {
  key: string;
  values?: { prior: string };
}

export function signNextStep(
  draft: Partial<Pick<DraftView, 'signing' | 'priorPrescription'>>,
): SignNextStep | undefined {
  if (!draft.signing) return undefined;
  const base = draft.signing.pharmacistReview ? 'careSign.toPharmacist' : 'careSign.activeAtOnce';
  if (!draft.priorPrescription) return { key: base };
  const replaces = draft.signing.pharmacistReview
    ? 'careSign.toPharmacistReplaces'
    : 'careSign.activeReplaces';
  const prior = draft.priorPrescription.display.trim();
  return prior ? { key: replaces, values: { prior } } : { key: `${replaces}Unnamed` };
}
