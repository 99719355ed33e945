/** Shapes of run summaries, reports and comparisons (JSON over HTTP and the CLI): the wire contract's. */
export type {
  Difference,
  MetricCell,
  RunComparison,
  RunReport,
  RunSummary,
  WorstItem,
} from '../api-types/index.ts';
