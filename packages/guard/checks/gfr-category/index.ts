/** KDIGO GFR categories stated with an eGFR value, range or bound, checked with the renal-function engine. */
import { kdigoAlbuminuriaStage, kdigoGfrStage } from '@qihuang/engines/renal-function';
import { renalCalculation } from './calculation.ts';
import { labRisk } from './risk.ts';
import { say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

const SOURCE = 'KDIGO 2012 CKD guideline, GFR categories';

export const gfrCategory: GuardCheck = {
  id: 'gfr-category',
  kinds: ['lab-threshold'],
  check(claim, context): Verdict | undefined {
    if (claim.renalCalc) return renalCalculation(claim.renalCalc, context.lang);
    const risk = labRisk(claim, context.lang);
    if (risk) return risk;
    if (claim.egfrInRange) {
      const { egfr, low, high } = claim.egfrInRange;
      const inside = egfr >= low && egfr <= high;
      const text = `eGFR ${egfr} → ${kdigoGfrStage(egfr).stage}`;
      const evidence = [{ source: 'KDIGO 2012 CKD guideline, GFR categories', text }];
      return inside
        ? {
            verdict: 'supported',
            evidence,
            reason: say(
              context.lang,
              `eGFR ${egfr} 在 ${low}–${high} 内`,
              `eGFR ${egfr} is within ${low}–${high}`,
            ),
          }
        : {
            verdict: 'contradicted',
            evidence,
            reason: say(
              context.lang,
              `eGFR ${egfr} 不在 ${low}–${high} 范围内`,
              `eGFR ${egfr} is not within ${low}–${high}`,
            ),
          };
    }
    if (claim.ckdDuration) {
      // REFERENCE §4.3: CKD requires abnormalities of kidney structure or function present for more than 3 months.
      const months = claim.ckdDuration.months;
      const evidence = [
        {
          source: 'KDIGO 2012 CKD guideline, definition',
          text: say(context.lang, '肾脏结构或功能异常持续 >3 个月', 'abnormalities present for >3 months'),
        },
      ];
      return Math.abs(months - 3) < 0.25
        ? {
            verdict: 'supported',
            evidence,
            reason: say(context.lang, 'KDIGO：持续 >3 个月', 'KDIGO: present for more than 3 months'),
          }
        : {
            verdict: 'contradicted',
            evidence,
            reason: say(
              context.lang,
              'KDIGO 定义慢性肾脏病须异常持续超过 3 个月',
              'KDIGO defines CKD by abnormalities present for more than 3 months',
            ),
          };
    }
    if (claim.ckdDiagnosis) {
      // REFERENCE §4.3 [V2]: G1/G2 without markers of kidney damage (e.g. A1) is not CKD.
      const { egfr, acr } = claim.ckdDiagnosis;
      const g = kdigoGfrStage(egfr).stage as string;
      const a = kdigoAlbuminuriaStage(acr.value, acr.unit);
      const shown = `eGFR ${egfr} → ${g}; ACR ${acr.value} ${acr.unit} → ${a}`;
      const evidence = [{ source: 'KDIGO 2012 CKD guideline, definition and categories', text: shown }];
      if (a !== 'A1')
        return {
          verdict: 'supported',
          evidence,
          reason: say(context.lang, `KDIGO：${shown}`, `KDIGO: ${shown}`),
        };
      return {
        verdict: 'contradicted',
        evidence,
        reason: say(
          context.lang,
          `KDIGO：${shown}；${g} 而无肾损伤标志（如白蛋白尿）时不诊断慢性肾脏病`,
          `KDIGO: ${shown}; ${g} without a marker of kidney damage (such as albuminuria) is not CKD`,
        ),
      };
    }
    if (claim.acr) {
      // REFERENCE §4.3 albuminuria categories through the renal-function engine (A2 30–300 mg/g; 300 is A2).
      const a = claim.acr;
      const st = (v: number) => kdigoAlbuminuriaStage(v, a.unit);
      // A bound is checked just inside it ("below 30" → 29.9; "> 300" → 300.1).
      const edge = a.bound === 'below' ? -0.1 : a.bound === 'above' ? 0.1 : 0;
      const values = a.high !== undefined ? [a.low, a.high] : [a.low + edge];
      const shown = values.map((v) => `ACR ${v} ${a.unit} → ${st(v)}`).join('; ');
      const evidence = [{ source: 'KDIGO 2012 CKD guideline, albuminuria categories', text: shown }];
      // "A3 >500 mg/g": a bound said to be the category's edge must be it (just outside it is another category).
      const outside = a.bound === 'below' ? a.low : a.bound === 'above' ? a.low : a.low - 0.1;
      const edgeOk = !a.edge || st(outside) !== a.stage;
      return values.every((v) => st(v) === a.stage) && edgeOk
        ? {
            verdict: 'supported',
            evidence,
            reason: say(context.lang, `KDIGO ${a.stage} 正确：${shown}`, `KDIGO ${a.stage}: ${shown}`),
          }
        : edgeOk
          ? {
              verdict: 'contradicted',
              evidence,
              reason: say(
                context.lang,
                `KDIGO：${shown}，不是 ${a.stage}`,
                `KDIGO: ${shown}, not ${a.stage}`,
              ),
            }
          : {
              verdict: 'contradicted',
              evidence,
              reason: say(
                context.lang,
                `KDIGO：${a.stage} 的界值不是 ${a.low} ${a.unit}（ACR ${outside} ${a.unit} 已属于 ${st(outside)}）`,
                `KDIGO: ${a.stage} does not start at ${a.low} ${a.unit} (ACR ${outside} ${a.unit} is already ${st(outside)})`,
              ),
            };
    }
    const lab = claim.lab;
    if (!lab) return undefined;
    // "CKD stage 3" names G3a and G3b together.
    const st = (v: number) => {
      const stage = kdigoGfrStage(v).stage as string;
      return lab.stage === 'G3' && stage.startsWith('G3') ? 'G3' : stage;
    };
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
      case 'top':
        // "G3b starts below 45": just under the number is in the category, the number itself is not.
        ok = st(lab.low - 0.5) === lab.stage && st(lab.low) !== lab.stage;
        shown = `eGFR ${lab.low - 1} → ${st(lab.low - 1)}; ${lab.low} → ${st(lab.low)}`;
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
