/** 2013 ACC/AHA Pooled Cohort Equations, 10-year hard ASCVD risk (REFERENCE §3.1). Pure. */
import { QihuangError } from '@qihuang/contracts';
import type { Sex, Text } from './types.ts';

export type PceRace = 'white' | 'african-american' | 'other';

export interface PceInput {
  age: number;
  sex: Sex;
  race: PceRace;
  /** Total cholesterol, mg/dL. */
  totalCholesterol: number;
  /** HDL cholesterol, mg/dL. */
  hdl: number;
  sbp: number;
  treatedHypertension: boolean;
  smoker: boolean;
  diabetes: boolean;
}

export type RiskCategory = 'low' | 'borderline' | 'intermediate' | 'high';

export interface PceResult {
  /** Fraction (0.0205 = 2.05 %). */
  tenYearRisk: number;
  category: RiskCategory;
  group: string;
  individualSum: number;
  rule: string;
  /** The rule as users read it, in each language (issue 20); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: PceInput;
  display: Text;
}

interface Coef {
  lnAge: number;
  lnAge2: number;
  lnTc: number;
  lnAgeLnTc: number;
  lnHdl: number;
  lnAgeLnHdl: number;
  lnTreated: number;
  lnAgeLnTreated: number;
  lnUntreated: number;
  lnAgeLnUntreated: number;
  smoker: number;
  lnAgeSmoker: number;
  diabetes: number;
  mean: number;
  s10: number;
}

// REFERENCE §3.1 coefficient table (Goff 2013 Table A); white-female ln untreated SBP 1.957, white-male ln age × ln HDL 1.769.
const COEF: Record<'wf' | 'af' | 'wm' | 'am', Coef> = {
  wf: {
    lnAge: -29.799,
    lnAge2: 4.884,
    lnTc: 13.54,
    lnAgeLnTc: -3.114,
    lnHdl: -13.578,
    lnAgeLnHdl: 3.149,
    lnTreated: 2.019,
    lnAgeLnTreated: 0,
    lnUntreated: 1.957,
    lnAgeLnUntreated: 0,
    smoker: 7.574,
    lnAgeSmoker: -1.665,
    diabetes: 0.661,
    mean: -29.18,
    s10: 0.9665,
  }, // §3.1 white female
  af: {
    lnAge: 17.114,
    lnAge2: 0,
    lnTc: 0.94,
    lnAgeLnTc: 0,
    lnHdl: -18.92,
    lnAgeLnHdl: 4.475,
    lnTreated: 29.291,
    lnAgeLnTreated: -6.432,
    lnUntreated: 27.82,
    lnAgeLnUntreated: -6.087,
    smoker: 0.691,
    lnAgeSmoker: 0,
    diabetes: 0.874,
    mean: 86.61,
    s10: 0.9533,
  }, // §3.1 African-American female
  wm: {
    lnAge: 12.344,
    lnAge2: 0,
    lnTc: 11.853,
    lnAgeLnTc: -2.664,
    lnHdl: -7.99,
    lnAgeLnHdl: 1.769,
    lnTreated: 1.797,
    lnAgeLnTreated: 0,
    lnUntreated: 1.764,
    lnAgeLnUntreated: 0,
    smoker: 7.837,
    lnAgeSmoker: -1.795,
    diabetes: 0.658,
    mean: 61.18,
    s10: 0.9144,
  }, // §3.1 white male
  am: {
    lnAge: 2.469,
    lnAge2: 0,
    lnTc: 0.302,
    lnAgeLnTc: 0,
    lnHdl: -0.307,
    lnAgeLnHdl: 0,
    lnTreated: 1.916,
    lnAgeLnTreated: 0,
    lnUntreated: 1.809,
    lnAgeLnUntreated: 0,
    smoker: 0.549,
    lnAgeSmoker: 0,
    diabetes: 0.645,
    mean: 19.54,
    s10: 0.8954,
  }, // §3.1 African-American male
};

// §3.1 input ranges used by the ACC/AHA calculator (values outside → not computed).
const RANGES = { age: [40, 79], totalCholesterol: [130, 320], hdl: [20, 100], sbp: [90, 200] } as const;

const CAT_TEXT: Record<RiskCategory, Text> = {
  low: { zh: '低危', en: 'low' },
  borderline: { zh: '临界', en: 'borderline' },
  intermediate: { zh: '中危', en: 'intermediate' },
  high: { zh: '高危', en: 'high' },
};

/** 2018 AHA/ACC cholesterol-guideline categories (§3.1, UNVERIFIED citation): <5, 5–<7.5, 7.5–<20, ≥20 %. */
export function pceCategory(risk: number): RiskCategory {
  if (risk >= 0.2) return 'high'; // §3.1 ≥20 %
  if (risk >= 0.075) return 'intermediate'; // §3.1 7.5–<20 %
  if (risk >= 0.05) return 'borderline'; // §3.1 5–<7.5 %
  return 'low';
}

export function pooledCohortRisk(input: PceInput): PceResult {
  for (const [k, [lo, hi]] of Object.entries(RANGES)) {
    const v = input[k as keyof typeof RANGES];
    if (!Number.isFinite(v) || v < lo || v > hi)
      throw new QihuangError(
        'invalid-input',
        `${k} must be ${lo}–${hi} for the Pooled Cohort Equations (REFERENCE §3.1)`,
      );
  }
  // §3.1: "other" races use the White equations (Goff 2013 text; CVrisk maps other → White).
  const aa = input.race === 'african-american';
  const key = (aa ? 'a' : 'w') + (input.sex === 'female' ? 'f' : 'm');
  const c = COEF[key as keyof typeof COEF];
  const la = Math.log(input.age);
  const lt = Math.log(input.totalCholesterol);
  const lh = Math.log(input.hdl);
  const ls = Math.log(input.sbp);
  const sbpTerm = input.treatedHypertension
    ? c.lnTreated * ls + c.lnAgeLnTreated * la * ls
    : c.lnUntreated * ls + c.lnAgeLnUntreated * la * ls;
  const smoke = input.smoker ? 1 : 0;
  const sum =
    c.lnAge * la +
    c.lnAge2 * la * la +
    c.lnTc * lt +
    c.lnAgeLnTc * la * lt +
    c.lnHdl * lh +
    c.lnAgeLnHdl * la * lh +
    sbpTerm +
    c.smoker * smoke +
    c.lnAgeSmoker * la * smoke +
    c.diabetes * (input.diabetes ? 1 : 0);
  const risk = 1 - c.s10 ** Math.exp(sum - c.mean); // §3.1 Risk10 = 1 − S10^exp(IndSum − MeanSum)
  const category = pceCategory(risk);
  const group = `${aa ? 'African-American' : 'White'} ${input.sex}`;
  return {
    tenYearRisk: risk,
    category,
    group,
    individualSum: sum,
    rule: `PCE ${group}: 1 − ${c.s10}^exp(IndSum − ${c.mean})`,
    ruleText: {
      zh: `PCE ${aa ? '非裔美国人' : '白人'}${input.sex === 'female' ? '女性' : '男性'}方程：1 − ${c.s10}^exp(IndSum − ${c.mean})`,
      en: `PCE ${group}: 1 − ${c.s10}^exp(IndSum − ${c.mean})`,
    },
    // REFERENCE §3.1, cited to users by the guideline.
    source: 'Pooled Cohort Equations (2013 ACC/AHA cardiovascular risk guideline, Goff et al.)',
    inputs: input,
    display: {
      zh: `10年动脉粥样硬化性心血管病风险 ${(risk * 100).toFixed(1)}%（PCE，${CAT_TEXT[category].zh}）`,
      en: `10-year ASCVD risk ${(risk * 100).toFixed(1)}% (PCE, ${CAT_TEXT[category].en})`,
    },
  };
}
