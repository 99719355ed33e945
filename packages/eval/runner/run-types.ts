/** Records of runs and item results, independent of where they are stored. */
import type { RunStatus } from '../tables.ts';
import type { GenerationConfig, TargetSpec } from '../targets/target-types.ts';
import type { RunSummary } from '../reports/report-types.ts';

export interface RunRecord {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  status: RunStatus;
  label: string | null;
  suite: { name: string; version: string; hash: string };
  itemCount: number;
  target: TargetSpec;
  generation: GenerationConfig;
  grader: { model: string; promptVersion: string; baseUrl?: string } | null;
  summary: RunSummary | null;
  error: string | null;
}

export interface ItemResult {
  runId: string;
  itemId: string;
  position: number;
  cacheKey: string;
  status: 'ok' | 'error';
  /** In [0, 1]; null for errors. */
  score: number | null;
  passed: boolean | null;
  kind: string;
  categories: string[];
  /** e.g. { sex: 'female', age: '65+' } for the ethics review. */
  subgroups: Record<string, string>;
  answer: string;
  extracted: string | null;
  expected: string | null;
  detail: unknown;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  latencyMs: number;
  cached: boolean;
  error: string | null;
  completedAt: Date;
}

export interface EvalStore {
  createRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  listRuns(options?: { limit?: number }): Promise<RunRecord[]>;
  updateRun(
    id: string,
    patch: Partial<Pick<RunRecord, 'status' | 'finishedAt' | 'summary' | 'error'>>,
  ): Promise<void>;
  /** Ids of items of the run with a stored `ok` result (not re-asked on resume). */
  finishedItemIds(runId: string): Promise<Set<string>>;
  /** A stored `ok` result of any run with this cache key. */
  findCached(cacheKey: string): Promise<ItemResult | undefined>;
  /** Bulk form of findCached (one query per chunk instead of one per item). */
  findCachedMany?(cacheKeys: string[]): Promise<Map<string, ItemResult>>;
  /** Persists one result (resolves once it is durable; concurrent saves are written together). */
  saveResult(result: ItemResult): Promise<void>;
  results(runId: string): Promise<ItemResult[]>;
}
