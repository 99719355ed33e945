/** Shapes of run summaries, reports and comparisons (JSON over HTTP and the CLI). */
import type { Interval } from '../scoring/stats.ts';

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
