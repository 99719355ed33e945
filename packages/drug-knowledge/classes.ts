import { ANTIHYPERTENSIVE_CLASSES } from './classes/antihypertensive.ts';
import { CO_MEDICATION_CLASSES } from './classes/co-medication.ts';
import { RAAS_CLASSES } from './classes/raas.ts';
import type { DrugClass, DrugClassId } from './types.ts';

/** Class-level facts inherited by every member drug. */
export const DRUG_CLASSES: Record<DrugClassId, DrugClass> = {
  ...RAAS_CLASSES,
  ...ANTIHYPERTENSIVE_CLASSES,
  ...CO_MEDICATION_CLASSES,
};
