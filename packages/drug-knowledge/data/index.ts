import type { DrugEntry } from '../types.ts';
import { ADRENERGIC_DRUGS } from './adrenergic.ts';
import { ANTI_INFECTIVE_DRUGS } from './anti-infectives.ts';
import { CARDIOMETABOLIC_DRUGS } from './cardiometabolic.ts';
import { CCB_DRUGS } from './ccb.ts';
import { COMBINATION_DRUGS } from './combinations.ts';
import { DIURETIC_DRUGS } from './diuretics.ts';
import { METABOLIC_MISC_DRUGS } from './metabolic-misc.ts';
import { NSAID_DRUGS } from './nsaids.ts';
import { RAAS_DRUGS } from './raas.ts';

export { PRODUCT_RXNORM } from './combinations.ts';

/** Every built-in drug entry, grouped by class file. */
export const BUILT_IN_DRUGS: readonly DrugEntry[] = [
  ...RAAS_DRUGS,
  ...CCB_DRUGS,
  ...DIURETIC_DRUGS,
  ...ADRENERGIC_DRUGS,
  ...COMBINATION_DRUGS,
  ...CARDIOMETABOLIC_DRUGS,
  ...METABOLIC_MISC_DRUGS,
  ...NSAID_DRUGS,
  ...ANTI_INFECTIVE_DRUGS,
];
