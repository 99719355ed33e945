/**
 * Tries the targets of a route in order: retries with backoff on retryable failures (429, 5xx, timeouts,
 * dropped connections), fails over to the next target, skips targets whose circuit is open, and respects a
 * whole-request deadline. Client errors (400, 413, 422) are returned at once: another target would refuse too.
 */
import type { RetryPolicy } from '../config/gateway-config-schema.ts';
import { GatewayError } from '../http/gateway-error.ts';
import { backoffDelayMs } from './backoff.ts';
import type { RouteTarget } from './resolve-route.ts';
import type { TargetStates } from './target-states.ts';

export type FailureDisposition = 'retry' | 'next-target' | 'client-error';

export class UpstreamFailure extends Error {
  constructor(
    message: string,
    readonly disposition: FailureDisposition,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** OpenAI error object from the upstream, for client errors. */
    readonly upstreamError?: { message?: string; type?: string; code?: string | null; param?: string | null },
    readonly timeout = false,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

/** Classifies an HTTP status from a model server. */
export function dispositionOf(status: number): FailureDisposition {
  if (status === 408 || status === 409 || status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 403 || status === 404) return 'next-target';
  return 'client-error';
}

export interface FailoverOptions<T> {
  targets: readonly RouteTarget[];
  states: TargetStates;
  retry: RetryPolicy;
  /** Absolute time (ms, same clock as `now`) after which no attempt starts. */
  deadline: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Per-attempt timeout of a provider (ms); the deadline caps it. */
  attemptTimeoutMs: (target: RouteTarget) => number;
  attempt: (target: RouteTarget, timeoutMs: number) => Promise<T>;
  signal?: AbortSignal;
}

export interface FailoverResult<T> {
  value: T;
  target: RouteTarget;
  attempts: number;
}

export interface FailoverTrace {
  attempts: number;
  lastTarget?: RouteTarget;
}

export async function callWithFailover<T>(
  options: FailoverOptions<T>,
  trace: FailoverTrace = { attempts: 0 },
): Promise<FailoverResult<T>> {
  const { states, retry, now } = options;
  let lastFailure: UpstreamFailure | undefined;
  let skippedOpen = 0;
  let earliestProbe = Number.POSITIVE_INFINITY;

  for (const target of options.targets) {
    const breaker = states.get(target.provider.id).breaker;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (options.signal?.aborted)
        throw new GatewayError('unavailable', 'client closed the request', { openAiCode: 'client_closed' });
      const remaining = options.deadline - now();
      if (remaining <= 0) {
        throw new GatewayError('upstream-error', 'the model did not answer within the request timeout', {
          status: 504,
          openAiCode: 'timeout',
        });
      }
      if (!breaker.tryAcquire(now())) {
        if (attempt === 1) {
          skippedOpen += 1;
          earliestProbe = Math.min(earliestProbe, breaker.retryAfterMs(now()));
        }
        break;
      }
      trace.attempts += 1;
      trace.lastTarget = target;
      try {
        const value = await options.attempt(target, Math.min(options.attemptTimeoutMs(target), remaining));
        breaker.recordSuccess();
        return { value, target, attempts: trace.attempts };
      } catch (error) {
        const failure =
          error instanceof UpstreamFailure ? error : new UpstreamFailure((error as Error).message, 'retry');
        if (failure.disposition === 'client-error') {
          breaker.recordSuccess();
          const upstream = failure.upstreamError;
          throw new GatewayError('invalid-input', upstream?.message ?? failure.message, {
            status: failure.status,
            openAiCode: upstream?.code ?? 'upstream_rejected',
            param: upstream?.param ?? undefined,
          });
        }
        breaker.recordFailure(now());
        lastFailure = failure;
        if (failure.disposition === 'next-target' || attempt === retry.attempts) break;
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxBackoffMs) break;
        const delay = backoffDelayMs(attempt, retry, failure.retryAfterMs);
        if (now() + delay >= options.deadline) break;
        await options.sleep(delay);
      }
    }
  }

  if (!lastFailure && skippedOpen > 0) {
    throw new GatewayError(
      'unavailable',
      'every target of this model is failing (circuit open); try again later',
      {
        openAiCode: 'targets_unavailable',
        headers: { 'retry-after': String(Math.max(1, Math.ceil(earliestProbe / 1000))) },
      },
    );
  }
  if (lastFailure?.status === 429) {
    throw new GatewayError('rate-limited', 'the model servers are rate limiting; try again later', {
      openAiCode: 'upstream_rate_limited',
      headers: { 'retry-after': String(Math.max(1, Math.ceil((lastFailure.retryAfterMs ?? 1000) / 1000))) },
    });
  }
  throw new GatewayError(
    'upstream-error',
    `no target answered: ${lastFailure?.message ?? 'no eligible target'}`,
    lastFailure?.timeout ? { status: 504, openAiCode: 'timeout' } : { openAiCode: 'upstream_error' },
  );
}
