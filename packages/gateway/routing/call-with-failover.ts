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

type TargetOutcome<T> = { done: FailoverResult<T> } | 'busy' | 'open' | 'failed';

/** Resolves when one of the probes settles, or at the deadline, or when the client goes away. */
function firstProbeSettled(probes: Promise<void>[], waitMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    // A real timer: the injected clock may stand still in tests, and a probe always settles (attempt timeout).
    const timer = setTimeout(done, Math.max(0, waitMs));
    signal?.addEventListener('abort', done, { once: true });
    for (const probe of probes) void probe.then(done);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function callWithFailover<T>(
  options: FailoverOptions<T>,
  trace: FailoverTrace = { attempts: 0 },
): Promise<FailoverResult<T>> {
  const { states, retry, now } = options;
  let lastFailure: UpstreamFailure | undefined;

  /** Throws when the client went away or the deadline passed; otherwise the time left (ms). */
  const remainingOrThrow = (): number => {
    if (options.signal?.aborted)
      throw new GatewayError('unavailable', 'client closed the request', { openAiCode: 'client_closed' });
    const remaining = options.deadline - now();
    if (remaining <= 0) {
      throw new GatewayError('upstream-error', 'the model did not answer within the request timeout', {
        status: 504,
        openAiCode: 'timeout',
      });
    }
    return remaining;
  };

  /** Retries on one target; 'busy' when its half-open probe is running elsewhere, 'open' when skipped. */
  const tryTarget = async (target: RouteTarget, early: boolean): Promise<TargetOutcome<T>> => {
    const breaker = states.get(target.provider.id).breaker;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      const remaining = remainingOrThrow();
      const acquired = early && attempt === 1 ? breaker.tryAcquireEarly(now()) : breaker.tryAcquire(now());
      if (!acquired) {
        if (attempt > 1) return 'failed';
        return breaker.state === 'half-open' && breaker.probeSettled() ? 'busy' : 'open';
      }
      trace.attempts += 1;
      trace.lastTarget = target;
      try {
        const value = await options.attempt(target, Math.min(options.attemptTimeoutMs(target), remaining));
        breaker.recordSuccess();
        return { done: { value, target, attempts: trace.attempts } };
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
        states.get(target.provider.id).lastFailure = {
          at: now(),
          message: failure.message,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
          ...(failure.timeout ? { timeout: true } : {}),
        };
        lastFailure = failure;
        if (failure.disposition === 'next-target' || attempt === retry.attempts) return 'failed';
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxBackoffMs) return 'failed';
        const delay = backoffDelayMs(attempt, retry, failure.retryAfterMs);
        if (now() + delay >= options.deadline) return 'failed';
        await options.sleep(delay);
      }
    }
    return 'failed';
  };

  const busy: RouteTarget[] = [];
  const open: RouteTarget[] = [];
  const settle = (target: RouteTarget, outcome: TargetOutcome<T>) => {
    if (outcome === 'busy') busy.push(target);
    else if (outcome === 'open') open.push(target);
    return typeof outcome === 'object' ? outcome.done : undefined;
  };
  for (const target of options.targets) {
    const done = settle(target, await tryTarget(target, false));
    if (done) return done;
  }
  // A half-open target whose probe another request is running: wait for that probe instead of failing.
  while (busy.length > 0) {
    const probes = busy.flatMap((t) => states.get(t.provider.id).breaker.probeSettled() ?? []);
    if (probes.length === busy.length) await firstProbeSettled(probes, remainingOrThrow(), options.signal);
    for (const target of busy.splice(0)) {
      if (states.get(target.provider.id).breaker.probeSettled()) {
        busy.push(target); // still running
        continue;
      }
      const done = settle(target, await tryTarget(target, false));
      if (done) return done;
    }
  }
  // No target answered and the others are open: probe them now rather than wait out the whole cooldown
  // (at most one probe per target and probe interval, however many requests arrive).
  for (const target of open.splice(0)) {
    const outcome = await tryTarget(target, true);
    if (outcome === 'open' || outcome === 'busy') open.push(target);
    if (typeof outcome === 'object') return outcome.done;
  }

  if (!lastFailure && open.length > 0) {
    const waitMs = Math.min(...open.map((t) => states.get(t.provider.id).breaker.nextProbeInMs(now())));
    throw new GatewayError(
      'unavailable',
      'every target of this model is failing (circuit open); try again later',
      {
        openAiCode: 'targets_unavailable',
        headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
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
