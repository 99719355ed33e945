/**
 * The wire contract of /api/care (API.md), type-only: the handlers' functions return these shapes (checked in
 * api-types.test.ts) and the console imports them with `import type` from `@qihuang/care/api-types`, so a change
 * to a response the console reads fails `tsc`. Nothing here has a runtime value; imports are types from other
 * contract modules or the pure engines.
 */
import type { CrisisAdvice, PatientLanguage } from '@qihuang/bp-monitoring/api-types';
import type { Guideline, Text } from '@qihuang/engines/blood-pressure';
import type { PatientHandledReport } from './handled-report.ts';
import type {
  Adherence,
  LifestyleGoal,
  MonitoringPlan,
  PanelRank,
  ReminderDue,
  TreatmentProposal,
  TriageLevel,
  TriageResult,
} from '@qihuang/engines/hypertension-care';
import type { GuardResult, VerdictKind } from '@qihuang/guard/api-types';

export type { CrisisAdvice, Guideline, PatientLanguage, Text, VerdictKind };
/** Engine results the answers carry as they are (packages/engines/hypertension-care/types.ts). */
export type { Explanation } from '@qihuang/engines/blood-pressure';
export type {
  Adherence,
  AntihypertensiveClass,
  LifestyleDomain,
  LifestyleGoal,
  MonitoringPlan,
  MonitoringSession,
  PanelRank,
  ProposedOrder,
  RedFlagCode,
  ReminderDue,
  TreatmentDecision,
  TreatmentProposal,
  TriageLevel,
  TriageResult,
} from '@qihuang/engines/hypertension-care';

export type ReminderState = ReminderDue['state'];
/** The engine's reasons, with a reported emergency named apart from BP crisis alerts (panel-reasons.ts). */
export type PanelReasonCode = PanelRank['reasons'][number]['code'] | 'emergency';

/** The language of a consultation or a clinician answer. */
export type CareLanguage = 'zh' | 'en';

// ------------------------------------------------------------------------------------ patient home, plan

export interface BpTarget {
  sbp: number;
  dbp?: number;
  rule: string;
  source: string;
}

/** BP the patient recalled in an intake: labelled, never counted as a measured reading. */
export interface ReportedBp {
  id: string;
  /** When the patient reported it (the measurement time is not known). */
  reportedAt: string;
  sbp: number;
  dbp: number;
}

/** The patient's open crisis alert (any measured date) with the advice in the page's language. */
export interface PatientCrisisAlert {
  alertId: string;
  raisedAt: string;
  reading: {
    sbp: number;
    dbp: number;
    /** Measured time (ISO), when the reading could be found. */
    time?: string;
    /** Measured date and time in the patient's zone ("YYYY-MM-DD HH:mm"). */
    local?: string;
  };
  /** True when the reading was measured on an earlier day than today (patient's zone). */
  earlierDay: boolean;
  advice: { level: 'crisis'; language: PatientLanguage; title: string; steps: string[]; source: string };
}

/**
 * An emergency or same-day report the patient made in a consultation, while the alert that stands for it is open
 * (or, when it could not be written, for the reported-emergency window): the home's top box (decision 0024).
 */
export interface PatientReportedAlert {
  /** The box's level: `emergency` whenever one open report is an emergency (never downgraded). */
  level: 'emergency' | 'urgent';
  language: PatientLanguage;
  title: string;
  /** The number the box's call button dials. */
  call: '120';
  /** False when an alert could not be written: the steps tell the patient to contact the clinic themselves. */
  careTeamAlerted: boolean;
  /** What was reported and when (the patient's zone), emergencies first, then newest first; `text` is one line. */
  reports: { level: 'emergency' | 'urgent'; time: string; local: string; text: string; alertId?: string }[];
  /** For an emergency, led by "call 120 now"; for a same-day report, "see a doctor today". */
  steps: string[];
  source: string;
}

export interface CarePlanView {
  id: string;
  status: 'active' | 'revoked';
  guideline: Guideline;
  created: string;
  author?: string;
  /** Office target (the guideline's treatment target), its rule also in words (plans saved before lack it). */
  target: BpTarget & { display?: Text };
  /** The home-BP equivalent the patient's home readings are judged against (home-targets.ts). */
  homeTarget: BpTarget;
  goals: LifestyleGoal[];
  monitoring: MonitoringPlan;
  /** `sourceText`: the source in each language (plans saved before issue 20 get it when read). */
  followUp: { next: string; intervalDays: number; source: string; sourceText?: Text; overdueDays: number };
  medications: { id: string; display: string }[];
  /** The patient's care team: clinicians who set or revised the plan (their panel lists the patient first). */
  careTeam: { reference: string; display: string }[];
}

