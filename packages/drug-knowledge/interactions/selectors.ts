import type { DrugClassId, DrugSelector } from '../types.ts';

/** Selector helpers: any of these classes / drugs / tags. */
export const c = (...ids: DrugClassId[]): DrugSelector[] => ids.map((id) => ({ class: id }));
export const d = (...ids: string[]): DrugSelector[] => ids.map((id) => ({ drug: id }));
export const t = (...ids: string[]): DrugSelector[] => ids.map((id) => ({ tag: id }));
export const RAAS = c('acei', 'arb', 'arni');
export const DIURETIC = c('thiazide', 'thiazide-like', 'loop', 'mra', 'k-sparing');
/** Potassium raisers with a RAAS blocker, REFERENCE §6 row 3: K-sparing diuretics, K⁺ supplements "or trimethoprim". */
export const K_RAISING = [...c('mra', 'k-sparing', 'potassium-supplement'), ...d('trimethoprim')];
