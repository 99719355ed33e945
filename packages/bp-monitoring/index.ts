/** Blood-pressure monitoring service: the hypertension engines over the FHIR store (upload, assess, risk, alerts). */
export { createBpRoutes, BP_OPENAPI, type BpRouteDeps } from './bp-routes.ts';
export {
  uploadReadings,
  deviceResourceId,
  INLINE_PROJECTION_LIMIT,
  type UploadResult,
  type UploadOptions,
} from './upload-readings.ts';
export {
  createReadingProjector,
  projectPending,
  projectAll,
  PROJECTION_CHUNK,
  type ReadingProjector,
} from './projector.ts';
export { pendingReadings, upsertReadings, type ReadingStatus } from './reading-store.ts';
export { isRememberedReading, REMEMBERED_LABEL } from './remembered.ts';
export { assessPatient, parseGuideline, riskFor, type BpReport } from './assess-patient.ts';
export {
  loadPatientContext,
  ageAt,
  displayName,
  CONTEXT_OBSERVATION_CODES,
  type LabValue,
  type PatientContext,
} from './patient-context.ts';
export { targetPopulation, renalOf } from './target-population.ts';
export {
  chartConditionKeys,
  conditionKeys,
  excludedMention,
  type ConditionCoding,
  type ConditionConcept,
} from './condition-keys.ts';
export { listAlerts, saveAlerts, previousAlerts, type StoredAlert } from './alerts-store.ts';
export { storeRiskAssessment } from './risk-assessment.ts';
export {
  raiseAlerts,
  ALERT_GUIDELINE,
  CRISIS_LOOKBACK_HOURS,
  type RaiseAlertsOptions,
} from './raise-alerts.ts';
export {
  createAlertEvaluator,
  bpReadingPatient,
  type AlertEvaluator,
  type EvaluationOutcome,
} from './alert-evaluator.ts';
export {
  createAlertHub,
  createAlertNotifier,
  type AlertHub,
  type AlertEvent,
  type AlertNotifier,
  type AlertWebhook,
} from './alert-notifier.ts';
export {
  closeAlert,
  parseAlertAction,
  CONTACT_METHODS,
  HANDOVERS,
  type AlertAction,
} from './alert-actions.ts';
export { alertTimeliness, percentile, type TimelinessReport } from './alert-timeliness.ts';
export {
  crisisAdvice,
  readingCategory,
  patientLanguage,
  type CrisisAdvice,
  type ReadingCategory,
} from './reading-advice.ts';
export {
  withdrawReading,
  parseWithdrawal,
  WITHDRAW_WINDOW_HOURS,
  type Withdrawn,
} from './withdraw-reading.ts';
export { withdrawFromAlerts, WITHDRAWN_CLOSER } from './withdraw-alerts.ts';
export { alertTextNow, allReadingsWithdrawn, withdrawnNote } from './withdrawn-text.ts';
export { analyseAbpm, readAbpm, ABPM_METHOD, ABPM_TAG, type AbpmResult } from './abpm-analysis.ts';
export { createAbpmRoutes, ABPM_OPENAPI, type AbpmRouteDeps } from './abpm-routes.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/bp-monitoring/api-types`). */
export type * from './api-types/index.ts';
