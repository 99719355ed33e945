/** Delay before retry number `retry` (1-based): exponential, capped, honouring Retry-After when it fits. */
import type { RetryPolicy } from '../config/gateway-config-schema.ts';

export function backoffDelayMs(retry: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
  if (retryAfterMs === undefined) return exponential;
  return Math.max(exponential, retryAfterMs);
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
