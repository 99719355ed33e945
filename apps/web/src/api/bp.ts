/** Blood-pressure service (/api/bp). Fields beyond the contract's minimum are optional: render what exists. */
import { request } from './client.ts';

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
