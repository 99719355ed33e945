/** Evaluation centre (/eval): suites, runs, reports, comparisons. GET for admin/clinician/auditor. */
import { buildUrl, rawRequest, request } from './client.ts';

export interface Interval {
  lower: number;
  upper: number;
}

export interface Suite {
  name: string;
  version: string;
  hash: string;
  items: number;
  description?: string;
}

export interface RunListItem {
  id: string;
  status: string;
  label: string | null;
  createdAt: string;
  finishedAt: string | null;
  suite: { name: string; version: string; hash: string };
  target: unknown;
  itemCount: number;
  accuracy: number | null;
  errors: number | null;
}

export interface MetricCell {
  n: number;
  scored: number;
  errors: number;
  mean: number | null;
  ci: Interval | null;
  passRate: number | null;
}

export interface RunSummary extends MetricCell {
  accuracy: number | null;
  meanErrorsAsZero: number | null;
  byKind: Record<string, MetricCell>;
  byCategory: Record<string, MetricCell>;
  bySubgroup: Record<string, Record<string, MetricCell>>;
  tokens: { prompt: number; completion: number };
  cost: number;
  latencyMs: { mean: number | null; p50: number | null; p95: number | null };
  cached: number;
}

export interface WorstItem {
  itemId: string;
  categories: string[];
  score: number | null;
  status: 'ok' | 'error';
  answer: string;
  extracted: string | null;
  expected: string | null;
  error: string | null;
}

export interface RunReport {
  run: {
    id: string;
    status: string;
    label: string | null;
    createdAt: string;
    finishedAt: string | null;
    suite: { name: string; version: string; hash: string };
    target: unknown;
    itemCount: number;
    completed: number;
  };
  summary: RunSummary;
  worst: WorstItem[];
}

export interface Difference {
  n: number;
  a: number | null;
  b: number | null;
  difference: number | null;
  ci: Interval | null;
  pValue: number | null;
  test: 'mcnemar-exact' | 'paired-bootstrap' | 'none';
  regression: boolean;
}

export interface RunComparison {
  a: string;
  b: string;
  sameSuite: boolean;
  threshold: number;
  alpha: number;
  overall: Difference;
  byCategory: Record<string, Difference>;
  alerts: string[];
}

export interface StartRun {
  suite: string;
  target: { model: string };
  limit?: number;
  label?: string;
}

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
  suites: (signal?: AbortSignal) =>
    request<{ suites: Suite[] }>('/eval/suites', { signal }).then((r) => r.suites),
  runs: (signal?: AbortSignal) =>
    request<{ runs: RunListItem[] }>('/eval/runs', { signal }).then((r) => r.runs),
  report: (id: string, signal?: AbortSignal) => request<RunReport>(`/eval/runs/${enc(id)}`, { signal }),
  compare: (a: string, b: string, signal?: AbortSignal) =>
    request<RunComparison>('/eval/compare', { query: { a, b }, signal }),
  start: (body: StartRun) =>
    request<{ runId: string; status: string; items: number }>('/eval/runs', { method: 'POST', body }),
  csvPath: (id: string) => buildUrl(`/eval/runs/${enc(id)}/csv`),
  /** The CSV needs the bearer token, so it is fetched and handed to the browser as a blob. */
  csv: async (id: string): Promise<Blob> => {
    const response = await rawRequest(`/eval/runs/${enc(id)}/csv`, { accept: 'text/csv' });
    return response.blob();
  },
};
