/** Kysely table types of the evaluation centre (migration 0300-eval). */
import type { ColumnType, Generated, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as JSON text, read as the parsed value. */
type Json<T> = ColumnType<T, string, string>;

export type RunStatus = 'running' | 'completed' | 'aborted' | 'failed';

export interface EvalRunTable {
  id: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  status: RunStatus;
  label: string | null;
  suite_name: string;
  suite_version: string;
  suite_hash: string;
  item_count: number;
  target: Json<unknown>;
  generation: Json<unknown>;
  grader: Json<unknown> | null;
  summary: Json<unknown> | null;
  error: string | null;
}

export interface EvalItemResultTable {
  run_id: string;
  item_id: string;
  position: number;
  cache_key: string;
  status: 'ok' | 'error';
  score: number | null;
  passed: boolean | null;
  kind: string;
  categories: string[];
  subgroups: Json<Record<string, string>>;
  answer: string;
  extracted: string | null;
  expected: string | null;
  detail: Json<unknown> | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  latency_ms: number;
  cached: boolean;
  error: string | null;
  completed_at: Timestamp;
}

export interface EvalDossierTable {
  id: string;
  model: string;
  model_version: string;
  vendor: string;
  licence: string;
  deployment: string;
  location: string;
  base_model_statement: string;
  scenarios: string[];
  safety_thresholds: Json<unknown>;
  evidence: Json<unknown>;
  ethics: Json<unknown>;
  required_roles: string[];
  status: 'draft' | 'approved' | 'rejected' | 'revoked';
  valid_until: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvalApprovalTable {
  id: Generated<number>;
  dossier_id: string;
  role: string;
  signer: string;
  decision: 'approve' | 'reject' | 'revoke';
  comment: string | null;
  signed_at: Timestamp;
}

export interface EvalLiveSampleTable {
  id: Generated<number>;
  model: string;
  scenario: string;
  sampled_at: Timestamp;
  question: string;
  answer: string;
  reference: string | null;
  guard_contradicted: boolean | null;
  review_overridden: boolean | null;
  grade_score: number | null;
  grade_passed: boolean | null;
  graded_at: Timestamp | null;
  grader: Json<unknown> | null;
}

export interface EvalDriftAlertTable {
  id: Generated<number>;
  model: string;
  scenario: string;
  metric: string;
  detected_at: Timestamp;
  baseline_rate: number;
  baseline_n: number;
  recent_rate: number;
  recent_n: number;
  p_value: number;
}

export interface EvalTables {
  eval_run: EvalRunTable;
  eval_item_result: EvalItemResultTable;
  eval_dossier: EvalDossierTable;
  eval_approval: EvalApprovalTable;
  eval_live_sample: EvalLiveSampleTable;
  eval_drift_alert: EvalDriftAlertTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold Kysely<StoreTables> or a transaction of it
export type AnyKysely = Kysely<any>;

export const evalDb = (db: AnyKysely): Kysely<EvalTables> => db as unknown as Kysely<EvalTables>;
