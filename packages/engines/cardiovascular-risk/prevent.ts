/** AHA PREVENT base 10-year models: total CVD, ASCVD, heart failure (REFERENCE §3.2, Khan 2024). Pure. */
import { QihuangError } from '@qihuang/contracts';
import type { Sex, Text } from './types.ts';

export interface PreventInput {
  age: number;
  sex: Sex;
  totalCholesterol: number; // mg/dL
  hdl: number; // mg/dL
  sbp: number;
  /** eGFR (CKD-EPI 2021), mL/min/1.73 m². */
  egfr: number;
  /** Only the heart-failure model uses BMI; omit to skip it. */
  bmi?: number;
  diabetes: boolean;
  smoker: boolean;
  antihypertensive: boolean;
  statin: boolean;
}

export interface PreventResult {
  /** Fractions. */
  tenYearRisk: number; // total CVD (the primary PREVENT outcome)
  tenYearAscvd: number;
  tenYearHf?: number;
  rule: string;
  /** The rule as users read it, in each language (issue 20); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: PreventInput;
  display: Text;
}

type Terms = Record<string, number>;
// §3.2 10-year total CVD base model.
const CVD: Record<Sex, Terms> = {
  female: {
    a: 0.7939329,
    nhdl: 0.0305239,
    hdl: -0.1606857,
    sbpL: -0.2394003,
    sbpH: 0.3600781,
    dm: 0.8667604,
    smk: 0.5360739,
    egfL: 0.6045917,
    egfH: 0.0433769,
    ht: 0.3151672,
    st: -0.1477655,
    htSbpH: -0.0663612,
    stNhdl: 0.1197879,
    aNhdl: -0.0819715,
    aHdl: 0.0306769,
    aSbpH: -0.0946348,
    aDm: -0.27057,
    aSmk: -0.078715,
    aEgfL: -0.1637806,
    c: -3.307728,
  },
  male: {
    a: 0.7688528,
    nhdl: 0.0736174,
    hdl: -0.0954431,
    sbpL: -0.4347345,
    sbpH: 0.3362658,
    dm: 0.7692857,
    smk: 0.4386871,
    egfL: 0.5378979,
    egfH: 0.0164827,
    ht: 0.288879,
    st: -0.1337349,
    htSbpH: -0.0475924,
    stNhdl: 0.150273,
    aNhdl: -0.0517874,
    aHdl: 0.0191169,
    aSbpH: -0.1049477,
    aDm: -0.2251948,
    aSmk: -0.0895067,
    aEgfL: -0.1543702,
    c: -3.031168,
  },
};
// §3.2 10-year ASCVD base model.
const ASCVD: Record<Sex, Terms> = {
  female: {
    a: 0.719883,
    nhdl: 0.1176967,
    hdl: -0.151185,
    sbpL: -0.0835358,
    sbpH: 0.3592852,
    dm: 0.8348585,
    smk: 0.4831078,
    egfL: 0.4864619,
    egfH: 0.0397779,
    ht: 0.2265309,
    st: -0.0592374,
    htSbpH: -0.0395762,
    stNhdl: 0.0844423,
    aNhdl: -0.0567839,
    aHdl: 0.0325692,
    aSbpH: -0.1035985,
    aDm: -0.2417542,
    aSmk: -0.0791142,
    aEgfL: -0.1671492,
    c: -3.819975,
  },
  male: {
    a: 0.7099847,
    nhdl: 0.1658663,
    hdl: -0.1144285,
    sbpL: -0.2837212,
    sbpH: 0.3239977,
    dm: 0.7189597,
    smk: 0.3956973,
    egfL: 0.3690075,
    egfH: 0.0203619,
    ht: 0.2036522,
    st: -0.0865581,
    htSbpH: -0.0322916,
    stNhdl: 0.114563,
    aNhdl: -0.0300005,
    aHdl: 0.0232747,
    aSbpH: -0.0927024,
    aDm: -0.2018525,
    aSmk: -0.0970527,
    aEgfL: -0.1217081,
    c: -3.500655,
  },
};
// §3.2 10-year heart-failure base model (no cholesterol/statin terms; BMI terms).
const HF: Record<Sex, Terms> = {
  female: {
    a: 0.8998235,
    sbpL: -0.4559771,
    sbpH: 0.3576505,
    dm: 1.038346,
    smk: 0.583916,
    bmiL: -0.0072294,
    bmiH: 0.2997706,
    egfL: 0.7451638,
    egfH: 0.0557087,
    ht: 0.3534442,
    htSbpH: -0.0981511,
    aSbpH: -0.0946663,
    aDm: -0.3581041,
    aSmk: -0.1159453,
    aBmiH: -0.003878,
    aEgfL: -0.1884289,
    c: -4.310409,
  },
  male: {
    a: 0.8972642,
    sbpL: -0.6811466,
    sbpH: 0.3634461,
    dm: 0.923776,
    smk: 0.5023736,
    bmiL: -0.0485841,
    bmiH: 0.3726929,
    egfL: 0.6926917,
    egfH: 0.0251827,
    ht: 0.2980922,
    htSbpH: -0.0497731,
    aSbpH: -0.1289201,
    aDm: -0.3040924,
    aSmk: -0.1401688,
    aBmiH: 0.0068126,
    aEgfL: -0.1797778,
    c: -3.946391,
  },
};

// §3.2 input ranges (preventr/Stata validation).
const RANGES = {
  age: [30, 79],
  totalCholesterol: [130, 320],
  hdl: [20, 100],
  sbp: [90, 200],
  egfr: [15, 140],
} as const;

/** Transformed predictors (§3.2). */
function predictors(x: PreventInput): Terms {
  const a = (x.age - 55) / 10; // §3.2
  const nhdl = (x.totalCholesterol - x.hdl) * 0.02586 - 3.5; // §3.2 mg/dL → mmol/L ×0.02586
  const hdl = (x.hdl * 0.02586 - 1.3) / 0.3; // §3.2
  const sbpL = (Math.min(x.sbp, 110) - 110) / 20; // §3.2
  const sbpH = (Math.max(x.sbp, 110) - 130) / 20; // §3.2
  const egfL = (Math.min(x.egfr, 60) - 60) / -15; // §3.2
  const egfH = (Math.max(x.egfr, 60) - 90) / -15; // §3.2
  const bmi = x.bmi ?? 30;
  const bmiL = (Math.min(bmi, 30) - 25) / 5; // §3.2
  const bmiH = (Math.max(bmi, 30) - 30) / 5; // §3.2
  const dm = x.diabetes ? 1 : 0;
  const smk = x.smoker ? 1 : 0;
  const ht = x.antihypertensive ? 1 : 0;
  const st = x.statin ? 1 : 0;
  return {
    a,
    nhdl,
    hdl,
    sbpL,
    sbpH,
    dm,
    smk,
    egfL,
    egfH,
    ht,
    st,
    bmiL,
    bmiH,
    htSbpH: ht * sbpH,
    stNhdl: st * nhdl,
    aNhdl: a * nhdl,
    aHdl: a * hdl,
    aSbpH: a * sbpH,
    aDm: a * dm,
    aSmk: a * smk,
    aEgfL: a * egfL,
    aBmiH: a * bmiH,
    c: 1,
  };
}

function logistic(coef: Terms, p: Terms): number {
  let lp = 0;
  for (const [k, b] of Object.entries(coef)) lp += b * (p[k] ?? 0);
  return Math.exp(lp) / (1 + Math.exp(lp)); // §3.2 logistic model
}

export function preventRisk(input: PreventInput): PreventResult {
  for (const [k, [lo, hi]] of Object.entries(RANGES)) {
    const v = input[k as keyof typeof RANGES];
    if (!Number.isFinite(v) || v < lo || v > hi)
      throw new QihuangError('invalid-input', `${k} must be ${lo}–${hi} for PREVENT (REFERENCE §3.2)`);
  }
  if (input.bmi !== undefined && !(input.bmi >= 18.5 && input.bmi < 40))
    throw new QihuangError('invalid-input', 'bmi must be 18.5–39.9 for PREVENT (REFERENCE §3.2)');
  const p = predictors(input);
  const cvd = logistic(CVD[input.sex], p);
  const ascvd = logistic(ASCVD[input.sex], p);
  const result: PreventResult = {
    tenYearRisk: cvd,
    tenYearAscvd: ascvd,
    rule: 'PREVENT base 10-year logistic models, sex-specific',
    ruleText: {
      zh: 'PREVENT 基础10年 logistic 模型（按性别）',
      en: 'PREVENT base 10-year logistic models, sex-specific',
    },
    // REFERENCE §3.2, cited to users by the paper.
    source: 'AHA PREVENT equations (Khan et al., Circulation 2024)',
    inputs: input,
    display: {
      zh: `PREVENT 10年心血管病总风险 ${(cvd * 100).toFixed(1)}%，动脉粥样硬化性心血管病 ${(ascvd * 100).toFixed(1)}%`,
      en: `PREVENT 10-year total CVD ${(cvd * 100).toFixed(1)}%, ASCVD ${(ascvd * 100).toFixed(1)}%`,
    },
  };
  if (input.bmi !== undefined) {
    result.tenYearHf = logistic(HF[input.sex], p);
    result.display.zh += `，心力衰竭 ${(result.tenYearHf * 100).toFixed(1)}%`;
    result.display.en += `, heart failure ${(result.tenYearHf * 100).toFixed(1)}%`;
  }
  return result;
}
