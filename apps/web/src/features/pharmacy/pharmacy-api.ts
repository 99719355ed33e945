/** Pharmacist review queue API (/api/pharmacy): queue, approve/return, daily report. */
import { request } from '../../api/client.ts';
import type { Role } from '../../api/index.ts';
import type {
  DailyReport,
  LocalizedFinding as ReviewFinding,
  QueueAnswer,
  QueueItem,
  QueueStatus,
  ReportAnswer,
  ReviewRecord,
  Severity,
} from '@qihuang/pharmacy-review/api-types';

export type {
  DailyReport,
  QueueAnswer,
  QueueItem,
  QueueStatus,
  ReportAnswer,
  ReviewFinding,
  ReviewRecord,
  Severity,
};

/** Who sees the page (the server refuses everyone else). */
export const canReviewPrescriptions = (role: Role) => role === 'pharmacist' || role === 'admin';

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
    request<ReportAnswer>('/api/pharmacy/report', { query: date ? { date } : {}, signal }),
};
