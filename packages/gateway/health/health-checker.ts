/**
 * Periodic health checks of every provider (GET <baseUrl>/models by default). The interval is injectable;
 * `stop()` ends the timer. Results feed `/v1/models` and the admin health view; a target found up whose circuit
 * is open is moved to half-open, so the next request probes it.
 */
import type { ProviderConfig } from '../config/gateway-config-schema.ts';
import { quirksOf } from '../providers/provider-registry.ts';
import type { TargetStates } from '../routing/target-states.ts';
import type { UpstreamTransport } from '../upstream/upstream-transport.ts';

export interface HealthCheckerOptions {
  providers: () => readonly ProviderConfig[];
  states: TargetStates;
  transport: UpstreamTransport;
  headersFor: (provider: ProviderConfig) => Record<string, string>;
  now: () => number;
  timeoutMs?: number;
}

export class HealthChecker {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: HealthCheckerOptions) {}

  async checkProvider(provider: ProviderConfig): Promise<boolean> {
    const state = this.options.states.get(provider.id);
    const url = provider.baseUrl.replace(/\/+$/, '') + quirksOf(provider.kind).healthPath;
    try {
      const res = await this.options.transport({
        method: 'GET',
        url,
        headers: this.options.headersFor(provider),
        headersTimeoutMs: this.options.timeoutMs ?? 5000,
      });
      const text = await res.text();
      const missing = res.status < 400 ? missingModel(provider, text) : undefined;
      state.health = res.status < 400 && !missing ? 'up' : 'down';
      state.lastError = res.status >= 400 ? `health check answered ${res.status}` : missing;
      state.lastCheckStatus = res.status < 400 ? undefined : res.status;
      state.lastCheckCause = missing ? 'model-missing' : undefined;
      // Up again: the next request may probe an open circuit now instead of after the cooldown.
      if (state.health === 'up') state.breaker.allowProbe();
    } catch (error) {
      state.health = 'down';
      state.lastError = errorText(error);
      state.lastCheckStatus = undefined;
      state.lastCheckCause = undefined;
    }
    state.lastCheckedAt = this.options.now();
    return state.health === 'up';
  }

  async checkAll(): Promise<void> {
    await Promise.all(this.options.providers().map((p) => this.checkProvider(p)));
  }

  /** Checks now, then every `intervalMs` (0 = never). */
  start(intervalMs: number): void {
    this.stop();
    void this.checkAll();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.checkAll(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * The provider's configured model when the upstream's model list (OpenAI `{ data: [{ id }] }`) does not name
 * it: the server is up but cannot answer for that model (requests would get model_not_found). llama.cpp serves
 * its one loaded model whatever the name, and a list we cannot read says nothing.
 */
function missingModel(provider: ProviderConfig, body: string): string | undefined {
  if (provider.kind === 'llama-cpp') return undefined;
  let ids: string[];
  try {
    const data = (JSON.parse(body) as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length === 0) return undefined;
    ids = data.map((m) => String((m as { id?: unknown }).id ?? ''));
  } catch {
    return undefined;
  }
  const wanted = provider.model;
  if (ids.some((id) => id === wanted || id === `${wanted}:latest`)) return undefined;
  const listed = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : '');
  return `model "${wanted}" is not in the server's model list (${listed})`;
}

/** The message with its cause's code (fetch wraps ECONNREFUSED, ENOTFOUND … in "fetch failed"). */
function errorText(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause && !e.message.includes(cause) ? `${e.message} (${cause})` : e.message;
}
