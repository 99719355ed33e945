import type { DrugClassId, DrugSelector } from '../types.ts';

/** Selector helpers: any of these classes / drugs / tags. */
export const c = (...ids: DrugClassId[]): DrugSelector[] => ids.map((id) => ({ class: id }));
export const d = (...ids: string[]): DrugSelector[] => ids.map((id) => ({ drug: id }));
export const t = (...ids: string[]): DrugSelector[] => ids.map((id) => ({ tag: id }));
export const RAAS = c('acei', 'arb', 'arni');
export const DIURETIC = c('thiazide', 'thiazide-like', 'loop', 'mra', 'k-sparing');
export const K_RAISING = c('mra', 'k-sparing', 'potassium-supplement');
