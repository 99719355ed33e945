import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { PatientContext, RenalStatus, ResolvedMedication } from '../types.ts';

/** What every check receives. */
export interface CheckContext {
  kb: DrugKnowledgeBase;
  patient: PatientContext;
  meds: ResolvedMedication[];
  renal: RenalStatus;
}
