/**
 * The wire contract of /api/bp and /api/abpm (request and response bodies): the server's handlers build these
 * shapes and the console imports them with `import type` from `@qihuang/bp-monitoring/api-types`, so a change
 * to a response that the console reads fails `tsc` on one side or the other. Imports are type-only (the pure
 * engines, the handlers' own result types); the runtime values are CONTACT_METHODS and HANDOVERS, literal lists
 * with no import, which the server validates against and the console offers (it imports them by value).
 */
import type { Guideline, IngestFormat, Text } from '@qihuang/engines/blood-pressure';
import type { AbpmResult } from '../abpm-analysis.ts';
import type { BpReport } from '../assess-patient.ts';

export type { Guideline, IngestFormat, Text };

/** `GET /patients/{id}/assessment?guideline=`: the engine's home assessment, office class, risk, renal, series. */
export type BpAssessment = BpReport;

/** `POST /api/abpm/patients/{id}/abpm` (201) and `GET` of the latest: the stored summary with its Observation. */
export type AbpmAnswer = AbpmResult & { id: string };
/** `GET /api/abpm/patients/{id}/abpm`: the latest summary, or `{ recording: null }` when the patient has none. */
export type AbpmLatest = AbpmAnswer | { recording: null };

export type ReadingCategory = 'crisis' | 'high' | 'normal';
export type PatientLanguage = 'zh-CN' | 'en';

export interface AdviceReading {
  id: string;
  time: string;
  sbp: number;
  dbp: number;
}

/** What the patient is told at once about a crisis-range reading (in the patient's language). */
export interface CrisisAdvice {
  /**
   * `crisis`: a crisis-range reading inside the alert look-back (the care team has an alert) — what to do now.
   * `old-reading`: only crisis-range readings older than the look-back (no alert) — tell the clinic, measure again.
   */
  level: 'crisis' | 'old-reading';
  language: PatientLanguage;
  title: string;
  steps: string[];
  /** The guideline the crisis range comes from (by name). */
  source: string;
  readings: AdviceReading[];
  /**
   * The care team closed the crisis alert covering the reading the box is about (decision 0031): the box says so
   * and no longer asks to act now; its 120-with-symptoms step stays.
   */
  handled?: { at: string };
}

export type ReadingStatus = 'stored' | 'updated' | 'unchanged';

/** What an upload stored (upload-readings.ts adds the crisis readings and the patient's zone for the advice). */
export interface UploadCounts {
  format: IngestFormat;
  stored: number;
  updated: number;
  unchanged: number;
  rejected: number;
  records: {
    index: number;
    status: ReadingStatus | 'rejected' | 'heart-rate';
    id?: string;
    code?: string;
    reason?: string;
    /** For colouring: crisis / high / normal under the alert guideline (reading-advice.ts). */
    category?: ReadingCategory;
  }[];
  devices: string[];
  /** FHIR Observations for this upload's new and updated readings: written already, or still pending. */
  projection: { projected: number; pending: number };
}

/** `POST /patients/{id}/readings`: what was stored, each record's category, and the advice for a crisis reading. */
export interface UploadAnswer extends UploadCounts {
  /** 'pending': the readings are stored; alert evaluation failed and the server retries it. */
  alertEvaluation: 'done' | 'pending';
  advice?: CrisisAdvice;
}

export interface RecentReading {
  id: string;
  time: string;
  sbp: number;
  dbp: number;
  category: ReadingCategory;
  /**
   * The blood-pressure engine's category of the reading under the alert guideline (China 2018: 'normal',
   * 'high-normal', 'grade-1' … 'grade-3'), the word a patient screen shows (issue 20).
   */
  grade?: string;
  /**
   * The patient may withdraw it themselves (their own entry, saved within the last WITHDRAW_WINDOW_HOURS; decision
   * 0020); the care team may withdraw any reading.
   */
  patientMayWithdraw?: boolean;
}

/**
 * A reading the patient remembered in a consultation (issue 20 item 2): `time` is when they told us, not when it
 * was measured (`timeKnown: false`); `label` names it so in the patient's language.
 */
