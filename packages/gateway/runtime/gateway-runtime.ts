/**
 * The gateway's live state, created once at start-up and shared by the /v1 and /admin/gateway routes: the
 * current configuration, target states (circuit breakers, health), rate limits, and the batch writers that
 * keep usage and audit writes off the hot path. `close()` flushes them on shutdown.
 */
import { randomUUID } from 'node:crypto';
import type { ApiKeySource, GatewayConfig, ProviderConfig } from '../config/gateway-config-schema.ts';
import { parseGatewayConfig } from '../config/gateway-config-from.ts';
import type { AuditSink, GatewayAuditEvent } from '../audit/audit-sink.ts';
import type { GatewayAuth, Principal } from '../governance/gateway-auth.ts';
import { RateLimiter } from '../governance/rate-limiter.ts';
import { HealthChecker } from '../health/health-checker.ts';
import { TargetStates } from '../routing/target-states.ts';
import { BatchWriter } from '../usage/batch-writer.ts';
import type { UsageRecord, UsageStore } from '../usage/usage-store.ts';
import { nodeHttpTransport, type UpstreamTransport } from '../upstream/upstream-transport.ts';

/** Looks up a key stored outside the config (environment variable or secret store). */
export type SecretResolver = (source: { env: string } | { secret: string }) => string | undefined;

/** The model a scenario would be routed to, as the approval check sees it. */
export interface ApprovalTarget {
  /** Provider id in the gateway config. */
  provider: string;
  /** Model name sent upstream. */
  model: string;
  location: 'on-premises' | 'cloud';
}

/**
 * Whether `target` has an approved validation dossier covering `scenario` (the virtual model name, or the
 * provider id when a provider is called directly). The server implements it over the evaluation centre's
 * dossiers; the gateway knows nothing of them. Asked only when `requireApprovedDossier` applies.
 */
export type ApprovalCheck = (target: ApprovalTarget, scenario: string) => Promise<boolean> | boolean;

export interface GatewayRuntimeOptions {
  config: GatewayConfig;
  auth: GatewayAuth;
  audit: AuditSink;
  usageStore: UsageStore;
  /** Resolves `apiKey: {env}` / `{secret}`; the server passes a resolver backed by its Config/secret store. */
  secrets?: SecretResolver;
  transport?: UpstreamTransport;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  newRequestId?: () => string;
  batching?: { flushIntervalMs?: number; maxBatch?: number; maxBuffered?: number };
  /** Persists configuration edits made through the admin API. */
  onConfigChange?: (config: GatewayConfig) => Promise<void>;
  /** Receives operational warnings (never request bodies nor keys). */
  warn?: (message: string, details?: Record<string, unknown>) => void;
  /** Approval check behind `governance.requireApprovedDossier`; without one such routes fail closed (503). */
  approval?: ApprovalCheck;
  /** How long an approval answer is reused (default 30 s); `invalidateApprovals()` forgets them at once. */
  approvalTtlMs?: number;
  /** How often a budgeted principal's totals are merged from the usage store (default 15 s). */
  budgetSyncMs?: number;
}

export class GatewayRuntime {
  private current: GatewayConfig;
  readonly states: TargetStates;
  readonly limiter: RateLimiter;
  readonly usage: BatchWriter<UsageRecord>;
  readonly auditLog: BatchWriter<GatewayAuditEvent>;
  readonly transport: UpstreamTransport;
  readonly health: HealthChecker;
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly newRequestId: () => string;
  readonly auth: GatewayAuth;
  readonly usageStore: UsageStore;
  private readonly urls = new WeakMap<ProviderConfig, { chat: string; embeddings: string }>();
  private approvals = new Map<string, { approved: Promise<boolean>; expires: number }>();
  private budgetSyncs = new Map<string, { at: number; pending?: Promise<void> }>();

  constructor(readonly options: GatewayRuntimeOptions) {
    this.current = options.config;
    this.auth = options.auth;
    this.usageStore = options.usageStore;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.newRequestId = options.newRequestId ?? randomUUID;
    this.transport = options.transport ?? nodeHttpTransport();
    this.states = new TargetStates(options.config.circuitBreaker);
    this.limiter = new RateLimiter(this.now);
    const warn = options.warn ?? (() => undefined);
    const batching = options.batching ?? {};
    this.usage = new BatchWriter((records) => options.usageStore.append(records), {
      ...batching,
      onError: (error, dropped) =>
        warn('gateway usage write failed', { dropped, error: (error as Error).message }),
    });
    this.auditLog = new BatchWriter(
      async (events) => {
        if (options.audit.recordBatch) await options.audit.recordBatch(events);
        else for (const event of events) await options.audit.record(event);
      },
      {
        ...batching,
        onError: (error, dropped) =>
          warn('gateway audit write failed', { dropped, error: (error as Error).message }),
      },
    );
    this.health = new HealthChecker({
      providers: () => this.current.providers,
      states: this.states,
      transport: this.transport,
      headersFor: (provider) => this.headersFor(provider),
      now: this.now,
    });
  }

