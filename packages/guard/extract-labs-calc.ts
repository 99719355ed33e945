/**
 * A renal function computed in the answer from the patient's numbers (REFERENCE §4.1 CKD-EPI 2021 [V2], §4.2
 * Cockcroft–Gault): "女，77 岁，肌酐 1.8 mg/dL：CKD-EPI 2021 eGFR 约 29", "Male, 78, 62 kg, creatinine 1.6 mg/dL:
 * CrCl = … ≈ 28.4 mL/min". Read only when the sentence names the equation and states the result, and the age and
 * creatinine (and for Cockcroft–Gault the weight) are stated in the answer up to that sentence; the sex may be
 * unknown (the check then needs both sexes to disagree).
 */
import type { PatientContext } from './types.ts';

export interface RenalCalcData {
  equation: 'ckd-epi-2021' | 'cockcroft-gault';
  stated: number;
  age: number;
  creatinine: number;
  unit: 'mg/dL' | 'umol/L';
  sex?: 'male' | 'female';
  weightKg?: number;
}

/** A weight other than the actual one (ideal, adjusted, lean): the computation is not the one checked. */
const OTHER_WEIGHT = /ideal|adjusted|lean body|\bIBW\b|\bABW\b|理想体重|校正体重|调整体重|去脂体重/i;
const CKD_EPI = /CKD[- ]?EPI\s*(?:\(?\s*2021|[^。.;；]{0,20}race[- ]free)/i;
const OTHER_EQUATION = /CKD[- ]?EPI\s*\(?\s*2009|MDRD|cystatin|胱抑素/i;
const CG = /Cockcroft|\bC-?G\b|CrCl|creatinine clearance|肌酐清除率/i;
const CREATININE =
  /(?:creatinine|\bScr\b|\bSCr\b|血肌酐|肌酐)(?!\s*清除|\s*clearance)[^0-9。;；]{0,14}?(\d+(?:\.\d+)?)\s*(mg\s*\/\s*dL|[μµu]mol\s*\/\s*L)/gi;
const WEIGHT = /(?:体重|weigh\w*)?\s*(\d{2,3}(?:\.\d+)?)\s*(?:kg|公斤|千克)(?![a-z/])/gi;
const AGE =
  /(\d{2,3})\s*(?:岁|-?year-old|years? old|y\b|yo\b)|(?:aged?|年龄)\s*(\d{2,3})(?!\d)|(?:^|[\s,，、(（])(?:男|女|male|female|man|woman)(?:性)?\s*[,，、]?\s*(\d{2})(?![\d.]|\s*(?:kg|mg|%|公斤))|\b(\d{2})\s*(?:M|F)\b/gi;
const SEX =
  /\b(?:male|man|men|he|his)\b|男|\b(\d{2})\s*M\b|\b(?:female|woman|women|she|her)\b|女|\b(\d{2})\s*F\b/gi;

const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

/** The stated result: "eGFR 约 29", "eGFR of about 58"; "≈ 28.4 mL/min", "= 34.3 mL/min". */
function statedResult(t: string, equation: RenalCalcData['equation']): number | undefined {
  if (equation === 'ckd-epi-2021') {
    const m =
      /(?:eGFR|GFR|肾小球滤过率)[^0-9。;；]{0,26}?(?:约|about|approximately|≈|~|=)?\s*(\d{1,3}(?:\.\d+)?)(?!\d|\.\d|\s*(?:mg|岁|years?|%))/i.exec(
        t.replace(/CKD[- ]?EPI\s*\(?\s*2021\)?/gi, 'CKD-EPI'),
      );
    return m ? Number(m[1]) : undefined;
  }
  const all = [
    ...t.matchAll(
      /(?:≈|=|约|about|approximately|is|of)\s*(\d{1,3}(?:\.\d+)?)\s*(?:mL|ml)\s*\/\s*min(?!\s*\/\s*1)/gi,
    ),
  ];
  const m = last(all);
  return m ? Number(m[1]) : undefined;
}

/** A computed eGFR or CrCl in `sentence`, with its inputs from `upTo` (the answer up to and including it). */
export function renalCalculation(
  sentence: string,
  upTo: string,
  patient?: PatientContext,
): RenalCalcData | undefined {
  const s = sentence.normalize('NFKC');
  if (OTHER_EQUATION.test(s) || OTHER_WEIGHT.test(s)) return undefined;
  // "so her Cockcroft–Gault CrCl is about 36 mL/min": the equation named is a computation too.
  const equation = CKD_EPI.test(s)
    ? 'ckd-epi-2021'
    : CG.test(s) && (/=|≈|约|计算|works out|comes to|gives/i.test(s) || /Cockcroft/i.test(s))
      ? 'cockcroft-gault'
      : undefined;
  if (!equation) return undefined;
  const stated = statedResult(s, equation);
  if (stated === undefined) return undefined;
  const u = upTo.normalize('NFKC');
  // The answer's own numbers first, else the request's (the patient's age, sex, weight and creatinine).
  const crM = last([...u.matchAll(CREATININE)]);
  const cr = crM
    ? { value: Number(crM[1]), unit: /mg/i.test(crM[2] as string) ? ('mg/dL' as const) : ('umol/L' as const) }
    : patient?.creatinine;
  const ageM = last([...u.matchAll(AGE)]);
  const age = ageM ? Number(ageM[1] ?? ageM[2] ?? ageM[3] ?? ageM[4]) : patient?.age;
  if (!cr || age === undefined || age < 18 || age > 110) return undefined;
  const sexes = new Set(
    [...u.matchAll(SEX)].map((m) => (/^(?:male|man|men|he|his|男)$/i.test(m[0]) || m[1] ? 'male' : 'female')),
  );
  if (patient?.sex === 'male' || patient?.sex === 'female') sexes.add(patient.sex);
  const sex = sexes.size === 1 ? ([...sexes][0] as 'male' | 'female') : undefined;
  const weightM = last([...u.matchAll(WEIGHT)]);
  const weightKg = weightM ? Number(weightM[1]) : patient?.weightKg;
  if (equation === 'cockcroft-gault' && weightKg === undefined) return undefined;
  return {
    equation,
    stated,
    age,
    creatinine: cr.value,
    unit: cr.unit,
    ...(sex ? { sex } : {}),
    ...(weightKg !== undefined ? { weightKg } : {}),
  };
}
