/**
 * Whether the pharmacist card shows a pregnancy line (issue 20 item 7: "妊娠 未记录" was shown for a man and for
 * an 89-year-old). A recorded pregnancy is always shown; otherwise only for a woman of child-bearing age, taken
 * as 12–55 years (WHO's reproductive-age band is 15–49; the wider band keeps the question in front of the
 * pharmacist for early and late pregnancies), or a woman whose age is not known. Pure.
 */
export function showsPregnancy(patient: { sex?: string; ageYears?: number; pregnant?: boolean }): boolean {
  if (patient.pregnant === true) return true;
  if (patient.sex !== 'female') return false;
  return patient.ageYears === undefined || (patient.ageYears >= 12 && patient.ageYears <= 55);
}
