/** Blood-pressure service (/api/bp). Fields beyond the contract's minimum are optional: render what exists. */
import { request } from './client.ts';

export const GUIDELINE_IDS = ['china-2018', 'esh-2023', 'acc-aha-2017'] as const;
export type GuidelineId = (typeof GUIDELINE_IDS)[number];

export interface BilingualText {
  zh: string;
  en: string;
}

export interface OfficeAssessment {
  category?: string;
  display?: BilingualText;
  meanSbp?: number;
  meanDbp?: number;
  [key: string]: unknown;
}

export interface HomeAssessment {
  meanSbp?: number;
  meanDbp?: number;
  category?: string;
  display?: BilingualText;
  high?: boolean;
  sufficient?: boolean;
  readingsUsed?: number;
  daysUsed?: number;
  mean?: { sbp: number; dbp: number };
  morningMean?: { sbp: number; dbp: number };
  eveningMean?: { sbp: number; dbp: number };
  [key: string]: unknown;
}

export interface DippingAssessment {
  dipPercent?: number;
  nightDayRatio?: number;
  dippingClass?: string;
  display?: BilingualText;
  [key: string]: unknown;
}

export interface RiskAssessment {
  tenYearRisk?: number;
  display?: BilingualText;
  model?: string;
  [key: string]: unknown;
}

export interface BpAssessment {
  guideline: string;
  office?: OfficeAssessment;
  home?: HomeAssessment;
  dipping?: DippingAssessment;
  risk?: RiskAssessment;
  [key: string]: unknown;
}

export interface BpAlert {
  id: string;
  patientId: string;
  patientName?: string;
  kind: string;
  severity: string;
  summary: BilingualText;
  createdAt: string;
  readings: Array<{ time?: string; sbp?: number; dbp?: number; heartRate?: number; [key: string]: unknown }>;
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
  acknowledge: (id: string) =>
    request<unknown>(`/api/bp/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' }),
};
