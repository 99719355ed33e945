/**
 * Hypertension care service (/api/care, contract in packages/care/API.md): patient home, guided consultation,
 * clinician summary, narrative, treatment proposal and drafts, signing, care plan, panel and copilot.
 * Two endpoints answer `text/event-stream` to a POST: `streamEvents` reads them with fetch + a stream reader
 * (EventSource cannot POST or send the bearer token) and `SseParser` turns the bytes into events.
 * The engine types are mirrored from packages/engines/hypertension-care/types.ts (the console has its own
 * tsconfig and does not import server packages).
 */
import { ApiError } from './api-error.ts';
import { request } from './client.ts';
import { streamEvents } from './sse.ts';
import type { BilingualText, CrisisAdvice, GuidelineId } from './bp.ts';

export type Text = BilingualText;
export type CareLanguage = 'zh' | 'en';

// ------------------------------------------------------------------------------------ engine (mirrored)

export interface Explanation {
  rule?: string;
  source?: string;
  display?: Text;
  [key: string]: unknown;
}

export type RedFlagCode =
  | 'chest-pain'
  | 'dyspnoea'
  | 'neuro-deficit'
  | 'confusion'
  | 'severe-headache'
  | 'vision-loss'
  | 'seizure'
  | 'tearing-back-pain'
  | 'reduced-urine'
  | 'pregnancy-headache';

export interface TriageResult extends Explanation {
  level: 'emergency' | 'urgent' | 'none';
  stop: boolean;
  redFlags: { code: RedFlagCode; matched: string; display: Text }[];
  crisisReading?: { sbp: number; dbp: number; time: string; id?: string };
  instruction: Text;
}

export type AntihypertensiveClass =
  | 'acei'
  | 'arb'
  | 'ccb-dhp'
  | 'ccb-nondhp'
  | 'thiazide'
  | 'loop'
  | 'mra'
  | 'beta-blocker'
  | 'alpha-blocker'
  | 'central'
  | 'other';

export type TreatmentDecision =
  | 'no-drug'
  | 'lifestyle-first'
  | 'start-monotherapy'
  | 'start-combination'
  | 'increase-dose'
  | 'add-class'
  | 'resistant-review'
  | 'maintain';

export interface ProposedOrder {
  agent: string;
  components?: string[];
  classes: AntihypertensiveClass[];
  display: Text;
  doses: { agent: string; doseMg: number; timesPerDay: number }[];
  action: 'start' | 'increase' | 'add' | 'replace';
  fromDoseMg?: number;
  rationale: Text;
  source: string;
}

export interface TreatmentProposal extends Explanation {
  decision: TreatmentDecision;
  target: { sbp: number; dbp?: number; rule: string; display?: Text; source: string };
  orders: ProposedOrder[];
  avoided: { cls: AntihypertensiveClass; reason: Text; source: string }[];
  preferred: { cls: AntihypertensiveClass; reason: Text; source: string }[];
  followUpDays: number;
  notes: Text[];
}

export interface MonitoringSession {
  name: 'morning' | 'evening';
  window: [string, string];
  readings: number;
  instruction: Text;
}

export interface MonitoringPlan extends Explanation {
  guideline: GuidelineId;
  phase: 'diagnosis' | 'titration' | 'maintenance';
  schedule: 'daily' | 'weekly';
  days: number;
  discardFirstDay: boolean;
  sessions: MonitoringSession[];
  weekday?: number;
  startDate: string;
}

export type ReminderState = 'due' | 'upcoming' | 'missed' | 'done';

export interface ReminderDue {
  date: string;
  session: 'morning' | 'evening';
  window: [string, string];
  state: ReminderState;
  readingsTaken: number;
  readingsPlanned: number;
}

export interface Adherence {
  plannedSessions: number;
  completedSessions: number;
  fullSessions: number;
  /** On the patient home: readings counted like the cards (today's sessions included). */
  plannedReadings?: number;
  takenReadings?: number;
  fraction: number;
  from: string;
  to: string;
}

export type LifestyleDomain = 'salt' | 'weight' | 'exercise' | 'alcohol' | 'smoking' | 'diet' | 'potassium';

export interface LifestyleGoal {
  domain: LifestyleDomain;
  goal: Text;
  advice: Text;
  expectedSbpReduction?: number;
  source: string;
}

export type PanelReasonCode = 'crisis' | 'alerts' | 'uncontrolled' | 'non-adherent' | 'overdue' | 'drafts';

export interface PanelRank {
  patientId: string;
  score: number;
  reasons: { code: PanelReasonCode; display: Text }[];
}

// ------------------------------------------------------------------------------------------- API shapes

