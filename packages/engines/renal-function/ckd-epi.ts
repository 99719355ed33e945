/** CKD-EPI 2021 race-free creatinine equation (REFERENCE §4.1) and Cockcroft–Gault (§4.2). Pure. */
import { QihuangError } from '@qihuang/contracts';
import { kdigoGfrStage, type GfrStage } from './kdigo.ts';
import type { Text } from './types.ts';

export type Sex = 'female' | 'male';
export type CreatinineUnit = 'mg/dL' | 'umol/L';

export const UMOL_PER_MG_DL = 88.4; // §4.1 Scr (mg/dL) = Scr (µmol/L) / 88.4

export function creatinineMgDl(value: number, unit: CreatinineUnit): number {
  return unit === 'mg/dL' ? value : value / UMOL_PER_MG_DL;
}

export interface EgfrInput {
  creatinine: number;
  unit: CreatinineUnit;
  age: number;
  sex: Sex;
}

export interface EgfrResult {
  /** mL/min/1.73 m², unrounded. */
  egfr: number;
  /** Whole number, as reported (§4.1 "round to whole number"). */
  egfrRounded: number;
  /** KDIGO G category of the unrounded value (§4.3 half-open intervals; documented choice). */
  stage: GfrStage;
  equation: 'CKD-EPI 2021 creatinine (race-free)';
  rule: string;
  /** The rule as users read it, in each language (issue 20); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: EgfrInput & { creatinineMgDl: number };
  display: Text;
}

function validate(input: EgfrInput): void {
  if (!(input.creatinine > 0))
    throw new QihuangError('invalid-input', 'creatinine must be a positive number');
  if (!(input.age >= 18 && input.age <= 120))
    throw new QihuangError('invalid-input', 'age must be 18–120 years (adult equation)');
  if (input.sex !== 'female' && input.sex !== 'male')
    throw new QihuangError('invalid-input', 'sex must be female or male');
}

export function egfrCkdEpi2021(input: EgfrInput): EgfrResult {
  validate(input);
  const scr = creatinineMgDl(input.creatinine, input.unit);
  const female = input.sex === 'female';
  const kappa = female ? 0.7 : 0.9; // §4.1 κ
  const alpha = female ? -0.241 : -0.302; // §4.1 α
  const ratio = scr / kappa;
  const egfr =
    142 * // §4.1 constant
    Math.min(ratio, 1) ** alpha *
    Math.max(ratio, 1) ** -1.2 * // §4.1 exponent −1.200
    0.9938 ** input.age * // §4.1 age factor
    (female ? 1.012 : 1); // §4.1 female factor
  const stage = kdigoGfrStage(egfr);
  return {
    egfr,
    egfrRounded: Math.round(egfr),
    stage: stage.stage,
    equation: 'CKD-EPI 2021 creatinine (race-free)',
    rule: '142 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.200 × 0.9938^age × 1.012[female]',
    ruleText: {
      zh: '142 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.200 × 0.9938^年龄 × 1.012[女性]',
      en: '142 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.200 × 0.9938^age × 1.012[female]',
    },
    // Users see the published sources (REFERENCE §4.1, §4.3), never the internal reference.
    source:
      'CKD-EPI 2021 (Inker et al., NEJM 2021); KDIGO 2012 CKD guideline (GFR categories, retained in KDIGO 2024)',
    inputs: { ...input, creatinineMgDl: scr },
    display: {
      zh: `eGFR ${Math.round(egfr)} mL/min/1.73 m²(CKD-EPI 2021):${stage.stage} ${stage.display.zh}`,
      en: `eGFR ${Math.round(egfr)} mL/min/1.73 m² (CKD-EPI 2021): ${stage.stage} ${stage.display.en}`,
    },
  };
}

export interface CrClInput extends EgfrInput {
  weightKg: number;
}

export interface CrClResult {
  /** mL/min, not normalised to body-surface area. */
  crcl: number;
  rule: string;
  /** The rule as users read it, in each language (issue 20); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: CrClInput & { creatinineMgDl: number };
  display: Text;
}

export function cockcroftGault(input: CrClInput): CrClResult {
  validate(input);
  if (!(input.weightKg > 0 && input.weightKg < 400))
    throw new QihuangError('invalid-input', 'weight must be 0–400 kg');
  const scr = creatinineMgDl(input.creatinine, input.unit);
  const crcl = (((140 - input.age) * input.weightKg) / (72 * scr)) * (input.sex === 'female' ? 0.85 : 1); // §4.2 Cockcroft–Gault
  return {
    crcl,
    rule: '(140 − age) × weight / (72 × Scr) × 0.85[female]',
    ruleText: {
      zh: '（140 − 年龄） × 体重 /（72 × Scr） × 0.85[女性]',
      en: '(140 − age) × weight / (72 × Scr) × 0.85[female]',
    },
    // REFERENCE §4.2, cited to users by the original paper.
    source: 'Cockcroft–Gault (Cockcroft & Gault, Nephron 1976)',
    inputs: { ...input, creatinineMgDl: scr },
    display: {
      zh: `肌酐清除率 ${crcl.toFixed(1)} mL/min(Cockcroft–Gault)`,
      en: `Creatinine clearance ${crcl.toFixed(1)} mL/min (Cockcroft–Gault)`,
    },
  };
}
