/**
 * Which engine targets REFERENCE §7 marks as verified. §7 is UNVERIFIED unless a line is tagged [V1]/[V2]:
 * - ESH 2023 age 18–64 <130/80 and 65–79 <140(/80): [V2] (§7.2); ≥80 SBP <150: [V1] (§7.2) — SBP only.
 * - China 2018 general <140/90, if tolerated/high risk <130/80, 65–79 <150/90 (if tolerated <140/90), ≥80 <150/90:
 *   [V2] (§7.3, JCH 2020 review abstract).
 * Everything else (ACC/AHA 2017 targets, diabetes/CKD targets, ESH 65–79 "if tolerated", China 2024) is UNVERIFIED.
 */
import type { Guideline } from '@qihuang/engines/blood-pressure';

const VERIFIED: Partial<Record<Guideline, Record<string, { compareDbp: boolean }>>> = {
  'esh-2023': {
    'age 18–64: <130/80': { compareDbp: true }, // §7.2 [V2]
    'age 65–79: <140/80': { compareDbp: false }, // §7.2 [V2] for <140 SBP; /80 from one newsletter
    'age ≥80: SBP 140–150 (130–139 if tolerated), DBP <80': { compareDbp: false }, // §7.2 [V1] "<150 SBP"
  },
  'china-2018': {
    '一般患者 <140/90': { compareDbp: true }, // §7.3 [V2]
    '一般患者 能耐受 <130/80': { compareDbp: true }, // §7.3 [V2]
    '65–79 岁 <150/90': { compareDbp: true }, // §7.3 [V2]
    '65–79 岁 能耐受 <140/90': { compareDbp: true }, // §7.3 [V2]
    '≥80 岁 <150/90': { compareDbp: true }, // §7.3 [V2]
  },
};

export function targetVerified(g: Guideline, rule: string): { verified: boolean; compareDbp: boolean } {
  const v = VERIFIED[g]?.[rule];
  return v ? { verified: true, compareDbp: v.compareDbp } : { verified: false, compareDbp: true };
}
