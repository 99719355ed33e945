/** Blood-pressure service (/api/bp). Fields beyond the contract's minimum are optional: render what exists. */
import { rawRequest, request } from './client.ts';
import { parseEventData, readSseStream } from './sse.ts';

export const GUIDELINE_IDS = ['china-2018', 'esh-2023', 'acc-aha-2017'] as const;
export type GuidelineId = (typeof GUIDELINE_IDS)[number];

export interface BilingualText {
  zh: string;
  en: string;
}

interface BpValue {
  sbp: number;
  dbp: number;
}

/** An engine result with its bilingual label (rule/source/inputs also present, not rendered here). */
export interface Explained {
  display?: BilingualText;
  rule?: string;
  source?: string;
  [key: string]: unknown;
}

export interface Classification extends Explained {
  category?: string;
  hypertension?: boolean;
  crisis?: boolean;
}

export interface HbpmSummary extends Explained {
  sufficient?: boolean;
  readingsUsed?: number;
  daysUsed?: number;
  mean?: BpValue;
  morningMean?: BpValue;
  eveningMean?: BpValue;
  high?: boolean;
  threshold?: BpValue;
}

/** `office`: the last visit's mean and its class (server) or just a class (minimal contract). */
export interface OfficeAssessment extends Classification {
  mean?: BpValue;
  readings?: number;
  date?: string;
  classification?: Classification;
  meanSbp?: number;
  meanDbp?: number;
}

/** `home`: the engine's home-series assessment (hbpm, classes, phenotype, target) or a flat summary. */
export interface HomeAssessment extends Explained {
  hbpm?: HbpmSummary;
  homeMeanClassification?: Classification;
  officeClassification?: Classification;
  phenotype?: Explained & { phenotype?: string };
  target?: Explained & { met?: boolean };
  meanSbp?: number;
  meanDbp?: number;
  category?: string;
  high?: boolean;
  sufficient?: boolean;
  readingsUsed?: number;
  daysUsed?: number;
}

export interface DippingAssessment extends Explained {
  dipPercent?: number;
  nightDayRatio?: number;
  dippingClass?: string;
}

export interface RiskAssessment extends Explained {
  /** Fraction (0.0205 = 2.05 %). */
  tenYearRisk?: number;
  pce?: Explained & { tenYearRisk?: number; category?: string };
  missing?: string[];
}

export interface BpAssessment {
  guideline: string;
  office?: OfficeAssessment;
  home?: HomeAssessment;
  dipping?: DippingAssessment;
  risk?: RiskAssessment;
  /** Readings of a large upload counted here but not yet written as FHIR Observations (not on the chart yet). */
  pendingProjection?: number;
  [key: string]: unknown;
}

export interface BpAlert {
  id: string;
  patientId: string;
  patientName?: string;
  status?: string;
  kind: string;
  severity: string;
  summary: BilingualText;
  createdAt: string;
  /** Ids of the triggering readings (server) or reading objects. */
  readings: Array<string | { time?: string; sbp?: number; dbp?: number; [key: string]: unknown }>;
  values?: Record<string, number>;
  rule?: string;
  source?: string;
  /** Crisis readings that joined this open alert after it was raised (newest last). */
  joined?: { id: string; time: string; sbp: number; dbp: number; joinedAt: string }[];
  /** Who closed it, when, and the action recorded. */
  acknowledged?: { by: string; at: string } & Partial<AlertAction>;
}

export type ReadingCategory = 'crisis' | 'high' | 'normal';

/** What the patient is told at once about a crisis-range reading (server text, in the patient's language). */
export interface CrisisAdvice {
  /** 'old-reading': very high but measured before the alert look-back — tell the clinic, no call-120-now. */
  level: 'crisis' | 'old-reading';
  language: string;
  title: string;
  steps: string[];
  source: string;
  readings: { id: string; time: string; sbp: number; dbp: number }[];
}

export interface UploadAnswer {
  stored: number;
  updated: number;
  unchanged: number;
  rejected: number;
  records: { index: number; status: string; id?: string; category?: ReadingCategory; reason?: string }[];
  /** 'pending': the reading is stored; alert evaluation failed and is retried by the server. */
  alertEvaluation?: 'done' | 'pending';
  advice?: CrisisAdvice;
}

