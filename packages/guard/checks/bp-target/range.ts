/**
 * A systolic band stated as a target ("a systolic of 140–149"): its upper end must not pass the guideline's
 * verified systolic target (REFERENCE §7: ACC/AHA 2017 ≥65 SBP <130, ESH 2023 65–79 <140 and ≥80 <150, China 2018
 * bands). Lower ends (ESH ≥80 "140–150", "130–139 if tolerated") are UNVERIFIED refinements, so a band lower than
 * the verified target is never contradicted; a band is supported only when its upper end is the target itself.
 */
import type { Target } from '@qihuang/engines/blood-pressure';
import { say } from '../../i18n.ts';
import type { Evidence, Verdict } from '../../types.ts';

export interface BandVariant {
  target: Target;
  tolerated: boolean;
  verified: boolean;
}

export function bandVerdict(
  band: [number, number],
  variants: BandVariant[],
  name: string,
  lang: 'zh' | 'en',
  evidence: Evidence[],
  neutral: string,
): Verdict {
  const [lo, hi] = band;
  const within = (v: BandVariant) => hi <= Math.round(v.target.sbp);
  const exact = variants.find(
    (v) => v.verified && (hi === Math.round(v.target.sbp) || hi + 1 === Math.round(v.target.sbp)),
  );
  if (exact)
    return {
      verdict: 'supported',
      evidence,
      reason: say(
        lang,
        `${name}：收缩压目标 <${Math.round(exact.target.sbp)}，与 ${lo}–${hi} 一致`,
        `${name}: systolic target <${Math.round(exact.target.sbp)}, in line with ${lo}–${hi}`,
      ),
    };
  const base = variants.filter((v) => !v.tolerated);
  const looser = !variants.some(within) && base.length > 0 && base.every((v) => v.verified && !within(v));
  if (!looser) return { verdict: 'unverifiable', evidence, reason: neutral };
  const targets = [...new Set(base.map((v) => `<${Math.round(v.target.sbp)}`))].join(
    lang === 'zh' ? ' 或 ' : ' or ',
  );
  return {
    verdict: 'contradicted',
    evidence,
    reason: say(
      lang,
      `${name}的收缩压目标为 ${targets}，而非 ${lo}–${hi}`,
      `${name} systolic target is ${targets}, not ${lo}–${hi}`,
    ),
  };
}
