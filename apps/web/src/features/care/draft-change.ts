/**
 * The words of a change of an active order on a draft (issue 20): "Amlodipine: 5 mg → 10 mg" when the drug stays
 * the same (调整剂量 / Dose change); a different drug is a switch (换药 / Switch), shown with both orders whole.
 */
export interface DoseChange {
  /** The badge's message key: a dose change only when the same drug's dose changes, else a switch. */
  badge: 'care.draftReview.change' | 'care.draftReview.switch';
  /** The drug both orders name ('' when they differ: a replacement shows both whole). */
  drug: string;
  from: string;
  to: string;
}

const DOSE = /^(.*?)\s+(\d[\d./]*\s*mg\b.*)$/i;

export function doseChange(prior: string, next: string, unnamed = ''): DoseChange {
  // A replaced order the server could not name (issue 20): "the current order", never a blank.
  if (!prior.trim()) return { badge: 'care.draftReview.switch', drug: '', from: unnamed, to: next };
  const a = DOSE.exec(prior.trim());
  const b = DOSE.exec(next.trim());
  if (a && b && a[1]!.toLowerCase() === b[1]!.toLowerCase())
    return { badge: 'care.draftReview.change', drug: b[1]!, from: a[2]!, to: b[2]! };
  return { badge: 'care.draftReview.switch', drug: '', from: prior, to: next };
}

/**
 * The message key of a change not yet in effect, by when the current order stops (issue 20/19): with pharmacist
 * review on — an unsigned draft whose signing goes to the pharmacist, or one signed and awaiting review — it stops
 * when the pharmacist approves; otherwise when the draft is signed.
 */
export function pendingChangeKey(
  change: DoseChange,
  draft: { awaitingReview?: boolean; signing?: { pharmacistReview: boolean } },
): string {
  const onApproval = draft.awaitingReview === true || draft.signing?.pharmacistReview === true;
  if (change.drug)
    return onApproval ? 'care.draftReview.changeDoseOnApproval' : 'care.draftReview.changeDose';
  return onApproval ? 'care.draftReview.changeFromToOnApproval' : 'care.draftReview.changeFromTo';
}
