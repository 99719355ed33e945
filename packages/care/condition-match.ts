/**
 * The patient's chart conditions as the care engines' keys: the one reader lives in bp-monitoring
 * (condition-keys.ts) so that the BP context, the target population and the care service read a chart alike.
 */
export {
  chartConditionKeys,
  conditionKeys,
  excludedMention,
  type ConditionCoding,
  type ConditionConcept,
} from '@qihuang/bp-monitoring';
