/**
 * The wire contract of /eval (suites, runs, reports, comparisons), type-only: the handlers build these shapes
 * and the console imports them with `import type` from `@qihuang/eval/api-types`. Nothing here has a runtime
 * value. The same shapes are the CLI's JSON output. Request bodies are the route schemas' input types.
 */
import type { z } from 'zod';
import type { StartRunSchema } from '../routes.ts';

/** `POST /runs` body: a suite, a target (a gateway model or an allowed http pipeline) and run options. */
export type StartRun = z.input<typeof StartRunSchema>;

export interface Interval {
  lower: number;
  upper: number;
}

/** `GET /suites` items. */
export interface SuiteInfo {
  name: string;
  version: string;
  hash: string;
  items: number;
  description?: string;
}

/** `GET /suites`. */
export interface SuiteList {
  suites: SuiteInfo[];
}

/** `GET /runs` items. */
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

/** `GET /runs`. */
export interface RunList {
  runs: RunListItem[];
}

/** `POST /runs` answer (202): the run started in the background. */
export interface RunStarted {
  runId: string;
  status: 'running';
  items: number;
}

export interface MetricCell {
  /** Items in this cell (scored + errors). */
  n: number;
  scored: number;
  errors: number;
  /** Mean score over scored items (accuracy for multiple choice); null when nothing was scored. */
  mean: number | null;
  /** 95 % percentile bootstrap CI of the mean. */
  ci: Interval | null;
  /** Share of scored items that passed. */
  passRate: number | null;
}

export interface RunSummary extends MetricCell {
  /** Same as mean: the headline figure (fraction, 0–1). */
  accuracy: number | null;
  /** Errors counted as failures (conservative view). */
  meanErrorsAsZero: number | null;
  byKind: Record<string, MetricCell>;
  byCategory: Record<string, MetricCell>;
  /** Subgroup dimension (sex, ageBand, language) → value → cell. */
  bySubgroup: Record<string, Record<string, MetricCell>>;
  tokens: { prompt: number; completion: number };
  cost: number;
  latencyMs: { mean: number | null; p50: number | null; p95: number | null };
  cached: number;
  bootstrap: { resamples: number; seed: number };
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
    generation: unknown;
    grader: unknown;
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
  /** b − a */
  difference: number | null;
  ci: Interval | null;
  pValue: number | null;
  test: 'mcnemar-exact' | 'paired-bootstrap' | 'none';
  /** b is worse than a by more than the threshold and the difference is significant. */
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
