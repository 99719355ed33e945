/** Blood-pressure engine (pure): classification, out-of-office BP, phenotypes, targets, alerts, ingestion parsing. */
export * from './types.ts';
export { mmHg, shownMmHg, shownBp } from './display-rounding.ts';
export {
  currentHomeMean,
  CURRENT_HOME_WINDOW,
  CURRENT_HOME_WINDOW_LABEL,
  type CurrentHomeMean,
  type CurrentHomeMeanOptions,
} from './current-home-mean.ts';
export {
  classifyOfficeBp,
  officeThreshold,
  type Classification,
  type ClassifyOptions,
  type OfficeCategory,
  type AccAhaCategory,
  type EshCategory,
  type ChinaCategory,
} from './classify.ts';
export { thresholdsFor, isHigh, type Setting, type SettingThresholds } from './thresholds.ts';
export {
  summarizeHbpm,
  HBPM_MORNING_WINDOW,
  HBPM_EVENING_WINDOW,
  type HbpmOptions,
  type HbpmSummary,
} from './hbpm.ts';
export {
  summarizeAbpm,
  classifyDipping,
  type AbpmOptions,
  type AbpmSummary,
  type Dipping,
  type DippingClass,
  type PeriodSummary,
} from './abpm.ts';
export { variability, mean, type Variability } from './variability.ts';
export { classifyPhenotype, type Phenotype, type PhenotypeInput, type PhenotypeResult } from './phenotype.ts';
export {
  targetFor,
  checkTarget,
  equivalentOutOfOffice,
  isCorrespondenceRow,
  officeEquivalent,
  type Target,
  type TargetCheck,
  type TargetPopulation,
} from './targets.ts';
export {
  evaluateAlerts,
  DEFAULT_ALERT_CONFIG,
  type Alert,
  type AlertConfig,
  type AlertInput,
  type AlertKind,
  type PreviousAlert,
} from './alerts.ts';
export { assessHomeSeries, type AssessInput, type Assessment } from './assess.ts';
export {
  ingest,
  detectFormat,
  type IngestFormat,
  type IngestOptions,
  type IngestRecord,
  type IngestResult,
  type HeartRateRecord,
} from './ingest.ts';
export {
  kpaToMmHg,
  MMHG_PER_KPA,
  PLAUSIBLE,
  REJECT_TEXT,
  type RejectCode,
  type Rejection,
  type Accepted,
} from './plausibility.ts';
export { CSV_COLUMNS } from './ingest-csv.ts';
export {
  toFhirBpObservation,
  toFhirHeartRateObservation,
  readingIdentifierValue,
  READING_IDENTIFIER_SYSTEM,
  type ToFhirOptions,
} from './to-fhir.ts';
export { offsetOf, zoneOffsetMinutes, isTimeZone, zonedHour, epochMs, parseClock, MS } from './time.ts';
export { stableId } from './stable-id.ts';
