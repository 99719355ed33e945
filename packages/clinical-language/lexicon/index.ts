/** The concept lexicon: every concept with its surface forms, codes, clinical meaning and sources. */
import type { Concept } from '../types.ts';
import { CONDITION_CONCEPTS, DRUG_CONCEPTS } from './conditions.ts';
import { EMERGENCY_CONCEPTS } from './emergency.ts';
import { EMERGENCY_CONCEPTS_2 } from './emergency2.ts';
import { EMERGENCY_CONCEPTS_3 } from './emergency3.ts';
import { EMERGENCY_CONCEPTS_4 } from './emergency4.ts';
import { SYMPTOM_CONCEPTS } from './symptoms.ts';
import { VARIANTS } from './variants.ts';
import { VARIANTS_2 } from './variants2.ts';
import { VARIANTS_3 } from './variants3.ts';
import { VARIANTS_4 } from './variants4.ts';
import { VARIANTS_5 } from './variants5.ts';
import { VARIANTS_6 } from './variants6.ts';
import { VARIANTS_7 } from './variants7.ts';
import { VARIANTS_8 } from './variants8.ts';
import { VARIANTS_9 } from './variants9.ts';

export { SOURCES, type Source } from './sources.ts';

/** A concept row with its extra forms from variants.ts. */
function withVariants(c: Concept): Concept {
  let out = c;
  for (const v of [
    VARIANTS[c.id],
    VARIANTS_2[c.id],
    VARIANTS_3[c.id],
    VARIANTS_4[c.id],
    VARIANTS_5[c.id],
    VARIANTS_6[c.id],
    VARIANTS_7[c.id],
    VARIANTS_8[c.id],
    VARIANTS_9[c.id],
  ]) {
    if (!v) continue;
    out = {
      ...out,
      zh: [...out.zh, ...(v.zh ?? [])],
      en: [...out.en, ...(v.en ?? [])],
      ...(out.patterns || v.patterns ? { patterns: [...(out.patterns ?? []), ...(v.patterns ?? [])] } : {}),
    };
  }
  return out;
}

export const LEXICON: readonly Concept[] = [
  ...EMERGENCY_CONCEPTS,
  ...EMERGENCY_CONCEPTS_2,
  ...EMERGENCY_CONCEPTS_3,
  ...EMERGENCY_CONCEPTS_4,
  ...SYMPTOM_CONCEPTS,
  ...CONDITION_CONCEPTS,
  ...DRUG_CONCEPTS,
].map(withVariants);

export const CONCEPTS_BY_ID: ReadonlyMap<string, Concept> = new Map(LEXICON.map((c) => [c.id, c]));
