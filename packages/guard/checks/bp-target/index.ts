/** Treatment targets stated for a guideline and population, checked against the blood-pressure engine. */
import { targetFor, type TargetPopulation } from '@qihuang/engines/blood-pressure';
import type { GuardCheck, Verdict } from '../../types.ts';

export const bpTarget: GuardCheck = {
  id: 'bp-target',
  kinds: ['bp-target'],
  check(claim, context): Verdict | undefined {
    const t = claim.target;
    const guideline = t?.guideline ?? context.guideline;
    if (!t || !guideline) return undefined;
    const p = context.patient;
    const population: TargetPopulation = {
      age: t.population.age ?? p?.age ?? 50,
      ...((t.population.diabetes ?? false) ? { diabetes: true } : {}),
      ...((t.population.ckd ?? false) ? { ckd: true } : {}),
      ...((t.population.proteinuria ?? false) ? { proteinuria: true } : {}),
    };
    const variants = [
      targetFor(guideline, { ...population, tolerated: false }),
      targetFor(guideline, { ...population, tolerated: true }),
    ];
    const match = variants.find(
      (v) => v.sbp === t.sbp && (t.dbp === undefined || v.dbp === undefined || v.dbp === t.dbp),
    );
    const evidence = variants
      .filter((v, i) => i === 0 || v.rule !== variants[0]?.rule)
      .map((v) => ({
        source: `blood-pressure engine (${v.source})`,
        text: `${v.rule}: <${v.sbp}${v.dbp ? `/${v.dbp}` : ''}`,
      }));
    if (match)
      return {
        verdict: 'supported',
        evidence,
        reason: `target <${t.sbp}${t.dbp ? `/${t.dbp}` : ''} matches (${match.rule})`,
      };
    return {
      verdict: 'contradicted',
      evidence,
      reason: `target <${t.sbp}${t.dbp ? `/${t.dbp}` : ''} does not match ${evidence.map((e) => e.text).join(' / ')}`,
    };
  },
};
