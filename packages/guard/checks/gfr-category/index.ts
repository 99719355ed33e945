/** KDIGO GFR categories stated with an eGFR value, range or bound, checked with the renal-function engine. */
import { kdigoGfrStage } from '@qihuang/engines/renal-function';
import { say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

const SOURCE = 'KDIGO 2012 CKD guideline, GFR categories';

export const gfrCategory: GuardCheck = {
  id: 'gfr-category',
  kinds: ['lab-threshold'],
  check(claim, context): Verdict | undefined {
    const lab = claim.lab;
    if (!lab) return undefined;
    const st = (v: number) => kdigoGfrStage(v).stage as string;
    let ok: boolean;
    let shown: string;
    switch (lab.form) {
      case 'value':
        ok = st(lab.low) === lab.stage;
        shown = `eGFR ${lab.low} → ${st(lab.low)}`;
        break;
      case 'range': {
        const hi = lab.high as number;
        // the range must lie in the category and reach its edges (G2 is 60–89, not 30–59 or 70–80)
        ok =
          st(lab.low) === lab.stage &&
          st(hi) === lab.stage &&
          st(lab.low - 1) !== lab.stage &&
          st(hi + 1) !== lab.stage;
        shown = `eGFR ${lab.low} → ${st(lab.low)}; ${hi} → ${st(hi)}`;
        break;
      }
      case 'at-least':
        ok = st(lab.low) === lab.stage && st(lab.low - 0.5) !== lab.stage && st(200) === lab.stage;
        shown = `eGFR ${lab.low} → ${st(lab.low)}; ${lab.low - 1} → ${st(lab.low - 1)}`;
        break;
      case 'below':
        ok = st(lab.low - 0.5) === lab.stage && st(lab.low) !== lab.stage && st(0) === lab.stage;
        shown = `eGFR ${lab.low - 1} → ${st(lab.low - 1)}; ${lab.low} → ${st(lab.low)}`;
        break;
    }
    const evidence = [{ source: SOURCE, text: shown }];
    return ok
      ? {
          verdict: 'supported',
          evidence,
          reason: say(context.lang, `KDIGO ${lab.stage} 期正确：${shown}`, `KDIGO ${lab.stage}: ${shown}`),
        }
      : {
          verdict: 'contradicted',
          evidence,
          reason: say(
            context.lang,
            `KDIGO：${shown}，不是 ${lab.stage} 期`,
            `KDIGO: ${shown}, not ${lab.stage}`,
          ),
        };
  },
};
