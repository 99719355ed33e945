/**
 * Blood-pressure service (/api/bp, /api/abpm). The request and response types are the server's own
 * (packages/bp-monitoring/api-types, imported type-only; CONTACT_METHODS and HANDOVERS are its literal lists).
 */
import type {
  AlertEvent as AlertStreamEvent,
  AlertAction,
  BpAssessment,
  Guideline,
  RecentReadings,
  StoredAlert as BpAlert,
  TimelinessReport as AlertTimeliness,
  UploadAnswer,
} from '@qihuang/bp-monitoring/api-types';
import { rawRequest, request } from './client.ts';
import { parseEventData, readSseStream, type SseEvent } from './sse.ts';

export { CONTACT_METHODS, HANDOVERS } from '@qihuang/bp-monitoring/api-types';
export type {
  AbpmAnswer,
  AbpmLatest,
  AlertAction,
  BpAssessment,
  ContactAttempt,
  ContactMethod,
  CrisisAdvice,
  Handover,
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

/** `home.hbpm` of the assessment (the morning/evening split reads it). */
export type HbpmSummary = BpAssessment['home']['hbpm'];

/** One home reading as a FHIR BP panel (LOINC 85354-9 with 8480-6 / 8462-4 components). */
/** A reading the patient enters: `key` is its idempotency key (a retry of the same save sends the same one). */
export interface ManualReading {
  sbp: number;
  dbp: number;
  time: string;
  key?: string;
}

/**
 * The FHIR Observation the patient page sends. Its identifier is the save's idempotency key: two readings in
 * the same minute are two readings, a retry of one is the same (issue 20).
 */
export function readingObservation(patientId: string, reading: ManualReading) {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    ...(reading.key ? { identifier: [{ system: 'urn:qihuang:patient-entry', value: reading.key }] } : {}),
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: reading.time,
    component: [component('8480-6', reading.sbp), component('8462-4', reading.dbp)],
  };
}

const ALERT_EVENT_TYPES: readonly AlertStreamEvent['type'][] = [
  'alert',
  'escalated',
  'closed',
  'joined',
  'attempt',
];

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
  /** `GET /alerts?status=active`: the open alerts (an array, alerts-store.ts listAlerts). */
  alerts: (signal?: AbortSignal) =>
    request<BpAlert[]>('/api/bp/alerts', { query: { status: 'active' }, signal }),
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
  uploadReading: (patientId: string, reading: ManualReading, lang: string) =>
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
