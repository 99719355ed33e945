/**
 * The clinical complications of the China 2018 risk table (REFERENCE §3.4 "clinical complications": cerebrovascular
 * disease, heart disease, kidney disease, peripheral vascular disease, retinopathy, diabetes) by name, so that the
 * risk reason says what made the patient very high risk (issue 20: a prior stroke, REFERENCE §10.6 RS5).
 */
import type { Text } from '@qihuang/engines/blood-pressure';

/** Chart condition keys (condition-keys) that are clinical complications, in the order they are named. */
const CONDITION_NAMES: readonly [string, Text][] = [
  ['stroke', { zh: '脑卒中', en: 'stroke' }],
  ['coronary', { zh: '冠心病', en: 'coronary heart disease' }],
  ['heart-failure', { zh: '心力衰竭', en: 'heart failure' }],
  ['atrial-fibrillation', { zh: '心房颤动', en: 'atrial fibrillation' }],
];
/** The complications chart-factors.ts lists (English keys) by name. */
const FACTOR_NAMES: Record<string, Text> = {
  'peripheral artery disease': { zh: '外周血管疾病', en: 'peripheral artery disease' },
  retinopathy: { zh: '视网膜病变', en: 'retinopathy' },
  proteinuria: { zh: '蛋白尿', en: 'proteinuria' },
  'diabetes with complications': { zh: '糖尿病伴并发症', en: 'diabetes with complications' },
};

export function complicationNames(
  conditions: ReadonlySet<string>,
  factorComplications: readonly string[],
): Text[] {
  return [
    ...CONDITION_NAMES.filter(([key]) => conditions.has(key)).map(([, name]) => name),
    ...factorComplications.map((key) => FACTOR_NAMES[key] ?? { zh: key, en: key }),
  ];
}
