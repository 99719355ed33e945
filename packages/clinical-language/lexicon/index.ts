/** The concept lexicon: every concept with its surface forms, codes, clinical meaning and sources. */
import type { Concept } from '../types.ts';
import { CONDITION_CONCEPTS, DRUG_CONCEPTS } from './conditions.ts';
import { EMERGENCY_CONCEPTS } from './emergency.ts';
import { EMERGENCY_CONCEPTS_2 } from './emergency2.ts';
import { EMERGENCY_CONCEPTS_3 } from './emergency3.ts';
import { SYMPTOM_CONCEPTS } from './symptoms.ts';
import { VARIANTS } from './variants.ts';

export { SOURCES, type Source } from './sources.ts';

/** A concept row with its extra forms from variants.ts. */
function withVariants(c: Concept): Concept {
  const v = VARIANTS[c.id];
  if (!v) return c;
  return {
    ...c,
    zh: [...c.zh, ...(v.zh ?? [])],
    en: [...c.en, ...(v.en ?? [])],
    ...(c.patterns || v.patterns ? { patterns: [...(c.patterns ?? []), ...(v.patterns ?? [])] } : {}),
  };
}

export const LEXICON: readonly Concept[] = [
  ...EMERGENCY_CONCEPTS,
  ...EMERGENCY_CONCEPTS_2,
  ...EMERGENCY_CONCEPTS_3,
  ...SYMPTOM_CONCEPTS,
  ...CONDITION_CONCEPTS,
  ...DRUG_CONCEPTS,
].map(withVariants);

export const CONCEPTS_BY_ID: ReadonlyMap<string, Concept> = new Map(LEXICON.map((c) => [c.id, c]));