  get config(): GatewayConfig {
    return this.current;
  }

  /** Replaces the configuration (validated again); circuit state of removed providers is forgotten. */
  async setConfig(input: unknown): Promise<GatewayConfig> {
    const next = parseGatewayConfig(input);
    for (const provider of this.current.providers) {
      if (!next.providers.some((p) => p.id === provider.id)) this.states.forget(provider.id);
    }
    this.states.configure(next.circuitBreaker);
    this.current = next;
    this.invalidateApprovals();
    await this.options.onConfigChange?.(next);
    return next;
  }

  apiKeyOf(source: ApiKeySource | undefined): string | undefined {
    if (!source) return undefined;
    if ('value' in source) return source.value;
    return this.options.secrets?.(source);
  }

  headersFor(provider: ProviderConfig, stream = false): Record<string, string> {
    const headers: Record<string, string> = { ...provider.headers, 'content-type': 'application/json' };
    if (stream) headers.accept = 'text/event-stream';
    const key = this.apiKeyOf(provider.apiKey);
    if (key) headers.authorization = `Bearer ${key}`;
    return headers;
  }

  urlsOf(provider: ProviderConfig): { chat: string; embeddings: string } {
    let urls = this.urls.get(provider);
    if (!urls) {
      const base = provider.baseUrl.replace(/\/+$/, '');
      urls = { chat: `${base}/chat/completions`, embeddings: `${base}/embeddings` };
      this.urls.set(provider, urls);
    }
    return urls;
  }

  /**
   * Asks the approval check (answers cached for `approvalTtlMs`; concurrent asks share one lookup). A
   * failed lookup is not cached and rejects: callers fail closed.
   */
  isApproved(target: ProviderConfig, scenario: string): Promise<boolean> {
    const check = this.options.approval;
    if (!check) return Promise.reject(new Error('no approval check is configured'));
    const key = `${target.id}\u0000${target.model}\u0000${scenario}`;
    const now = this.now();
    const cached = this.approvals.get(key);
    if (cached && cached.expires > now) return cached.approved;
    // Requested names are open-ended (fallback model): bound the cache.
    if (this.approvals.size >= 10_000) this.approvals = new Map();
    const approvals = this.approvals;
    const approved = Promise.resolve()
      .then(() => check({ provider: target.id, model: target.model, location: target.location }, scenario))
      .then((answer) => answer === true);
    approvals.set(key, { approved, expires: now + (this.options.approvalTtlMs ?? 30_000) });
    // Failures are not remembered (and an invalidation meanwhile replaced the map).
    approved.catch(() => {
      if (approvals.get(key)?.approved === approved) approvals.delete(key);
    });
    return approved;
  }

  /** Forgets cached approval answers (call when a dossier is signed, rejected or revoked). */
  invalidateApprovals(): void {
    this.approvals = new Map();
  }

  /** Starts periodic health checks (interval from the config unless given). */
  startHealthChecks(intervalMs = this.current.healthCheck.intervalMs): void {
    this.health.start(intervalMs);
  }

  /**
   * Before admitting a call of a principal with a token budget: merges its totals for today and this month
   * from the usage store (all replicas write there) at most every `budgetSyncMs` (default 15 s), so a budget
   * holds across restarts and server replicas (within the sync interval and the usage flush delay). A failed
   * read is reported and the local counters are used.
   */
  async syncBudget(principal: Principal): Promise<void> {
    if (!principal.budget) return;
    const now = this.now();
    const last = this.budgetSyncs.get(principal.id);
    if (last?.pending) return last.pending;
    if (last && now - last.at < (this.options.budgetSyncMs ?? 15_000)) return;
    const day = new Date(now).toISOString().slice(0, 10);
    const pending = this.usageStore
      .summarize({ groupBy: ['day'], from: `${day.slice(0, 7)}-01`, to: day, keyId: principal.id })
      .then((rows) => {
        this.limiter.syncTotals(principal.id, {
          day,
          dayTokens: rows.find((r) => r.day === day)?.totalTokens ?? 0,
          monthTokens: rows.reduce((sum, r) => sum + r.totalTokens, 0),
        });
      })
      .catch((error: unknown) =>
        (this.options.warn ?? (() => undefined))('gateway budget totals could not be read', {
          error: (error as Error).message,
        }),
      )
      .finally(() => this.budgetSyncs.set(principal.id, { at: now }));
    this.budgetSyncs.set(principal.id, { at: now, pending });
    return pending;
  }

  async flush(): Promise<void> {
    await Promise.all([this.usage.flush(), this.auditLog.flush()]);
  }

  /** Stops health checks and flushes usage and audit buffers. */
  async close(): Promise<void> {
    this.health.stop();
    await Promise.all([this.usage.close(), this.auditLog.close()]);
  }
}

export const createGatewayRuntime = (options: GatewayRuntimeOptions) => new GatewayRuntime(options);
