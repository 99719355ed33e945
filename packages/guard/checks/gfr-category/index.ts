/** KDIGO GFR categories stated with their eGFR range, checked against the renal-function engine. */
import { kdigoGfrStage } from '@qihuang/engines/renal-function';
import type { GuardCheck, Verdict } from '../../types.ts';

export const gfrCategory: GuardCheck = {
  id: 'gfr-category',
  kinds: ['lab-threshold'],
  check(claim): Verdict | undefined {
    const lab = claim.lab;
    if (!lab) return undefined;
    const values = [lab.low, ...(lab.high !== undefined ? [lab.high] : [])];
    const stages = values.map((v) => kdigoGfrStage(v).stage as string);
    const ok = stages.every((s) => s === lab.stage);
    const evidence = [
      {
        source: 'renal-function engine: KDIGO 2012/2024 (REFERENCE §4.3)',
        text: values.map((v, i) => `eGFR ${v} → ${stages[i]}`).join('; '),
      },
    ];
    return ok
      ? { verdict: 'supported', evidence, reason: `${lab.stage} covers ${values.join('–')}` }
      : {
          verdict: 'contradicted',
          evidence,
          reason: `${values.join('–')} is not ${lab.stage} (${stages.join(', ')})`,
        };
  },
};
