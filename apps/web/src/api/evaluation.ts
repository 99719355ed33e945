/** Evaluation centre (/eval): suites, runs, reports, comparisons. GET for admin/clinician/auditor. */
import type {
  RunComparison,
  RunList,
  RunReport,
  RunStarted,
  StartRun,
  SuiteList,
} from '@qihuang/eval/api-types';
import { buildUrl, rawRequest, request } from './client.ts';

export type {
  Difference,
  Interval,
  MetricCell,
  RunComparison,
  RunListItem,
  RunReport,
  RunSummary,
  StartRun,
  SuiteInfo as Suite,
  WorstItem,
} from '@qihuang/eval/api-types';

const enc = encodeURIComponent;

/** A short text for a run's target ({model} or an http pipeline). */
export function targetText(target: unknown): string {
  if (target && typeof target === 'object') {
    const t = target as { model?: unknown; url?: unknown; kind?: unknown };
    if (typeof t.model === 'string') return t.model;
    if (typeof t.url === 'string') return t.url;
    if (typeof t.kind === 'string') return t.kind;
  }
  return '';
}

export const evaluation = {
  suites: (signal?: AbortSignal) => request<SuiteList>('/eval/suites', { signal }).then((r) => r.suites),
  runs: (signal?: AbortSignal) => request<RunList>('/eval/runs', { signal }).then((r) => r.runs),
  report: (id: string, signal?: AbortSignal) => request<RunReport>(`/eval/runs/${enc(id)}`, { signal }),
  compare: (a: string, b: string, signal?: AbortSignal) =>
    request<RunComparison>('/eval/compare', { query: { a, b }, signal }),
  start: (body: StartRun) => request<RunStarted>('/eval/runs', { method: 'POST', body }),
  csvPath: (id: string) => buildUrl(`/eval/runs/${enc(id)}/csv`),
  /** The CSV needs the bearer token, so it is fetched and handed to the browser as a blob. */
  csv: async (id: string): Promise<Blob> => {
    const response = await rawRequest(`/eval/runs/${enc(id)}/csv`, { accept: 'text/csv' });
    return response.blob();
  },
};