export interface CarePlanView {
  id: string;
  status: 'active' | 'revoked';
  guideline: GuidelineId;
  created: string;
  author?: string;
  target: { sbp: number; dbp?: number; rule: string; display?: Text; source: string };
  /** Home-BP equivalent of the office target (home readings are judged against it). */
  homeTarget?: { sbp: number; dbp?: number; rule: string; source: string };
  goals: LifestyleGoal[];
  monitoring: MonitoringPlan;
  followUp: { next: string; intervalDays: number; source: string; overdueDays: number };
  medications: { id: string; display: string }[];
}

export interface ProgressWeek {
  weekStart: string;
  sbp: number;
  dbp: number;
  readings: number;
  atTarget: boolean;
}

export interface MedicationAdherence {
  fraction: number;
  days: { date: string; taken: boolean | null }[];
}

/** `GET /api/care/time-zones`: the hospital's IANA zone and each listed patient's. */
export interface TimeZones {
  timeZone: string;
  patients: Record<string, string>;
}

export interface PatientHome {
  patient: { id: string; name?: string };
  modelConfigured: boolean;
  guideline: GuidelineId;
  carePlan?: CarePlanView;
  monitoring: { plan: MonitoringPlan; reminders: ReminderDue[]; adherence: Adherence };
  progress: {
    /** Home-BP target (the chart's line); `officeTarget` is the plan's office target. */
    target?: { sbp: number; dbp?: number };
    officeTarget?: { sbp: number; dbp?: number };
    weeks: ProgressWeek[];
    /** Mean of the last 7 days (today included) and how many readings it is of. */
    lastSevenDays?: {
      from: string;
      to: string;
      sbp: number;
      dbp: number;
      readings: number;
      atTarget: boolean;
    };
  };
  /** The patient's open crisis alert (any measured date), with the advice in the requested language. */
  crisisAlert?: {
    alertId: string;
    raisedAt: string;
    reading: { sbp: number; dbp: number; time?: string; local?: string };
    earlierDay: boolean;
    advice: Pick<CrisisAdvice, 'level' | 'language' | 'title' | 'steps' | 'source'>;
  };
  /** A crisis-range reading measured before the alert look-back, uploaded in the last 7 days: a note. */
  oldCrisisAdvice?: CrisisAdvice;
  medications: { id: string; display: string; dosage?: string; signedBy?: string; signedAt?: string }[];
  medicationAdherence: MedicationAdherence;
  /** Zone the reminders' dates are counted in (patient's, else the hospital's), when the server sends it. */
  timeZone?: string;
}

export type IntakeStepId =
  'symptoms' | 'history' | 'family-history' | 'medications' | 'lifestyle' | 'home-readings';

export interface ConsultationMessage {
  role: 'assistant' | 'patient' | 'system';
  text: string;
  at: string;
  kind?: 'question' | 'reply' | 'emergency' | 'notice';
}

export interface Consultation {
  id: string;
  patientId: string;
  status: 'active' | 'stopped' | 'completed';
  language: CareLanguage;
  step?: { id: IntakeStepId; index: number; total: number; question: Text };
  messages: ConsultationMessage[];
  triage?: TriageResult;
  answers: Partial<Record<IntakeStepId, string>>;
  saved?: { questionnaireResponse: string; drafts: string[] };
  /** After an emergency stop: false when the care team's alert could not be written. */
  careTeamAlerted?: boolean;
  modelConfigured: boolean;
}

export interface CareFinding {
  key: string;
  label: Text;
  value: Text;
  rule: string;
  source: string;
}

export interface CareSummary {
  patient: { id: string; name?: string; age?: number; sex?: string };
  guideline: GuidelineId;
  findings: CareFinding[];
  alerts: { id: string; kind: string; display: Text; time: string }[];
  intake?: {
    consultationId: string;
    completedAt?: string;
    answers: Record<string, string>;
    drafts: { reference: string; display: string }[];
  };
  triage?: TriageResult;
  modelConfigured: boolean;
}

export interface Citation {
  id: string;
  title: string;
  section?: string;
  collection?: string;
  text: string;
}

export type ClaimVerdict = 'supported' | 'contradicted' | 'unverifiable';

export interface GuardReport {
  claims: { text: string; kind: string; verdict: ClaimVerdict; evidence?: unknown; reason?: string }[];
  contradicted: number;
}

export interface GuardedText {
  status: 'ok' | 'model-not-configured' | 'model-error';
  message?: string;
  text?: string;
  citations: Citation[];
  guard?: GuardReport;
}

export type FindingSeverity = 'info' | 'warning' | 'critical';

export interface DraftFinding {
  id: string;
  severity: FindingSeverity;
  summary: Text;
  detail: Text;
  source: { label: string; citation: string };
}

export interface DraftView {
  id: string;
  status: 'draft' | 'active' | 'cancelled';
  display: string;
  dosage?: string;
  findings: DraftFinding[];
  createdAt: string;
  signedBy?: string;
  signedAt?: string;
}

export interface ProposalResult {
  proposal: TreatmentProposal;
  drafts: DraftView[];
  explanation: GuardedText;
}