/**
 * One calendar week's mean of all its home readings (Monday–Sunday, the patient's zone): the trend chart's point, not
 * the current home average. `shown`: the figure to display (never across the target, decision 0027).
 */
export interface ProgressWeek {
  weekStart: string;
  sbp: number;
  dbp: number;
  shown?: { sbp: string; dbp: string };
  readings: number;
  atTarget: boolean;
}

/** `POST /patients/{id}/medication-adherence` and the home page's medication card. */
export interface MedicationAdherence {
  /** Taken ÷ recorded days (0 when no day is recorded); unrecorded days are not counted as missed (issue 20). */
  fraction: number;
  takenDays: number;
  missedDays: number;
  /** Days of the 14 with nothing recorded (`taken: null`). */
  unrecordedDays: number;
  days: { date: string; taken: boolean | null }[];
}

export interface PatientHome {
  patient: { id: string; name?: string };
  modelConfigured: boolean;
  guideline: Guideline;
  carePlan?: CarePlanView;
  monitoring: {
    plan: MonitoringPlan;
    reminders: ReminderDue[];
    /** Sessions (engine) plus readings counted like the cards; `fraction` = taken / planned readings. */
    adherence: Adherence & { plannedReadings: number; takenReadings: number };
  };
  deceased?: { date?: string };
  progress: {
    /** Home-BP target (home readings are compared with it, never with the office target). */
    target?: { sbp: number; dbp?: number };
    officeTarget?: { sbp: number; dbp?: number };
    weeks: ProgressWeek[];
    /**
     * The current home average (decision 0027): the 7 local days `from`–`to` (today), the first day with readings
     * (`discardedDay`) left out (ESH 2023 / China 2018 home BP monitoring); `readings` on `days` days counted.
     * `shown` is the figure to display (whole mmHg, one decimal where that would cross the target or threshold);
     * `label` names the window in each language.
     */
    lastSevenDays?: {
      from: string;
      to: string;
      sbp: number;
      dbp: number;
      shown: { sbp: string; dbp: string };
      readings: number;
      days: number;
      discardedDay?: string;
      label: { zh: string; en: string };
      atTarget: boolean;
    };
  };
  /** The patient's open reported emergency or same-day report: leads over any reading's box (decision 0024). */
  reportedAlert?: PatientReportedAlert;
  /** The patient's reported alert closed in the last 72 h with its action: a status note after every open box. */
  handledReport?: PatientHandledReport;
  /** The patient's open crisis alert (any measured date) with the advice in the page's language. */
  crisisAlert?: PatientCrisisAlert;
  /** A crisis-range reading measured before the alert look-back, uploaded in the last 7 days (old-reading note). */
  oldCrisisAdvice?: CrisisAdvice;
  /** BP the patient recalled in an intake: labelled, never counted as a measured reading. */
  reportedBp?: ReportedBp[];
  medications: { id: string; display: string; dosage?: string; signedBy?: string; signedAt?: string }[];
  medicationAdherence: MedicationAdherence;
  /**
   * IANA zone the page's days and times are counted in: the Patient's own (FHIR timezone extension), else the
   * hospital's (QIHUANG_TIME_ZONE). The console formats reading and reminder times in it, not the browser's.
   */
  timeZone: string;
}

/** `GET /time-zones`: the hospital's IANA zone and each listed patient's. */
export interface TimeZones {
  /** The hospital's IANA zone. */
  timeZone: string;
  /** Each known patient's zone (their own, else the hospital's); unknown or unreadable ids are left out. */
  patients: Record<string, string>;
}

// ------------------------------------------------------------------------------------------ consultation

/** The intake's questions in order (intake.ts INTAKE_STEPS lists them). */
export type IntakeStepId =
  'symptoms' | 'history' | 'family-history' | 'medications' | 'allergies' | 'lifestyle' | 'home-readings';

export type SecondOpinionOutcome = 'raised' | 'agreed' | 'lower-ignored' | 'unreadable' | 'error' | 'timeout';

export interface TriageSecondOpinion {
  /** The engine's level: decided first, never lowered. */
  engineLevel: TriageLevel;
  /** The level the model answered, when it answered with one. */
  modelLevel?: TriageLevel;
  /** The level that applies: the higher of the two. */
  level: TriageLevel;
  /** True when the model's answer raised the engine's level. */
  raised: boolean;
  outcome: SecondOpinionOutcome;
  /** The virtual model asked. */
  model: string;
}

