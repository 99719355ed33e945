import { ANTIHYPERTENSIVE_INTERACTIONS } from './interactions/antihypertensive.ts';
import { CO_MEDICATION_INTERACTIONS } from './interactions/co-medication.ts';
import type { InteractionRule } from './types.ts';

/**
 * Drug–drug interaction rules (REFERENCE §6 rows, ONC pair #11, cited labels). Severity scale per REFERENCE §6:
 * contraindicated → critical card, major → warning, moderate → info. Rules are class-level where possible.
 */
export const INTERACTIONS: readonly InteractionRule[] = [
  ...ANTIHYPERTENSIVE_INTERACTIONS,
  ...CO_MEDICATION_INTERACTIONS,
];
