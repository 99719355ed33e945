/**
 * The definition of isolated systolic hypertension ("单纯收缩期高血压：收缩压≥140 mmHg 且舒张压<90 mmHg", "ISH is
 * systolic ≥140 with diastolic <90"), REFERENCE §1.2 (ESH 2023) and §1.3 (China 2018) [V2]. Read only when both
 * pressures are stated with a relation (at least / below).
 */
import type { BpData } from './types.ts';

const ISH = /isolated systolic hypertension|\bISH\b|单纯收缩期高血压/i;
const REL = String.raw`(≥|>=|>|＞|<|＜|≤|at least|below|under|less than|above|over|greater than|大于等于|不低于|低于|小于|高于|大于|超过)?\s*(\d{2,3})\s*(?:mmHg)?\s*(以上|以下|or (?:more|higher|above)|or below)?`;
const SYS = new RegExp(
  String.raw`(?:systolic|SBP|收缩压)(?:\s*(?:BP|pressure))?\s*(?:of|is|为|是|:|：)?\s*${REL}`,
  'i',
);
const DIA = new RegExp(
  String.raw`(?:diastolic|DBP|舒张压)(?:\s*(?:BP|pressure))?\s*(?:of|is|为|是|:|：)?\s*${REL}`,
  'i',
);

function relation(m: RegExpExecArray): 'ge' | 'lt' | undefined {
  const pre = m[1] ?? '';
  const post = m[3] ?? '';
  if (/<|＜|≤|below|under|less|低于|小于/.test(pre) || /以下|below/.test(post)) return 'lt';
  if (pre || post) return 'ge';
  return undefined;
}

/** The ISH definition in a sentence, as a threshold claim ("isolated-systolic"), or undefined. */
export function isolatedSystolicDefinition(t: string): BpData | undefined {
  if (!ISH.test(t)) return undefined;
  const s = SYS.exec(t);
  const d = DIA.exec(t);
  if (!s || !d) return undefined;
  const sr = relation(s);
  const dr = relation(d);
  if (!sr || !dr) return undefined;
  return {
    category: 'isolated-systolic',
    setting: 'office',
    form: 'threshold',
    sbp: [Number(s[2]), undefined],
    dbp: [Number(d[2]), undefined],
    lowerBoundOnly: true,
    isolated: { sbp: sr, dbp: dr },
  };
}
