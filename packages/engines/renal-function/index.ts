/** Renal function engine (pure): CKD-EPI 2021, Cockcroft–Gault, KDIGO categories. */
export {
  egfrCkdEpi2021,
  cockcroftGault,
  creatinineMgDl,
  UMOL_PER_MG_DL,
  type EgfrInput,
  type EgfrResult,
  type CrClInput,
  type CrClResult,
  type Sex,
  type CreatinineUnit,
} from './ckd-epi.ts';
export {
  kdigoGfrStage,
  kdigoAlbuminuriaStage,
  kdigoRisk,
  type GfrStage,
  type AlbuminuriaStage,
  type KdigoRisk,
} from './kdigo.ts';
export type { Text } from './types.ts';