export type PanelEntry = PanelRank & {
  name?: string;
  controlled?: boolean;
  excessSbp?: number;
  openAlerts: number;
  adherenceFraction?: number;
  daysOverdue?: number;
  pendingDrafts: number;
};

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface CopilotToolEvent {
  id: string;
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface CopilotDone {
  answer: string;
  citations: Citation[];
  guard?: GuardReport;
  toolCalls: number;
}

export interface StreamError {
  code: string;
  message: string;
}

export type ConsultationEvent =
  | { event: 'triage'; data: TriageResult }
  | { event: 'delta'; data: { text: string } }
  | { event: 'notice'; data: { code: string; message: string } }
  | { event: 'done'; data: Consultation }
  | { event: 'error'; data: StreamError };

export type CopilotEvent =
  | { event: 'tool'; data: CopilotToolEvent }
  | { event: 'delta'; data: { text: string } }
  | { event: 'done'; data: CopilotDone }
  | { event: 'error'; data: StreamError };

// ---------------------------------------------------------------------------------------------- client

const p = (id: string) => `/api/care/patients/${encodeURIComponent(id)}`;

export const care = {
  me: (lang: string, signal?: AbortSignal) =>
    request<PatientHome>('/api/care/me', { query: { lang }, signal }),
  /** The hospital's zone and each listed patient's (clinician side), for showing times in them. */
  timeZones: (patientIds: readonly string[], signal?: AbortSignal) =>
    request<TimeZones>(
      `/api/care/time-zones?patient=${patientIds.map((id) => encodeURIComponent(id)).join(',')}`,
      { signal },
    ),
  home: (patientId: string, signal?: AbortSignal) => request<PatientHome>(`${p(patientId)}/home`, { signal }),
  recordMedicationTaken: (patientId: string, date: string, taken: boolean) =>
    request<MedicationAdherence>(`${p(patientId)}/medication-adherence`, {
      method: 'POST',
      body: { date, taken },
    }),

  startConsultation: (patientId: string, language: CareLanguage) =>
    request<Consultation>(`${p(patientId)}/consultations`, { method: 'POST', body: { language } }),
  consultation: (cid: string, signal?: AbortSignal) =>
    request<Consultation>(`/api/care/consultations/${encodeURIComponent(cid)}`, { signal }),
  sendMessage: (cid: string, text: string, onEvent: (e: ConsultationEvent) => void, signal?: AbortSignal) =>
    streamEvents<ConsultationEvent>(
      `/api/care/consultations/${encodeURIComponent(cid)}/messages`,
      { text },
      onEvent,
      signal,
    ),
  completeConsultation: (cid: string) =>
    request<Consultation>(`/api/care/consultations/${encodeURIComponent(cid)}/complete`, { method: 'POST' }),

  summary: (patientId: string, guideline: GuidelineId, signal?: AbortSignal) =>
    request<CareSummary>(`${p(patientId)}/summary`, { query: { guideline }, signal }),
  narrative: (patientId: string, guideline: GuidelineId, language: CareLanguage) =>
    request<GuardedText>(`${p(patientId)}/narrative`, { method: 'POST', body: { guideline, language } }),
  proposal: (patientId: string, guideline: GuidelineId, language: CareLanguage) =>
    request<ProposalResult>(`${p(patientId)}/proposal`, { method: 'POST', body: { guideline, language } }),
  drafts: async (patientId: string, signal?: AbortSignal) =>
    (await request<{ drafts: DraftView[] }>(`${p(patientId)}/drafts`, { signal })).drafts,
  sign: (mrid: string, acknowledge: string[]) =>
    request<DraftView>(`/api/care/prescriptions/${encodeURIComponent(mrid)}/sign`, {
      method: 'POST',
      body: { acknowledge },
    }),
  cancel: (mrid: string) =>
    request<DraftView>(`/api/care/prescriptions/${encodeURIComponent(mrid)}/cancel`, { method: 'POST' }),

  carePlan: async (patientId: string, signal?: AbortSignal): Promise<CarePlanView | null> => {
    try {
      return await request<CarePlanView>(`${p(patientId)}/care-plan`, { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  saveCarePlan: (patientId: string, guideline: GuidelineId) =>
    request<CarePlanView>(`${p(patientId)}/care-plan`, { method: 'PUT', body: { guideline } }),

  panel: async (signal?: AbortSignal, mine = false) =>
    (await request<{ entries: PanelEntry[] }>(`/api/care/panel${mine ? '?mine=1' : ''}`, { signal })).entries,

  copilot: (
    patientId: string,
    messages: ChatMessage[],
    language: CareLanguage,
    onEvent: (e: CopilotEvent) => void,
    signal?: AbortSignal,
  ) => streamEvents<CopilotEvent>(`${p(patientId)}/copilot`, { messages, language }, onEvent, signal),
};
