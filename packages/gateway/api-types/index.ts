/**
 * The wire contract of the gateway's console-facing answers (`/v1/models`, `/admin/gateway/*`), type-only: the
 * handlers build these shapes and the console imports them with `import type` from `@qihuang/gateway/api-types`.
 * Nothing here has a runtime value. The configuration's types are the zod schema's output
 * (config/gateway-config-schema.ts); the console edits providers and virtual models as JSON and the server's
 * schema validates what it sends.
 */
import type { GatewayConfig, ProviderConfig, VirtualModelConfig } from '../config/gateway-config-schema.ts';

/** `GET /admin/gateway/config` (a literal API key redacted). */
export type { GatewayConfig, ProviderConfig, VirtualModelConfig };

/** A virtual model's target: a provider id and its weight. */
export type VirtualModelTarget = VirtualModelConfig['targets'][number];

export type TargetStatus = 'up' | 'degraded' | 'open-circuit' | 'down' | 'unknown';
export type ModelLocation = 'on-premises' | 'cloud';

export interface ModelTargetView {
  provider: string;
  location: ModelLocation;
  status: TargetStatus;
}

export interface ModelView {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  qihuang: {
    kind: 'virtual' | 'provider';
    description?: string;
    status: TargetStatus;
    capabilities?: Record<string, unknown>;
    targets: ModelTargetView[];
  };
}

/** `GET /v1/models`. */
export interface ModelList {
  object: 'list';
  data: ModelView[];
}

/** What usage can be grouped by (`groupBy=day,model`). */
export type UsageDimension = 'key' | 'model' | 'scenario' | 'target' | 'day';

export interface UsageSummaryRow {
  key?: string;
  model?: string;
  scenario?: string;
  target?: string | null;
  day?: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  avgLatencyMs: number;
}

/** `GET /admin/gateway/usage`. */
export interface UsageAnswer {
  groupBy: UsageDimension[];
  data: UsageSummaryRow[];
  /** Usage records dropped because the writer's queue was full. */
  droppedRecords: number;
}

/** What kind of failure: the console words it in its own language; `detail` keeps the technical text. */
/** model-missing: the server answered its model list without the provider's configured model. */
export type FailureCause = 'refused' | 'timeout' | 'dns' | 'tls' | 'http-status' | 'model-missing' | 'other';

/** One reason a provider is not up. Times are ISO instants. */
export interface ProviderReason {
  /** The periodic (or on-demand) health check failed; a failed request; the circuit breaker is open / probing. */
  kind: 'health-check-failed' | 'requests-failing' | 'circuit-open' | 'circuit-half-open';
  at?: string;
  cause?: FailureCause;
  /** The HTTP status the model server answered, for cause "http-status". */
  status?: number;
  /** The health check's request, e.g. "GET /models". */
  check?: string;
  /** Failed requests in a row (requests-failing, circuit-open). */
  failures?: number;
  /** The technical message (e.g. "connect ECONNREFUSED 127.0.0.1:8000"), untranslated. */
  detail?: string;
}

export interface ProviderHealth {
  provider: string;
  location: ModelLocation;
  status: TargetStatus;
  circuit: string;
  consecutiveFailures: number;
  health: string;
  lastCheckedAt: string | null;
  lastError: string | null;
  /** The health check's request relative to the base URL, e.g. "GET /models". */
  healthCheck: string;
  /** Why the provider is not up (empty when it is, or has not been checked). */
  reasons: ProviderReason[];
}

/** `GET /admin/gateway/health`. */
export interface HealthAnswer {
  data: ProviderHealth[];
}

/** `GET /admin/gateway/providers` items and `GET /providers/{id}`: the provider (key redacted) with its state. */
export type ProviderView = ProviderConfig & {
  status: TargetStatus;
  /**
   * "environment": configured by a server setting (the QIHUANG_MODEL_* quick start, named in `originSetting`);
   * deleting it is refused — it would come back at the next start. Absent: the gateway configuration's own.
   */
  origin?: 'environment';
  originSetting?: string;
};

/** `GET /admin/gateway/providers`. */
export interface ProviderList {
  data: ProviderView[];
}

/** `GET /admin/gateway/virtual-models`. */
export interface VirtualModelList {
  data: VirtualModelConfig[];
}

/** `POST /admin/gateway/health/check`: how many providers were checked. */
export interface HealthCheckAnswer {
  checked: number;
}
