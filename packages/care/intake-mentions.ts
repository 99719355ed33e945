/**
 * What the intake reads in an answer besides conditions (intake.ts) and allergies (intake-allergies.ts): blood
 * pressure readings and medicines taken, each read in context with @qihuang/clinical-language. Pure.
 */
import { analyze, modifiersAt, type Modifiers } from '@qihuang/clinical-language';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { PLAUSIBLE } from '@qihuang/engines/blood-pressure';
import { allergiesIn } from './intake-allergies.ts';

/** active: the patient's now; inactive: past; family: a relative's. */
export type ConditionStatus = 'active' | 'inactive' | 'family';

/**
 * What a mention says about the patient now: skip (denied, hypothetical, unsure, or about someone in a report or
 * someone else's relative), family, inactive or active.
 */
export function statusOf(mod: Modifiers): ConditionStatus | 'skip' {
  if (mod.negated || mod.hypothetical || mod.uncertain || mod.remote) return 'skip';
  if (mod.experiencer === 'other') return 'family';
  return mod.historical ? 'inactive' : 'active';
}

/**
 * Blood-pressure readings written in a message, in any common form (152/96, 高压150低压95, 150 over 95, kPa),
 * within the BP engine's plausibility limits. Readings about someone else, negated or hypothetical ones are left
 * out; past ones ("以前最高200/120") too unless `includePast` (home readings recalled in the intake).
 */
export function readingsIn(
  text: string,
  options: { includePast?: boolean } = {},
): { sbp: number; dbp: number }[] {
  const out: { sbp: number; dbp: number }[] = [];
  for (const v of analyze(text).vitals) {
    if (v.kind !== 'bp' || v.sbp === undefined || v.dbp === undefined || !v.plausible) continue;
    const m = v.modifiers;
    if (m.negated || m.hypothetical || m.experiencer === 'other') continue;
    if (m.historical && !options.includePast) continue;
    // The BP engine's ingestion limits (one definition, packages/engines/blood-pressure/plausibility.ts).
    const { sbp: s, dbp: d } = PLAUSIBLE;
    if (v.sbp >= s.min && v.sbp <= s.max && v.dbp >= d.min && v.dbp <= d.max && v.dbp < v.sbp)
      out.push({ sbp: v.sbp, dbp: v.dbp });
  }
  return out;
}

export interface MedicationMention {
  text: string;
  drugId?: string;
  name?: string;
  /** active: taken now; completed: taken in the past ("以前吃过"). */
  status: 'active' | 'completed';
}

/**
 * Medicines named in the answer, matched against the drug knowledge base; each name is read in the context of
 * the whole answer: denied, hypothetical, uncertain and relatives' medicines are left out.
 */
export function medicationsIn(text: string, drugs: DrugKnowledgeBase): MedicationMention[] {
  if (/^\s*(没有|无|none|no|nothing)\s*[。.!！]?\s*$/i.test(text)) return [];
  const out: MedicationMention[] = [];
  const allergies = allergiesIn(text, drugs);
  const allergic = new Set(allergies.map((a) => a.drugId));
  // The words the patient named as an allergen ("对青霉素过敏": penicillin is a class, no drug id; issue 20).
  const allergen = allergies.map((a) => a.text.toLowerCase()).filter(Boolean);
  const namedAllergen = (words: string) => {
    const w = words.toLowerCase();
    return allergen.some((a) => a.includes(w) || w.includes(a));
  };
  let last = 0;
  const parts: { part: string; offset: number }[] = [];
  for (const m of text.matchAll(/[，,；;。\n、]|\band\b|和|以及/g)) {
    parts.push({ part: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  parts.push({ part: text.slice(last), offset: last });
  for (const { part, offset } of parts) {
    const trimmed = part.trim();
    const match = trimmed ? drugs.match(trimmed) : undefined;
    if (!match) continue;
    const at = part.toLowerCase().indexOf(match.matchedText.toLowerCase());
    const start = offset + Math.max(0, at);
    const end = at >= 0 ? start + match.matchedText.length : offset + part.length;
    const status = statusOf(
      (modifiersAt(text, [{ start, end, kind: 'drug' }])[0] as { modifiers: Modifiers }).modifiers,
    );
    if (status === 'skip' || status === 'family') continue;
    // A drug named as an allergy ("卡托普利过敏", "吃阿司匹林后起皮疹") is not a medicine taken (intake-allergies.ts).
    if (allergic.has(match.drug.id) || namedAllergen(match.matchedText)) continue;
    out.push({
      text: trimmed,
      drugId: match.drug.id,
      name: match.drug.names.en,
      status: status === 'inactive' ? 'completed' : 'active',
    });
  }
  return out;
}
