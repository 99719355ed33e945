/**
 * Why a provider is not up, from its live state (target-states.ts): the failing health check (which request,
 * what it answered, when), the last failed request and how many failed in a row, and the circuit breaker.
 * Causes are codes (refused, timeout, dns, tls, http-status, other) that the console words in its own language;
 * the technical message stays in `detail`. Pure.
 */
import type { FailureCause, ProviderReason } from '../api-types/index.ts';
import type { TargetState } from '../routing/target-states.ts';

/** The kind of failure a transport message (Node's fetch/undici errors, our own timeouts) describes. */
export function failureCause(message: string, status?: number, timeout?: boolean): FailureCause {
  if (status !== undefined) return 'http-status';
  if (
    timeout ||
    /timed? ?out|timeout|ETIMEDOUT|UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT|aborted/i.test(message)
  )
    return 'timeout';
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up|other side closed/i.test(message))
    return 'refused';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(message)) return 'dns';
  if (/certificate|CERT_|SSL|TLS|self[- ]signed/i.test(message)) return 'tls';
  return 'other';
}

/** "answered 503" style messages carry the status. */
function statusIn(message: string): number | undefined {
  const match = /\b(?:answered|status|HTTP)\s*(\d{3})\b/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : undefined);

export function providerReasons(state: TargetState, healthCheck: string): ProviderReason[] {
  const reasons: ProviderReason[] = [];
  if (state.health === 'down' && state.lastError) {
    const status = state.lastCheckStatus ?? statusIn(state.lastError);
    reasons.push({
      kind: 'health-check-failed',
      ...(iso(state.lastCheckedAt) ? { at: iso(state.lastCheckedAt) } : {}),
      check: healthCheck,
      cause: state.lastCheckCause ?? failureCause(state.lastError, status),
      ...(status !== undefined ? { status } : {}),
      detail: state.lastError,
    });
  }
  const failures = state.breaker.consecutiveFailures;
  const last = state.lastFailure;
  if (failures > 0 && last) {
    const status = last.status ?? statusIn(last.message);
    reasons.push({
      kind: 'requests-failing',
      at: new Date(last.at).toISOString(),
      failures,
      cause: failureCause(last.message, status, last.timeout),
      ...(status !== undefined ? { status } : {}),
      detail: last.message,
    });
  }
  if (state.breaker.state === 'open')
    reasons.push({
      kind: 'circuit-open',
      failures,
      ...(iso(state.breaker.openedAt) ? { at: iso(state.breaker.openedAt) } : {}),
    });
  if (state.breaker.state === 'half-open') reasons.push({ kind: 'circuit-half-open' });
  return reasons;
}
