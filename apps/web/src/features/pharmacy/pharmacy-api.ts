/** Pharmacist review queue API (/api/pharmacy): queue, approve/return, daily report. */
import { request } from '../../api/client.ts';
import type { Role } from '../../api/index.ts';

export type Severity = 'info' | 'warning' | 'critical';
export type QueueStatus = 'pending' | 'approved' | 'returned' | 'all';

/** Who sees the page (the server refuses everyone else). */
export const canReviewPrescriptions = (role: Role) => role === 'pharmacist' || role === 'admin';

export interface ReviewFinding {
  id: string;
  ruleId: string;
  type: string;
  severity: Severity;
  /** In the language asked for (`lang`): the server answers one language per screen. */
  summary: string;
  detail: string;
  drugs: string[];
  /** Guideline/label named with its section; `citation` only in English. */
  source: { id: string; label: string; citation?: string; url?: string };
}

export interface ReviewRecord {
  state: 'pending' | 'approved' | 'returned';
  by?: string;
  at?: string;
  reason?: string;
  findings: { id: string; type: string; severity: Severity; override?: string }[];
}

export interface QueueItem {
  id: string;
  status: string;
  authoredOn?: string;
  medication: string;
  dosage?: string;
  patient: { id?: string; name?: string };
  requester?: string;
  review: ReviewRecord;
  findings: ReviewFinding[];
  severity?: Severity;
  knowledgeVersion: string;
}

export interface QueueAnswer {
  items: QueueItem[];
  /** The hospital's IANA time zone (QIHUANG_TIME_ZONE). */
  timeZone?: string;
}

export interface DailyReport {
  date: string;
  reviewed: number;
  approved: number;
  returned: number;
  returnRate: number;
  flagged: number;
  overridden: number;
  overrideRate: number;
  overrideReasons: number;
  overridesWithoutReason: number;
  /** The hospital's time zone the day is counted in. */
  timeZone?: string;
  findings: {
    total: number;
    bySeverity: Record<Severity, number>;
    byType: { type: string; total: number; info: number; warning: number; critical: number }[];
  };
}

export const pharmacy = {
  /** The items, and the hospital's time zone (the one the daily report counts days in) to show their times in. */
  queue: (status: QueueStatus, lang: string, signal?: AbortSignal) =>
    request<QueueAnswer>('/api/pharmacy/queue', { query: { status, lang }, signal }),
  approve: (id: string, lang: string, overrides: Record<string, string>, reason?: string) =>
    request<QueueItem>(`/api/pharmacy/queue/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      query: { lang },
      body: { overrides, ...(reason ? { reason } : {}) },
    }),
  returnOrder: (id: string, lang: string, reason: string) =>
    request<QueueItem>(`/api/pharmacy/queue/${encodeURIComponent(id)}/return`, {
      method: 'POST',
      query: { lang },
      body: { reason },
    }),
  /** Without a date the server reports the hospital's current day (its time zone) and names it in `date`. */
  report: (date: string | undefined, signal?: AbortSignal) =>
    request<DailyReport>('/api/pharmacy/report', { query: date ? { date } : {}, signal }),
};