export interface RememberedReading {
  id: string;
  /** When the patient told it (the consultation), not a measurement time. */
  time: string;
  sbp: number;
  dbp: number;
  category: ReadingCategory;
  grade?: string;
  timeKnown: false;
  label: string;
}

/**
 * A reading withdrawn as entered in error (decision 0020), as the care team's list shows it (issue 20): struck
 * through, in no average. Who, when and why come from the note the withdrawal wrote on the Observation; a reading
 * marked entered-in-error another way (raw FHIR) may lack some of them.
 */
export interface WithdrawnListedReading {
  id: string;
  /** Measured time. */
  time: string;
  sbp: number;
  dbp: number;
  withdrawn: {
    /** When it was withdrawn. */
    at?: string;
    by?: 'patient' | 'care-team';
    /** The care team member's user name, when the care team withdrew it. */
    name?: string;
    reason?: string;
  };
}

/** `GET /patients/{id}/readings`: the last days' readings, and the advice while a recent crisis reading exists. */
export interface RecentReadings {
  guideline: Guideline;
  /** Measured readings, newest first (never a remembered one). */
  readings: RecentReading[];
  /**
   * For the care team only (never the patient's own screens): the readings of the same days withdrawn as entered in
   * error, newest first — shown marked, never counted.
   */
  withdrawn?: WithdrawnListedReading[];
  /** Readings remembered in a consultation, time not known: listed apart, not the latest, not in the advice. */
  remembered?: RememberedReading[];
  /** Present while a crisis-range reading of the look-back exists. */
  advice?: CrisisAdvice;
}

// ------------------------------------------------------------------------------------------------- alerts

/** A crisis reading that joined an open crisis alert (crisis-join.ts): measured time, values, when it joined. */
export interface JoinedReading {
  id: string;
  time?: string;
  sbp?: number;
  dbp?: number;
  joinedAt: string;
}

/** A reading of an alert marked entered-in-error after the alert was raised (decision 0020). */
export interface WithdrawnReading {
  id: string;
  /** When it was withdrawn. */
  at: string;
  /** 'patient' (the patient withdrew their own entry) or 'care-team'. */
  by: 'patient' | 'care-team';
  reason: string;
}

/** `POST /patients/{id}/readings/{readingId}/entered-in-error`: what changed. */
export interface WithdrawAnswer {
  /** The BP Observation (and its heart-rate Observation, when there is one), now entered-in-error. */
  reading: string;
  status: 'entered-in-error';
  withdrawnAt: string;
  /** Alerts that named the reading: `closed` (a non-critical alert all of whose readings were withdrawn) or
   * `noted` (kept open with the note: a critical alert is never closed without a clinician). */
  alerts: { id: string; outcome: 'closed' | 'noted' }[];
  alertEvaluation: 'done' | 'pending';
}

/** How the patient was contacted when an alert is closed: the server accepts these, the console offers them. */
/**
 * The morning and evening windows (local "HH:mm"; an end before the start runs past midnight), decision 0012: the
 * HBPM engine's HBPM_MORNING_WINDOW / HBPM_EVENING_WINDOW, which the care plan asks for, as a literal the console
 * labels its BP tab with (it cannot import the engine); home-windows.test.ts checks they are the engine's.
 */
export const HOME_WINDOWS = { morning: ['04:00', '12:00'], evening: ['18:00', '04:00'] } as const;

