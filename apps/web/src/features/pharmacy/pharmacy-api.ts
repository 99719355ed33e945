/** Pharmacist review queue API (/api/pharmacy): queue, approve/return, daily report. */
import { request } from '../../api/client.ts';
import type { BilingualText, Role } from '../../api/index.ts';

export type Severity = 'info' | 'warning' | 'critical';
export type QueueStatus = 'pending' | 'approved' | 'returned' | 'all';

/** Who sees the page (the server refuses everyone else). */
export const canReviewPrescriptions = (role: Role) => role === 'pharmacist' || role === 'admin';

export interface ReviewFinding {
  id: string;
  ruleId: string;
  type: string;
  severity: Severity;
  summary: BilingualText;
  detail: BilingualText;
  drugs: string[];
  source: { id: string; label: string; citation: string; url?: string };
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

export interface DailyReport {
  date: string;
  reviewed: number;
  approved: number;
  returned: number;
  returnRate: number;
  flagged: number;
  overridden: number;
  overrideRate: number;
  findings: {
    total: number;
    bySeverity: Record<Severity, number>;
    byType: { type: string; total: number; info: number; warning: number; critical: number }[];
  };
}

export const pharmacy = {
  queue: async (status: QueueStatus, signal?: AbortSignal): Promise<QueueItem[]> =>
    (await request<{ items: QueueItem[] }>('/api/pharmacy/queue', { query: { status }, signal })).items,
  approve: (id: string, overrides: Record<string, string>, reason?: string) =>
    request<QueueItem>(`/api/pharmacy/queue/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      body: { overrides, ...(reason ? { reason } : {}) },
    }),
  returnOrder: (id: string, reason: string) =>
    request<QueueItem>(`/api/pharmacy/queue/${encodeURIComponent(id)}/return`, {
      method: 'POST',
      body: { reason },
    }),
  report: (date: string, signal?: AbortSignal) =>
    request<DailyReport>('/api/pharmacy/report', { query: { date }, signal }),
};
