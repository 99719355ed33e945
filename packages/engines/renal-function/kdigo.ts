/** KDIGO 2012 (retained 2024) GFR and albuminuria categories and prognosis heat map (REFERENCE §4.3). */
import type { Text } from './types.ts';

export type GfrStage = 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5';
export type AlbuminuriaStage = 'A1' | 'A2' | 'A3';
export type KdigoRisk = 'low' | 'moderately-increased' | 'high' | 'very-high';

const G: { stage: GfrStage; min: number; display: Text }[] = [
  { stage: 'G1', min: 90, display: { zh: '正常或升高', en: 'normal or high' } }, // §4.3 ≥90
  { stage: 'G2', min: 60, display: { zh: '轻度下降', en: 'mildly decreased' } }, // §4.3 60–89
  { stage: 'G3a', min: 45, display: { zh: '轻至中度下降', en: 'mildly to moderately decreased' } }, // §4.3 45–59
  { stage: 'G3b', min: 30, display: { zh: '中至重度下降', en: 'moderately to severely decreased' } }, // §4.3 30–44
  { stage: 'G4', min: 15, display: { zh: '重度下降', en: 'severely decreased' } }, // §4.3 15–29
  { stage: 'G5', min: -Infinity, display: { zh: '肾衰竭', en: 'kidney failure' } }, // §4.3 <15
];

/** Half-open intervals on the value given (§4.3 "G2 = 60 ≤ eGFR < 90"). Pass a rounded value to classify on the reported integer. */
export function kdigoGfrStage(egfr: number): { stage: GfrStage; display: Text } {
  const hit = G.find((g) => egfr >= g.min) ?? (G[G.length - 1] as (typeof G)[number]);
  return { stage: hit.stage, display: hit.display };
}

/** ACR in mg/g (or mg/mmol with unit) → A category; 300 mg/g exactly is A2 (§4.3). */
export function kdigoAlbuminuriaStage(acr: number, unit: 'mg/g' | 'mg/mmol' = 'mg/g'): AlbuminuriaStage {
  const [a2, a3] = unit === 'mg/g' ? [30, 300] : [3, 30]; // §4.3 A2 30–300 mg/g (3–30 mg/mmol)
  if (acr > a3) return 'A3';
  return acr >= a2 ? 'A2' : 'A1';
}

// §4.3 KDIGO prognosis heat map.
const HEAT: Record<GfrStage, [KdigoRisk, KdigoRisk, KdigoRisk]> = {
  G1: ['low', 'moderately-increased', 'high'],
  G2: ['low', 'moderately-increased', 'high'],
  G3a: ['moderately-increased', 'high', 'very-high'],
  G3b: ['high', 'very-high', 'very-high'],
  G4: ['very-high', 'very-high', 'very-high'],
  G5: ['very-high', 'very-high', 'very-high'],
};

export function kdigoRisk(g: GfrStage, a: AlbuminuriaStage): KdigoRisk {
  return HEAT[g][a === 'A1' ? 0 : a === 'A2' ? 1 : 2];
}
