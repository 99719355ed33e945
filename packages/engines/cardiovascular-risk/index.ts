/** Cardiovascular risk engine (pure): PCE 2013, PREVENT base 10-year, China 2018 stratification. China-PAR not implemented (REFERENCE §3.3: coefficients UNVERIFIED). */
export {
  pooledCohortRisk,
  pceCategory,
  type PceInput,
  type PceRace,
  type PceResult,
  type RiskCategory,
} from './pce.ts';
export { preventRisk, type PreventInput, type PreventResult } from './prevent.ts';
export {
  stratifyChina2018,
  bpColumn,
  type ChinaRiskLevel,
  type BpColumn,
  type ChinaStratificationInput,
  type ChinaStratification,
} from './china-stratification.ts';
export type { Sex, Text } from './types.ts';
