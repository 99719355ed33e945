/**
 * One circuit breaker per target: after `failureThreshold` consecutive failures the circuit opens and the
 * target is skipped for `cooldownMs`; then one probe request is let through (half-open) and its outcome
 * closes or re-opens the circuit.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export class CircuitBreaker {
  state: CircuitState = 'closed';
  consecutiveFailures = 0;
  openedAt = 0;
  private probing = false;

  constructor(public options: CircuitBreakerOptions) {}

  /** May a request go to this target now? In half-open state, only one probe at a time. */
  tryAcquire(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (now - this.openedAt < this.options.cooldownMs) return false;
      this.state = 'half-open';
      this.probing = false;
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Milliseconds until an open circuit lets a probe through (0 if not open). */
  retryAfterMs(now: number): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.options.cooldownMs - now) : 0;
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.consecutiveFailures = 0;
    this.probing = false;
  }

  recordFailure(now: number): void {
    this.consecutiveFailures += 1;
    this.probing = false;
    if (this.state === 'half-open' || this.consecutiveFailures >= this.options.failureThreshold) {
      this.state = 'open';
      this.openedAt = now;
    }
  }
}
