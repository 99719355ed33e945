import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { PatientContext, RenalStatus, ResolvedMedication, ReviewOptions } from '../types.ts';

/** What every check receives. */
export interface CheckContext {
  kb: DrugKnowledgeBase;
  patient: PatientContext;
  meds: ResolvedMedication[];
  renal: RenalStatus;
  /** The caller's options (vital-sign window, display zone). */
  options?: ReviewOptions;
}
