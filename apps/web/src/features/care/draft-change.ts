/** The words of a dose change on a draft (issue 20): "Amlodipine: 5 mg → 10 mg" when the drug stays the same. */
export interface DoseChange {
  /** The drug both orders name ('' when they differ: a replacement shows both whole). */
  drug: string;
  from: string;
  to: string;
}

const DOSE = /^(.*?)\s+(\d[\d./]*\s*mg\b.*)$/i;

export function doseChange(prior: string, next: string): DoseChange {
  const a = DOSE.exec(prior.trim());
  const b = DOSE.exec(next.trim());
  if (a && b && a[1]!.toLowerCase() === b[1]!.toLowerCase()) return { drug: b[1]!, from: a[2]!, to: b[2]! };
  return { drug: '', from: prior, to: next };
}
