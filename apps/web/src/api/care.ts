/**
 * Hypertension care service (/api/care, contract in packages/care/API.md): patient home, guided consultation,
 * clinician summary, narrative, treatment proposal and drafts, signing, care plan, panel and copilot.
 * Two endpoints answer `text/event-stream` to a POST: `streamEvents` reads them with fetch + a stream reader
 * (EventSource cannot POST or send the bearer token) and `SseParser` turns the bytes into events.
 * The request and response types are the server's own (packages/care/api-types, imported type-only: nothing of
 * the server reaches the bundle); a server change that breaks a field the console reads fails its typecheck.
 */
import { ApiError } from './api-error.ts';
import { request } from './client.ts';
import { streamEvents } from './sse.ts';
import type { GuidelineId } from './bp.ts';
import type {
  CareLanguage,
  CarePlanView,
  CareSummary,
  Consultation,
  ConsultationStreamEvent as ConsultationEvent,
  ConsultationView,
  CopilotMessage as ChatMessage,
  CopilotStreamEvent as CopilotEvent,
  DraftEdit,
  DraftView,
  GuardedText,
  MedicationAdherence,
  PanelRow as PanelEntry,
  PatientHome,
  ProposalResult,
  ReportedDecision,
  TimeZones,
} from '@qihuang/care/api-types';

export type {
  ConsultationView,
  Adherence,
  AntihypertensiveClass,
  CareLanguage,
  CarePlanView,
  CareSummary,
  Citation,
  Consultation,
  ConsultationMessage,
  CopilotDone,
  CopilotToolEvent,
  DraftEdit,
  DraftEditForm,
  DraftFinding,
  DraftFrequency,
  DraftView,
  Explanation,
  FindingSeverity,
  GuardedText,
  GuardReport,
  IntakeStepId,
  LifestyleDomain,
  LifestyleGoal,
  MedicationAdherence,
  MonitoringPlan,
  MonitoringSession,
  PanelRank,
  PanelReasonCode,
  PatientHome,
  PatientHandledReport,
  PatientReportedAlert,
  ProgressWeek,
  ProposalResult,
  ProposedOrder,
  RedFlagCode,
  ReportedDecision,
  ReportedState,
  ReminderDue,
  ReminderState,
  StreamError,
  Text,
  TimeZones,
  TreatmentDecision,
  TreatmentProposal,
  TriageResult,
  CopilotMessage as ChatMessage,
  PanelRow as PanelEntry,
  SummaryFinding as CareFinding,
  VerdictKind as ClaimVerdict,
  ConsultationStreamEvent as ConsultationEvent,
  CopilotStreamEvent as CopilotEvent,
} from '@qihuang/care/api-types';

// ---------------------------------------------------------------------------------------------- client

const p = (id: string) => `/api/care/patients/${encodeURIComponent(id)}`;
const reportedPath = (reference: string) => reference.split('/').map(encodeURIComponent).join('/');

export const care = {
  me: (lang: string, signal?: AbortSignal) =>
    request<PatientHome>('/api/care/me', { query: { lang }, signal }),
  /** One patient's zone (the patient themself may ask): the chart pages' times, one rule everywhere. */
  patientTimeZone: (patientId: string, signal?: AbortSignal) =>
    request<TimeZones>(`${p(patientId)}/time-zone`, { signal }),
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
  /** `language`: the server's fixed text in the language the patient reads now (one language per screen). */
  consultation: (cid: string, language?: CareLanguage, signal?: AbortSignal) =>
    request<Consultation>(`/api/care/consultations/${encodeURIComponent(cid)}`, {
      ...(language ? { query: { language } } : {}),
      signal,
    }),
  sendMessage: (
    cid: string,
    text: string,
    onEvent: (e: ConsultationEvent) => void,
    signal?: AbortSignal,
    language?: CareLanguage,
  ) =>
    streamEvents<ConsultationEvent>(
      `/api/care/consultations/${encodeURIComponent(cid)}/messages`,
      language ? { text, language } : { text },
      onEvent,
      signal,
    ),
  completeConsultation: (cid: string) =>
    request<Consultation>(`/api/care/consultations/${encodeURIComponent(cid)}/complete`, { method: 'POST' }),

  /** `lang`: the engines' rule texts in the screen's language (one language per screen). */
  /** Every recent consultation, stopped ones too, with the patient's words; `alert`: those an alert stands for. */
  consultationViews: (patientId: string, lang: CareLanguage, alert?: string, signal?: AbortSignal) =>
    request<{ consultations: ConsultationView[] }>(`${p(patientId)}/consultation-views`, {
      query: { lang, ...(alert ? { alert } : {}) },
      signal,
    }).then((r) => r.consultations),
  summary: (patientId: string, guideline: GuidelineId, lang: CareLanguage, signal?: AbortSignal) =>
    request<CareSummary>(`${p(patientId)}/summary`, { query: { guideline, lang }, signal }),
  narrative: (patientId: string, guideline: GuidelineId, language: CareLanguage) =>
    request<GuardedText>(`${p(patientId)}/narrative`, { method: 'POST', body: { guideline, language } }),
  proposal: (patientId: string, guideline: GuidelineId, language: CareLanguage) =>
    request<ProposalResult>(`${p(patientId)}/proposal`, { method: 'POST', body: { guideline, language } }),
  /** Drafts with their dosage line and review sources in `lang`. */
  drafts: async (patientId: string, lang: CareLanguage, signal?: AbortSignal) =>
    (await request<{ drafts: DraftView[] }>(`${p(patientId)}/drafts`, { query: { lang }, signal })).drafts,
  sign: (mrid: string, acknowledge: string[], lang: CareLanguage) =>
    request<DraftView>(`/api/care/prescriptions/${encodeURIComponent(mrid)}/sign`, {
      method: 'POST',
      body: { acknowledge },
      query: { lang },
    }),
  /** Edits an unsigned (or returned) draft's dose, frequency, days or quantity; the review runs again. */
  editDraft: (mrid: string, edit: DraftEdit, lang: CareLanguage) =>
    request<DraftView>(`/api/care/prescriptions/${encodeURIComponent(mrid)}`, {
      method: 'PATCH',
      body: edit,
      query: { lang },
    }),
  cancel: (mrid: string, lang: CareLanguage) =>
    request<DraftView>(`/api/care/prescriptions/${encodeURIComponent(mrid)}/cancel`, {
      method: 'POST',
      query: { lang },
    }),

  /** A clinician confirms a patient-reported item (`reference` = "AllergyIntolerance/<id>"). */
  confirmReported: (reference: string, lang: CareLanguage) =>
    request<ReportedDecision>(`/api/care/reported/${reportedPath(reference)}/confirm`, {
      method: 'POST',
      query: { lang },
    }),
  /** A clinician rejects a patient-reported item; the reason is required. */
  rejectReported: (reference: string, reason: string, lang: CareLanguage) =>
    request<ReportedDecision>(`/api/care/reported/${reportedPath(reference)}/reject`, {
      method: 'POST',
      body: { reason },
      query: { lang },
    }),

  /** The plan with its sources named in `lang`. */
  carePlan: async (
    patientId: string,
    lang: CareLanguage,
    signal?: AbortSignal,
  ): Promise<CarePlanView | null> => {
    try {
      return await request<CarePlanView>(`${p(patientId)}/care-plan`, { query: { lang }, signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  saveCarePlan: (patientId: string, guideline: GuidelineId, lang: CareLanguage) =>
    request<CarePlanView>(`${p(patientId)}/care-plan`, {
      method: 'PUT',
      body: { guideline },
      query: { lang },
    }),

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