export interface ConsultationMessage {
  role: 'assistant' | 'patient' | 'system';
  text: string;
  at: string;
  kind?: 'question' | 'reply' | 'emergency' | 'notice';
  /** A fixed server message in both languages; `text` is the one the reader asked for. */
  texts?: Text;
  /** What a notice is about (one notice per triage rule and reading in a consultation). */
  code?: string;
}

export interface Consultation {
  id: string;
  patientId: string;
  status: 'active' | 'stopped' | 'completed';
  language: CareLanguage;
  step?: { id: IntakeStepId; index: number; total: number; question: Text };
  messages: ConsultationMessage[];
  triage?: TriageResult;
  /**
   * The model's second opinion on the last triage (when a model is configured): the engine's level, the model's,
   * and whether the model raised it. A model never lowers the engine's level.
   */
  secondOpinion?: TriageSecondOpinion;
  answers: Partial<Record<IntakeStepId, string>>;
  /**
   * `inChart`: the chart's own confirmed records the answers named again (same concept, substance or drug), not
   * written as drafts a second time (issue 20).
   */
  saved?: { questionnaireResponse: string; drafts: string[]; inChart?: string[] };
  /**
   * After an emergency stop: whether the critical Flag for the care team was written. `false` only when it
   * could not be (twice); the patient is then told that no one was alerted automatically.
   */
  careTeamAlerted?: boolean;
  modelConfigured: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An `error` event: a failure after the stream started (before it, a normal JSON error). */
export interface StreamError {
  code: string;
  message: string;
}

/** Events of `POST /consultations/{cid}/messages` as the consultation writes them. */
export type ConsultationEvent =
  | { event: 'triage'; data: TriageResult }
  | { event: 'second-opinion'; data: TriageSecondOpinion }
  | { event: 'delta'; data: { text: string } }
  | { event: 'notice'; data: { code: string; message: string } }
  | { event: 'done'; data: Consultation };

/** What the console reads from that stream: the events above and the route's `error` event. */
export type ConsultationStreamEvent = ConsultationEvent | { event: 'error'; data: StreamError };

// ------------------------------------------------------------------------------------ clinician summary

export interface SummaryFinding {
  key: string;
  label: Text;
  value: Text;
  rule: string;
  /** The formula behind a named rule (the PCE equation), shown on request (issue 20 item 8). */
  ruleDetail?: string;
  source: string;
}

export interface CareSummary {
  /** A deceased patient carries `deceased` and no current age (ageAtDeath when the dates are known). */
  patient: {
    id: string;
    name?: string;
    age?: number;
    sex?: string;
    deceased?: { date?: string; ageAtDeath?: number };
  };
  /** The latest measured BP (device or clinic), never a value the patient recalled. */
  /** `manual`: a home reading typed in by the patient (no device), not a device's (issue 20). */
  latestMeasured?: { time: string; sbp: number; dbp: number; setting: 'home' | 'office'; manual?: boolean };
  /** BP the patient recalled in an intake, labelled apart (time = when reported). */
  patientReported?: ReportedBp[];
  /** Zone the readings were bucketed in (morning/evening, days). */
  timeZone: string;
  guideline: Guideline;
  findings: SummaryFinding[];
  alerts: { id: string; kind: string; display: Text; time: string; severity: string }[];
  intake?: {
    consultationId: string;
    completedAt?: string;
    answers: Record<string, string>;
    /**
     * Each patient-reported item with where it stands (confirm/reject: POST /reported/{type}/{id}/…). An item the
     * chart already holds confirmed (same concept code, substance or drug) is `in-chart`, with that chart record
     * in `inChart`: nothing to confirm (issue 20).
     */
    drafts: {
      reference: string;
      display: string;
      state?: ReportedState;
      inChart?: { reference: string; display: string };
    }[];
  };
  /**
   * The clinician's triage box; `crisisReadingWithdrawn` when the reading it quotes was withdrawn as entered in
   * error (decision 0020): shown marked, beside the latest reading (`latestMeasured`), never as current (issue 20).
   */
  triage?: TriageResult & { crisisReadingWithdrawn?: true };
  modelConfigured: boolean;
}

/**
 * A patient-reported item: waiting for a clinician, confirmed or rejected, or already in the chart as a confirmed
 * record (issue 20).
 */
export type ReportedState = 'unconfirmed' | 'confirmed' | 'rejected' | 'in-chart';

/** The answer to POST /reported/{type}/{id}/confirm or /reject. */
export interface ReportedDecision {
  reference: string;
  state: ReportedState;
}

/** A knowledge-base passage a model answer cites. */
export interface Citation {
  id: string;
  title: string;
  section?: string;
  collection?: string;
  text: string;
}

/** The guard's verdicts on a model answer. */
export interface GuardReport {
  claims: GuardResult['claims'];
  contradicted: number;
  summary: GuardResult['summary'];
}

/** A model-written text (narrative, proposal explanation), cited and guard-checked. */
export interface GuardedText {
  status: 'ok' | 'model-not-configured' | 'model-error';
  message?: string;
  text?: string;
  citations: Citation[];
  guard?: GuardReport;
}

// ------------------------------------------------------------------------------------------ prescriptions

export type FindingSeverity = 'info' | 'warning' | 'critical';

export interface DraftFinding {
  id: string;
  severity: FindingSeverity;
  summary: Text;
  detail: Text;
  source: { label: string; citation: string };
  /**
   * On an order the pharmacist approved: the finding was not among those seen at approval — it appeared after
   * (a new lab, condition or order); `at` is the time of the result behind it when that came after the approval.
   */
  afterApproval?: { at?: string };
}

export interface DraftView {
  id: string;
  status: string;
  display: string;
  dosage?: string;
  findings: DraftFinding[];
  rationale?: Text;
  createdAt: string;
  signedBy?: string;
  signedAt?: string;
  /** A dose change: the active order this draft replaces (completed when signed, or on the pharmacist's approval). */
  priorPrescription?: { id: string; display: string };
  /** Returned by the pharmacist (前置审方): the reason, who and when. */
  returned?: { reason: string; by?: string; at?: string };
  /**
   * Signed and awaiting the pharmacist's review (status stays draft, decision 0017): not yet the patient's
   * medication — the order it replaces stays until approval.
   */
  awaitingReview?: true;
  /** Approved by the pharmacist and active (the patient's medication, with its slip): who and when. */
  approved?: { by?: string; at?: string };
  /**
   * An unsigned draft: what the prescriber confirms before signing — dose and frequency in the screen's language,
   * and whether signing sends it to the pharmacist's review (issue 20).
   */
  signing?: { dose?: string; frequency?: string; pharmacistReview: boolean };
  /** 总量 and 天数 from the order's dispenseRequest, in the screen's language ("28 片", 28). */
  supply?: { quantity?: string; days?: number };
  /** What the prescriber may edit now (an unsigned or returned draft, a clinician reading; issue 20). */
  edit?: DraftEditForm;
}

/** The fixed frequency list of a draft edit. */
export type DraftFrequency = 'qd' | 'bid' | 'tid' | 'qid' | 'qn';

/** `PATCH /prescriptions/{id}` body: any of dose, frequency, days of supply, quantity (tablets). */
export interface DraftEdit {
  dose?: { value: number; unit: string };
  frequency?: DraftFrequency;
  durationDays?: number;
  quantity?: number;
}

/** The edit form of a draft: its current values and the choices (labels in the screen's language). */
export interface DraftEditForm extends DraftEdit {
  units: { code: string; label: string }[];
  /** The drug's strengths in its dose unit (single ingredients). */
  strengths: number[];
  frequencies: { code: DraftFrequency; label: string }[];
  /** The drug's maximum daily dose: an edit above it is refused (docs/decisions/0019). */
  maxDaily?: { value: number; unit: string };
  maxDays: number;
}

export interface ProposalResult {
  proposal: TreatmentProposal;
  /** Which BP the proposal's target is for (the readings it decided on; issue 20 item 7): home, office or ABPM. */
  targetSetting: 'office' | 'home' | 'ambulatory';
  drafts: DraftView[];
  explanation: GuardedText;
}

// ----------------------------------------------------------------------------------------- panel, copilot

export type PanelRow = Omit<PanelRank, 'reasons'> & {
  reasons: { code: PanelReasonCode; display: Text }[];
  name?: string;
  controlled?: boolean;
  excessSbp?: number;
  /** The current home average `controlled` is judged on (decision 0027), as shown, with its window. */
  homeMean?: {
    shown: { sbp: string; dbp: string };
    readings: number;
    from: string;
    to: string;
    label: { zh: string; en: string };
  };
  openAlerts: number;
  adherenceFraction?: number;
  medicationAdherence?: number;
  daysOverdue?: number;
  pendingDrafts: number;
};

/** What a printed 处方笺 shows (prescription-slip.ts, issue 20). */
export type * from './prescription-slip.ts';
/** The clinician's view of the consultations (consultation-views.ts, issue 20). */
export type * from './consultation-views.ts';
/** The note that a reported emergency was handled (handled-report.ts, issue 20). */
export type * from './handled-report.ts';
/** The patient copilot's request and stream (copilot.ts). */
export type * from './copilot.ts';
