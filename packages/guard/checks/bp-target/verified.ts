/**
 * Which targets REFERENCE §7 marks as verified. §7 is UNVERIFIED unless a line is tagged [V1]/[V2]:
 * - ESH 2023 age 18–64 <130/80 and 65–79 <140(/80): [V2] (§7.2); ≥80 SBP <150: [V1] (§7.2) — SBP only for the
 *   older bands (the DBP values come from one newsletter / are UNVERIFIED refinements).
 * - China 2018 general <140/90, if tolerated/high risk <130/80, 65–79 <150/90 (if tolerated <140/90), ≥80 <150/90:
 *   [V2] (§7.3, JCH 2020 review abstract).
 * - ACC/AHA 2017 (§8.1.5) general <130/80 and ≥65 SBP <130 (REFERENCE §7.1, §7.4): REFERENCE leaves §7.1 untagged;
 *   cross-checked 2026-12-07 in two independent summaries — AAFP Practice Guidelines, Am Fam Physician
 *   2018;97(6):413–415 ("a target blood pressure of less than 130/80 mm Hg is recommended for adults with confirmed
 *   hypertension and CVD or 10-year ASCVD risk ≥10%"), and APhA Pharmacy Today's report of the guideline ("a BP goal
 *   of less than 130/80 mm Hg for all patients, including ambulatory, community-dwelling older adults (≥65 y)").
 *   DBP is compared for the general target only (≥65 is stated as SBP). Older adults with a high comorbidity burden
 *   or limited life expectancy are left to clinical judgement (REFERENCE §7.1), so a sentence about them is not
 *   checked (index.ts).
 * Everything else (ACC/AHA and ESH diabetes/CKD targets, ESH 65–79 "if tolerated", China 2024) is UNVERIFIED.
 * Out-of-office targets are the office target converted with ACC/AHA 2017 Table 11 (§2.1 [V2]), so they are as
 * verified as the office target they come from.
 */
import type { Guideline, TargetPopulation } from '@qihuang/engines/blood-pressure';

export function targetVerified(
  g: Guideline,
  p: TargetPopulation,
): { verified: boolean; compareDbp: boolean } {
  const age = p.age ?? 50;
  const disease = !!(p.diabetes || p.ckd || p.proteinuria);
  if (g === 'esh-2023') {
    if (age >= 80) return { verified: true, compareDbp: false }; // §7.2 [V1] ≥80 "<150 SBP"
    if (disease) return { verified: false, compareDbp: true };
    if (age >= 65) return { verified: !p.tolerated, compareDbp: false }; // §7.2 [V2] 65–79 <140 SBP
    return { verified: true, compareDbp: true }; // §7.2 [V2] 18–64 <130/80
  }
  if (g === 'china-2018') {
    if (age >= 80) return { verified: true, compareDbp: true }; // §7.3 [V2] ≥80 <150/90
    return { verified: !disease, compareDbp: true }; // §7.3 [V2] general / tolerated / 65–79
  }
  if (g === 'acc-aha-2017') {
    if (disease) return { verified: false, compareDbp: true };
    if (age >= 65) return { verified: true, compareDbp: false }; // §8.1.5 ≥65 SBP <130 (see above)
    return { verified: true, compareDbp: true }; // §8.1.5 <130/80 (see above)
  }
  return { verified: false, compareDbp: true };
}
