/**
 * Readings written in words that the pair patterns of extract-bp.ts do not read ("高压150低压95", "one sixty over
 * ninety"), found by the clinical-language package's vital-sign reader, each with the sentence's category.
 */
import { analyze } from '@qihuang/clinical-language';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { settingAt } from './extract-bp-settings.ts';
import type { BpData } from './types.ts';

export function wordedReadings(t: string, category: string, withG: { guideline?: Guideline }): BpData[] {
  if (!/高压|低压|上压|下压|\d\s*over\s*\d/i.test(t)) return [];
  const out: BpData[] = [];
  for (const v of analyze(t).vitals) {
    if (v.kind !== 'bp' || v.sbp === undefined || v.dbp === undefined) continue;
    out.push({
      ...withG,
      category,
      setting: settingAt(t, v.start),
      form: 'reading',
      sbp: [v.sbp, undefined],
      dbp: [v.dbp, undefined],
      lowerBoundOnly: true,
    });
  }
  return out;
}