export interface RecentReading {
  id: string;
  time: string;
  sbp: number;
  dbp: number;
  category: ReadingCategory;
}

export interface RecentReadings {
  guideline: string;
  readings: RecentReading[];
  /** Zone the readings are shown in (patient's, else the hospital's), when the server sends it. */
  timeZone?: string;
  /** Present while a crisis-range reading of the last 24 hours exists. */
  advice?: CrisisAdvice;
}

export const CONTACT_METHODS = ['phone', 'sms', 'wechat', 'video', 'in-person', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The action that closes an alert (all fields required by the server). */
export interface AlertAction {
  contactedBy: string;
  contactedAt: string;
  method: ContactMethod;
  patientReached: boolean;
  action: string;
}

export interface TimelinessDurations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  withinTargetPercent: number | null;
}

export interface AlertTimeliness {
  from: string;
  to: string;
  targetMinutes: number;
  alerts: number;
  closed: number;
  open: number;
  openPastTarget: number;
  readingToClose: TimelinessDurations;
  alertToClose: TimelinessDurations;
  /** Reading measured → alert raised (a device that uploads late lengthens it; not the care team's time). */
  readingToAlert?: Omit<TimelinessDurations, 'withinTargetPercent'>;
}

export type AlertStreamEvent = { type: 'alert' | 'escalated' | 'closed'; alert: BpAlert };

/** One home reading as a FHIR BP panel (LOINC 85354-9 with 8480-6 / 8462-4 components). */
function readingObservation(patientId: string, reading: { sbp: number; dbp: number; time: string }) {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: reading.time,
    component: [component('8480-6', reading.sbp), component('8462-4', reading.dbp)],
  };
}

export const bp = {
  assessment: (patientId: string, guideline: GuidelineId, signal?: AbortSignal) =>
    request<BpAssessment>(`/api/bp/patients/${encodeURIComponent(patientId)}/assessment`, {
      query: { guideline },
      signal,
    }),
  alerts: async (signal?: AbortSignal): Promise<BpAlert[]> => {
    const body = await request<BpAlert[] | { items?: BpAlert[]; alerts?: BpAlert[] }>('/api/bp/alerts', {
      query: { status: 'active' },
      signal,
    });
    return Array.isArray(body) ? body : (body?.items ?? body?.alerts ?? []);
  },
  /**
   * Closes an alert with the action taken (the server refuses it without one, in `lang`, times in the
   * hospital's zone).
   */
  acknowledge: (id: string, action: AlertAction, lang?: string) =>
    request<BpAlert>(`/api/bp/alerts/${encodeURIComponent(id)}/acknowledge`, {
      method: 'POST',
      body: action,
      ...(lang ? { query: { lang } } : {}),
    }),
  uploadReading: (patientId: string, reading: { sbp: number; dbp: number; time: string }, lang: string) =>
    request<UploadAnswer>(`/api/bp/patients/${encodeURIComponent(patientId)}/readings`, {
      method: 'POST',
      query: { format: 'fhir', lang },
      body: readingObservation(patientId, reading),
    }),
  recentReadings: (patientId: string, lang: string, signal?: AbortSignal) =>
    request<RecentReadings>(`/api/bp/patients/${encodeURIComponent(patientId)}/readings`, {
      query: { days: 14, lang },
      signal,
    }),
  timeliness: (signal?: AbortSignal) => request<AlertTimeliness>('/api/bp/alerts/timeliness', { signal }),
  /** Live alert events (server-sent events) until `signal` aborts. */
  streamAlerts: async (onEvent: (event: AlertStreamEvent) => void, signal: AbortSignal): Promise<void> => {
    const response = await rawRequest('/api/bp/alerts/stream', { accept: 'text/event-stream', signal });
    if (!response.body) return;
    await readSseStream(
      response.body,
      (e) => {
        if (e.event !== 'alert' && e.event !== 'escalated' && e.event !== 'closed') return;
        const alert = parseEventData(e.data) as BpAlert | undefined;
        if (alert && typeof alert === 'object' && typeof alert.id === 'string')
          onEvent({ type: e.event, alert });
      },
      signal,
    );
  },
};
