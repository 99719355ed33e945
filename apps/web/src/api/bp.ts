/** Blood-pressure service (/api/bp). Fields beyond the contract's minimum are optional: render what exists. */
import type {
  AlertEvent as AlertStreamEvent,
  AlertAction,
  ContactMethod,
  Guideline,
  RecentReadings,
  Text,
  StoredAlert as BpAlert,
  TimelinessReport as AlertTimeliness,
  UploadAnswer,
} from '@qihuang/bp-monitoring/api-types';
import { rawRequest, request } from './client.ts';
import { parseEventData, readSseStream, type SseEvent } from './sse.ts';

export type {
  AlertAction,
  ContactMethod,
  CrisisAdvice,
  ReadingCategory,
  RecentReading,
  RecentReadings,
  UploadAnswer,
  Text as BilingualText,
  StoredAlert as BpAlert,
  Durations as TimelinessDurations,
  TimelinessReport as AlertTimeliness,
  AlertEvent as AlertStreamEvent,
} from '@qihuang/bp-monitoring/api-types';

/** The guidelines the console offers (the server knows more: `Guideline`). */
export const GUIDELINE_IDS = [
  'china-2018',
  'esh-2023',
  'acc-aha-2017',
] as const satisfies readonly Guideline[];
export type GuidelineId = (typeof GUIDELINE_IDS)[number];

type BilingualText = Text;

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
  /** Why `office` is absent: no office visit since `since` (local day); `lastBefore`: the latest older one's day. */
  officeMissing?: { since: string; lastBefore?: string };
  home?: HomeAssessment;
  dipping?: DippingAssessment;
  risk?: RiskAssessment;
  /** Readings of a large upload counted here but not yet written as FHIR Observations (not on the chart yet). */
  pendingProjection?: number;
  [key: string]: unknown;
}

export const CONTACT_METHODS = [
  'phone',
  'sms',
  'wechat',
  'video',
  'in-person',
  'other',
] as const satisfies readonly ContactMethod[];

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

const ALERT_EVENT_TYPES: readonly AlertStreamEvent['type'][] = ['alert', 'escalated', 'closed', 'joined'];

/** One server-sent event of `/api/bp/alerts/stream` as an alert event (undefined for anything else). */
export function alertStreamEvent(e: SseEvent): AlertStreamEvent | undefined {
  const type = ALERT_EVENT_TYPES.find((t) => t === e.event);
  const alert = parseEventData(e.data) as BpAlert | undefined;
  if (!type || !alert || typeof alert !== 'object' || typeof alert.id !== 'string') return undefined;
  return { type, alert };
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
        const event = alertStreamEvent(e);
        if (event) onEvent(event);
      },
      signal,
    );
  },
};
