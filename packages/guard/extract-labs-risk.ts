/**
 * Two laboratory frames read with certainty (round 5b, issue 18):
 * - a KDIGO heat-map cell: one G category and one A category in the sentence ("G3a with A2", "G3bA1") with one
 *   risk level said of them ("falls in the low-risk cell", "属于高危") — checked with the renal-function engine's
 *   `kdigoRisk` (REFERENCE §4.3 prognosis heat map);
 * - a creatinine converted between µmol/L and mg/dL ("肌酐133 µmol/L，约1.5 mg/dL") — checked against 88.4 µmol/L
 *   per mg/dL (REFERENCE §8.2 UCUM / §4.1 CKD-EPI input).
 */
import type { AlbuminuriaStage, GfrStage, KdigoRisk } from '@qihuang/engines/renal-function';

export interface KdigoRiskData {
  g: GfrStage;
  a: AlbuminuriaStage;
  risk: KdigoRisk;
}

const G = /(?<![A-Za-z0-9])G([1-5](?:[ab])?)(?![0-9b])/gi;
const A = /(?:(?<![A-Za-z0-9])|(?<=G[1-5][ab]?))A([123])(?![0-9])/g;
// Longest first: "very high" before "high", "moderately increased" before "increased".
const RISKS: [KdigoRisk, RegExp][] = [
  ['very-high', /very[- ]high|极高(?:危|风险)?|很高风险/i],
  ['moderately-increased', /moderately[- ]increased|moderate[- ]risk|中度(?:增加|升高)|中危|中等风险/i],
  ['high', /(?<!very[- ])\bhigh(?:[- ]risk)?\b(?! (?:blood|BP))|(?<!极)高危|(?<!极)高风险/i],
  ['low', /\blow(?:[- ]risk)?\b|低危|低风险/i],
];
const LAB_VALUE =
  /\b(?:e?GFR|u?ACR|albumin(?:uria)?(?:[- ]to[- ]creatinine ratio)?)\s*(?:of|is|was|=|:|：|为|是)?\s*(?:about|around|约)?\s*\d+(?:\.\d+)?\s*(?:mL\/min(?:\/1\.73\s*m²?)?|mg\/g|mg\/mmol)?|(?:肾小球滤过率|尿白蛋白肌酐比)\s*(?:为|是|约)?\s*\d+(?:\.\d+)?\s*(?:mL\/min(?:\/1\.73\s*m²?)?|mg\/g|mg\/mmol)?/gi;
const RISK_WORD = /risk|heat[- ]?map|prognos|cell|危|风险|预后|热图/i;

export function kdigoRiskIn(text: string): KdigoRiskData | undefined {
  const t = text.normalize('NFKC');
  if (!RISK_WORD.test(t)) return undefined;
  const gs = new Set([...t.matchAll(G)].map((m) => (m[1] as string).toLowerCase()));
  const as = new Set([...t.matchAll(A)].map((m) => m[1] as string));
  if (gs.size !== 1 || as.size !== 1) return undefined;
  // A value or a denial makes it another frame ("eGFR 50 …", "不是低危").
  // The patient's eGFR and ACR stated beside their codes ("With eGFR 72 (G2) and ACR 420 mg/g (A3)") are no other frame.
  const rest = t.replace(LAB_VALUE, ' ');
  if (/\d{2,}|不是|并非|\bnot\b|isn't|rather than|而不是/i.test(rest)) return undefined;
  const found = RISKS.filter(([, re]) => re.test(t));
  if (found.length !== 1) return undefined;
  const g = [...gs][0] as string;
  return {
    g: `G${g.length > 1 ? `${g[0]}${g[1]}` : g}` as GfrStage,
    a: `A${[...as][0]}` as AlbuminuriaStage,
    risk: found[0]![0],
  };
}

export interface CreatinineConversionData {
  umol: number;
  mgdl: number;
}

// REFERENCE §4.1: creatinine 1 mg/dL = 88.4 µmol/L.
export const UMOL_PER_MGDL = 88.4;
const UMOL = /(?:creatinine|肌酐)[^0-9。.;；]{0,12}?(\d+(?:\.\d+)?)\s*(?:µ|μ|u)mol\/L/i;
const MGDL = /(\d+(?:\.\d+)?)\s*mg\/dL/gi;

export function creatinineConversionIn(text: string): CreatinineConversionData | undefined {
  const t = text.normalize('NFKC').replace(/μ/g, 'µ');
  const u = UMOL.exec(t);
  if (!u || !/换算|折合|约|≈|相当于|convert|equals|is about|corresponds|i\.e\./i.test(t)) return undefined;
  const after = t.slice((u.index as number) + u[0].length);
  const mg = [...after.matchAll(MGDL)];
  if (mg.length !== 1) return undefined;
  return { umol: Number(u[1]), mgdl: Number(mg[0]![1]) };
}
