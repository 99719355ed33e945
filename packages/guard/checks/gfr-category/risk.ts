/**
 * A KDIGO heat-map cell's risk checked with the renal-function engine (REFERENCE §4.3 prognosis heat map), and a
 * creatinine converted between µmol/L and mg/dL (88.4 µmol/L per mg/dL, REFERENCE §4.1).
 */
import { kdigoRisk, type KdigoRisk } from '@qihuang/engines/renal-function';
import { UMOL_PER_MGDL } from '../../extract-labs-risk.ts';
import { say, type Lang } from '../../i18n.ts';
import type { Claim, Verdict } from '../../types.ts';

const RISK_NAME: Record<KdigoRisk, { zh: string; en: string }> = {
  low: { zh: '低风险', en: 'low risk' },
  'moderately-increased': { zh: '风险中度增加', en: 'moderately increased risk' },
  high: { zh: '高风险', en: 'high risk' },
  'very-high': { zh: '极高风险', en: 'very high risk' },
};

export function labRisk(claim: Claim, lang: Lang): Verdict | undefined {
  const r = claim.kdigoRisk;
  if (r) {
    const actual = kdigoRisk(r.g, r.a);
    const cell = `${r.g}${r.a}`;
    const evidence = [
      {
        source: say(lang, 'KDIGO 2012 CKD 指南，预后热图', 'KDIGO 2012 CKD guideline, prognosis heat map'),
        text: `${cell} → ${RISK_NAME[actual][lang]}`,
      },
    ];
    return actual === r.risk
      ? {
          verdict: 'supported',
          evidence,
          reason: say(lang, `${cell} 为${RISK_NAME[actual].zh}`, `${cell} is ${RISK_NAME[actual].en}`),
        }
      : {
          verdict: 'contradicted',
          evidence,
          reason: say(
            lang,
            `${cell} 为${RISK_NAME[actual].zh}，而非${RISK_NAME[r.risk].zh}`,
            `${cell} is ${RISK_NAME[actual].en}, not ${RISK_NAME[r.risk].en}`,
          ),
        };
  }
  const c = claim.creatinineConversion;
  if (!c) return undefined;
  const right = c.umol / UMOL_PER_MGDL;
  const evidence = [
    {
      source: 'CKD-EPI 2021 (Inker et al., NEJM 2021)',
      text: `${c.umol} µmol/L ÷ ${UMOL_PER_MGDL} = ${right.toFixed(2)} mg/dL`,
    },
  ];
  // Rounding allowed for (10 %, or 0.1 mg/dL).
  const off = Math.abs(c.mgdl - right);
  if (off <= Math.max(0.1, 0.1 * right))
    return {
      verdict: 'supported',
      evidence,
      reason: say(lang, `换算正确：约 ${right.toFixed(2)} mg/dL`, `correct: about ${right.toFixed(2)} mg/dL`),
    };
  return off > Math.max(0.3, 0.25 * right)
    ? {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          `肌酐 ${c.umol} µmol/L 约为 ${right.toFixed(2)} mg/dL（除以 ${UMOL_PER_MGDL}），而非 ${c.mgdl} mg/dL`,
          `creatinine ${c.umol} µmol/L is about ${right.toFixed(2)} mg/dL (divide by ${UMOL_PER_MGDL}), not ${c.mgdl} mg/dL`,
        ),
      }
    : {
        verdict: 'unverifiable',
        evidence,
        reason: say(lang, `约 ${right.toFixed(2)} mg/dL`, `about ${right.toFixed(2)} mg/dL`),
      };
}
