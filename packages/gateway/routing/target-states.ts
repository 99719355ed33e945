/** Live state of every provider: its circuit breaker and the last health check. */
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';
import type { TargetStatus } from '../api-types/index.ts';

export type { TargetStatus };

export interface TargetState {
  breaker: CircuitBreaker;
  health: 'up' | 'down' | 'unknown';
  lastCheckedAt?: number;
  lastError?: string;
  /** The HTTP status of the last failed health check, when the server answered. */
  lastCheckStatus?: number;
  /** Set when the last health check reached the server but its model list lacks the configured model. */
  lastCheckCause?: 'model-missing';
  /** The last failed request (the circuit breaker counts them). */
  lastFailure?: { at: number; message: string; status?: number; timeout?: boolean };
}

export class TargetStates {
  private readonly states = new Map<string, TargetState>();

  constructor(private breakerOptions: CircuitBreakerOptions) {}

  get(providerId: string): TargetState {
    let state = this.states.get(providerId);
    if (!state) {
      state = { breaker: new CircuitBreaker(this.breakerOptions), health: 'unknown' };
      this.states.set(providerId, state);
    }
    return state;
  }

  configure(options: CircuitBreakerOptions): void {
    this.breakerOptions = options;
    for (const state of this.states.values()) state.breaker.options = options;
  }

  forget(providerId: string): void {
    this.states.delete(providerId);
  }

  status(providerId: string): TargetStatus {
    const state = this.get(providerId);
    if (state.breaker.state === 'open') return 'open-circuit';
    // The health check failed: down, whether or not requests failed as well (they confirm it); a half-open
    // circuit is probing and may answer, so that stays degraded.
    if (state.health === 'down' && state.breaker.state === 'closed') return 'down';
    if (state.breaker.state === 'half-open' || state.breaker.consecutiveFailures > 0) return 'degraded';
    return state.health === 'up' ? 'up' : 'unknown';
  }
}
