/**
 * Care settings from packages/config that the care service reads through its deps: the hospital's time zone
 * (readings bucketed morning/evening and by day in the patient's zone, else this one) and the office-BP
 * currency window (issue 17 item 4).
 */
import type { FhirResource } from '@qihuang/store';
import { isTimeZone, zoneOffsetMinutes } from '@qihuang/engines/blood-pressure';
import { nowOf, type CareDeps } from './deps.ts';

export interface CareSettings {
  /** IANA zone of the hospital (config QIHUANG_TIME_ZONE, default Asia/Shanghai). */
  timeZone?: string;
  /** Office BP older than this is not classified (config QIHUANG_OFFICE_BP_WINDOW_MONTHS, default 12). */
  officeWindowMonths?: number;
  /**
   * Days a patient-reported emergency whose alert could not be written leads the clinician's screens (config
   * QIHUANG_REPORTED_EMERGENCY_DAYS, default 14; docs/decisions/0011-reported-emergency-window.md).
   */
  reportedEmergencyDays?: number;
  /** The hospital's name printed on prescription slips (config QIHUANG_HOSPITAL_NAME). */
  hospitalName?: string;
  /**
   * Pharmacy review (前置审方) before an order is the patient's: a signed prescription stays `draft` awaiting the
   * pharmacist, and the order it replaces stops on approval (docs/decisions/0017). Default off: signing activates.
   */
  pharmacyReview?: boolean;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_OFFICE_WINDOW_MONTHS = 12;
/** Operational default, not a guideline number: decision 0011. */
export const DEFAULT_REPORTED_EMERGENCY_DAYS = 14;
/** FHIR R5 core extension (usable in R4): the patient's own IANA time zone. */
export const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

export interface ResolvedSettings {
  timeZone: string;
  utcOffsetMinutes: number;
  officeWindowMonths: number;
  /** Office readings before this instant are not classified. */
  officeSince: string;
  reportedEmergencyDays: number;
}

/** The patient's zone when the Patient names a known one, else the hospital's. */
export function patientTimeZone(patient: FhirResource | undefined, fallback: string): string {
  const ext = (patient as { extension?: { url?: string; valueCode?: string }[] } | undefined)?.extension;
  const zone = ext?.find((e) => e.url === TIMEZONE_EXTENSION)?.valueCode;
  return zone && isTimeZone(zone) ? zone : fallback;
}

export function careSettings(deps: CareDeps, patient?: FhirResource): ResolvedSettings {
  const s = deps as CareDeps & CareSettings;
  const now = nowOf(deps);
  const hospital = s.timeZone ?? DEFAULT_TIME_ZONE;
  const own = patient ? patientTimeZone(patient, '') : '';
  const timeZone = own || hospital;
  // Precedence: the patient's zone, the configured hospital zone, an explicit offset (tests), Asia/Shanghai.
  const utcOffsetMinutes =
    !own && s.timeZone === undefined && deps.utcOffsetMinutes !== undefined
      ? deps.utcOffsetMinutes
      : zoneOffsetMinutes(timeZone, now.getTime());
  const officeWindowMonths = s.officeWindowMonths ?? DEFAULT_OFFICE_WINDOW_MONTHS;
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - officeWindowMonths);
  return {
    timeZone,
    utcOffsetMinutes,
    officeWindowMonths,
    officeSince: since.toISOString(),
    reportedEmergencyDays: s.reportedEmergencyDays ?? DEFAULT_REPORTED_EMERGENCY_DAYS,
  };
}

/**
 * Where signing sends an order (docs/decisions/0017): to the pharmacist's review when pharmacy review is on, else
 * active at once. The one rule signing follows and the draft card and sign dialog state (issue 20).
 */
export const signingGoesToReview = (deps: CareDeps): boolean =>
  (deps as CareDeps & CareSettings).pharmacyReview === true;
