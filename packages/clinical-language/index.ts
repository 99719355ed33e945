/**
 * Clinical language (pure, zh + en, no model): concept lexicon with codes and sources, tolerant matching,
 * ConText-style modifiers (negated, historical, hypothetical, experiencer, uncertain) and vital-sign
 * expressions. Every reader of patient or clinician text uses it (triage, intake, guard, …).
 */
export * from './types.ts';
export {
  analyze,
  emergencyCall,
  isCurrent,
  isCrisisVital,
  currentRedFlagCodes,
  conceptById,
  modifiersAt,
  type EmergencyCall,
} from './analyze.ts';
export { recentTransientEpisode } from './recent-transient.ts';
export { LEXICON, CONCEPTS_BY_ID, SOURCES, type Source } from './lexicon/index.ts';
export { normalize, editDistance, type Normalized } from './normalize.ts';
export { parseNumber } from './numbers.ts';
export { relativeOf, FAMILY_MEMBER, type Relationship } from './relatives.ts';
export { MGDL_PER_MMOLL, PLAUSIBLE_GLUCOSE } from './vitals.ts';
export { TRIGGERS, PSEUDO, TERMINATORS, type Category } from './rules.ts';
