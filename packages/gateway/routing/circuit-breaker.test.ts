import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';
import { backoffDelayMs, parseRetryAfterMs } from './backoff.ts';
import { weightedOrder } from './weighted-order.ts';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one probe through after the cooldown, closes on success', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000 });
    breaker.recordFailure(0);
    expect(breaker.state).toBe('closed');
    breaker.recordFailure(10);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire(500)).toBe(false);
    expect(breaker.retryAfterMs(500)).toBe(510);
    expect(breaker.tryAcquire(1010)).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire(1011)).toBe(false); // one probe at a time
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
  });

  it('re-opens when the probe fails', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100 });
    breaker.recordFailure(0);
    expect(breaker.tryAcquire(100)).toBe(true);
    breaker.recordFailure(100);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire(150)).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap and honours Retry-After', () => {
    const policy = { attempts: 5, backoffMs: 100, maxBackoffMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelayMs(1, policy, 700)).toBe(700);
    expect(parseRetryAfterMs('2', 0)).toBe(2000);
    expect(parseRetryAfterMs(new Date(5000).toUTCString(), 0)).toBe(5000);
    expect(parseRetryAfterMs(undefined, 0)).toBeUndefined();
  });
});

describe('weightedOrder', () => {
  it('picks the first target in proportion to weight and keeps the rest as fallbacks', () => {
    const targets = [
      { id: 'a', weight: 3 },
      { id: 'b', weight: 1 },
    ];
    expect(weightedOrder(targets, () => 0.1).map((t) => t.id)).toEqual(['a', 'b']);
    expect(weightedOrder(targets, () => 0.8).map((t) => t.id)).toEqual(['b', 'a']);
  });
});