export const CONTACT_METHODS = ['phone', 'sms', 'wechat', 'video', 'in-person', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The action that closes an alert (`POST /alerts/{id}/acknowledge` body; all fields required). */
export interface AlertAction {
  /** Who contacted the patient (name as the team knows them). */
  contactedBy: string;
  /** When (ISO date-time with offset). */
  contactedAt: string;
  method: ContactMethod;
  /** Whether the patient (or their carer) was reached. */
  patientReached: boolean;
  /** What was done (advice given, emergency referral, medication change, visit booked …). */
  action: string;
  /**
   * A recorded hand-over to emergency care when the patient was not reached (decision 0026): only with it, or with
   * the patient (or carer) reached, does the action close an alert that needs the patient contacted.
   */
  handover?: Handover;
}

/**
 * Hand-overs that close an alert needing contact though the patient was not reached (decision 0026): an ambulance
 * (120) dispatched to the patient, or the patient referred to (or known to be in) an emergency department.
 */
export const HANDOVERS = ['ambulance', 'emergency-department'] as const;
export type Handover = (typeof HANDOVERS)[number];

/** A contact attempt that did not reach the patient: recorded on the alert, which stays open (decision 0026). */
export interface ContactAttempt {
  /** The user who recorded it, and when. */
  by: string;
  at: string;
  contactedBy: string;
  contactedAt: string;
  method: ContactMethod;
  action: string;
}

/** `GET /alerts` items, the acknowledge answer and the live events' alert. */
export interface StoredAlert {
  id: string;
  patientId: string;
  patientName?: string;
  status: 'active' | 'inactive';
  kind: string;
  severity: string;
  summary: Text;
  createdAt: string;
  /** Ids of the triggering readings. */
  readings: string[];
  values: Record<string, number>;
  rule: string;
  source: string;
  /** Crisis readings that joined this open alert after it was raised (one alert per patient while open). */
  joined?: JoinedReading[];
  /** Readings of this alert withdrawn as entered in error, with who, when and why (withdraw-reading.ts). */
  withdrawn?: WithdrawnReading[];
  /** Who closed it and when, with the recorded action (alert-actions.ts; older Flags have by/at only). */
  acknowledged?: { by: string; at: string } & Partial<AlertAction>;
  /** Contacts that did not reach the patient, oldest first (decision 0026); the alert stayed open after each. */
  attempts?: ContactAttempt[];
  /** When its (earliest) reading was measured, when known (`GET /alerts`; alert-due.ts). */
  readingAt?: string;
  /**
   * An open critical alert's clock (`GET /alerts`; alert-due.ts): due `targetMinutes` after it was raised,
   * `overdue` past that (what the timeliness report counts as open past target), `escalatedAt` once escalated.
   */
  due?: AlertDue;
}

export interface AlertDue {
  /** Raised + target. */
  at: string;
  targetMinutes: number;
  overdue: boolean;
  escalatedAt?: string;
}

/**
 * `GET /alerts/stream` events: `joined` = a crisis reading joined an open alert, `attempt` = a contact that did not
 * reach the patient was recorded on an open alert (the alert as it is now).
 */
export type AlertEventType = 'alert' | 'escalated' | 'closed' | 'joined' | 'attempt';
export interface AlertEvent {
  type: AlertEventType;
  alert: StoredAlert;
}

export interface Durations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Share (0–100, one decimal) of the closed alerts closed within the target. */
  withinTargetPercent: number | null;
}

/** `GET /alerts/timeliness`: critical-value timeliness of a period. */
export interface TimelinessReport {
  from: string;
  to: string;
  severity: string;
  targetMinutes: number;
  alerts: number;
  closed: number;
  open: number;
  openPastTarget: number;
  /**
   * The figure to show first: alert → close (what the care team controls). Reading → close also counts how late
   * a device sent the reading (a phone that synced days later), so it is reported beside it, not as the headline.
   */
  headline: 'alertToClose';
  /**
   * Alerts whose (earliest) reading reached the server more than `lateUploadHours` after it was measured (a phone
   * that synced days later, demo data loaded today): left out of the reading-based figures, counted here.
   */
  lateUploads: number;
  /** The late-upload bound in hours (24). */
  lateUploadHours: number;
  /**
   * Minutes from the (earliest) reading of each closed alert to its closing (acknowledging is closing); readings
   * uploaded late (see lateUploads) are not counted.
   */
  readingToClose: Durations;
  /** Minutes from the alert being raised to its closing. */
  alertToClose: Durations;
  /**
   * Minutes from the (earliest) reading of each alert raised in the period (open or closed) to the alert being
   * raised, over the readings received within `lateUploadHours` of being measured (late uploads counted apart).
   */
  readingToAlert: Omit<Durations, 'withinTargetPercent'>;
}
