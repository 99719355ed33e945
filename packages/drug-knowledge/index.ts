/** Drug knowledge base: versioned facts with provenance, name/code matching, formulary and local rules. */
export * from './types.ts';
export { SOURCES, sourceOf } from './sources.ts';
export { withoutInternalReferences } from './internal-references.ts';
export { sourceName, SOURCE_NAMES } from './sources/user-names.ts';
export { CONDITIONS, conditionMatches, type ConditionLike } from './conditions.ts';
export { DRUG_CLASSES } from './classes.ts';
export { DILTIAZEM_MARKED_BRADYCARDIA_HR } from './classes/antihypertensive.ts';
export type { DuplicationClassGroup } from './derived-tables.ts';
export { INTERACTIONS } from './interactions.ts';
export { ALLERGY_GROUPS } from './allergy-groups.ts';
export { BUILT_IN_DRUGS } from './data/index.ts';
export { parseDose, parseFrequency, toMg, type ParsedDose, type Quantity } from './parse-dose.ts';
export { normalizeName, type MatchKind } from './name-index.ts';
export {
  loadFormularyCsv,
  FORMULARY_COLUMNS,
  type FormularyItem,
  type FormularyLoadResult,
  type FormularyRowError,
} from './formulary.ts';
export { parseLocalRules, localRulesSchema, EMPTY_LOCAL_RULES, type LocalRules } from './local-rules.ts';
export {
  createDrugKnowledgeBase,
  DRUG_KNOWLEDGE_VERSION,
  RXNORM_SYSTEM,
  ATC_SYSTEM,
  FORMULARY_SYSTEM,
  type Coding,
  type DrugKnowledgeBase,
  type DrugKnowledgeOptions,
  type DrugMatch,
  type AllergenMatch,
} from './knowledge-base.ts';
