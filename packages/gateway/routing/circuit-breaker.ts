/**
 * One circuit breaker per target: after `failureThreshold` consecutive failures the circuit opens and the
 * target is skipped for `cooldownMs`; then one probe request is let through (half-open) and its outcome
 * closes or re-opens the circuit.
 *
 * Two ways to probe sooner, so that a recovered target takes traffic again promptly:
 * - `tryAcquireEarly`: when no other target can answer a request, an open circuit may be probed after
 *   `probeIntervalMs` (default 1 s, at most the cooldown) instead of the whole cooldown — still one probe at a
 *   time, so a target that stays down sees at most one request per interval.
 * - `allowProbe`: a health check that finds the target up moves an open circuit to half-open.
 * While a probe is in flight, `probeSettled()` resolves when it ends, so other requests can wait for it
 * instead of failing.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  /** Shortest time between probes of an open circuit when no other target can answer (default 1000). */
  probeIntervalMs?: number;
}

const DEFAULT_PROBE_INTERVAL_MS = 1000;

export class CircuitBreaker {
  state: CircuitState = 'closed';
  consecutiveFailures = 0;
  openedAt = 0;
  private probe: { settled: Promise<void>; end: () => void } | undefined;

  constructor(public options: CircuitBreakerOptions) {}

  private get probeIntervalMs(): number {
    return Math.min(this.options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS, this.options.cooldownMs);
  }

  private startProbe(): void {
    let end = () => undefined as void;
    const settled = new Promise<void>((resolve) => (end = resolve));
    this.probe = { settled, end };
  }

  private endProbe(): void {
    const probe = this.probe;
    this.probe = undefined;
    probe?.end();
  }

  /** May a request go to this target now? In half-open state, only one probe at a time. */
  tryAcquire(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (now - this.openedAt < this.options.cooldownMs) return false;
      this.state = 'half-open';
    }
    if (this.probe) return false;
    this.startProbe();
    return true;
  }

  /**
   * A probe of an open circuit before its cooldown ends (when no other target can answer): allowed once
   * `probeIntervalMs` has passed since the circuit (re-)opened, and when no probe is in flight.
   */
  tryAcquireEarly(now: number): boolean {
    if (this.state !== 'open' || this.probe) return false;
    if (now - this.openedAt < this.probeIntervalMs) return false;
    this.state = 'half-open';
    this.startProbe();
    return true;
  }

  /** A health check found the target up: the next request may probe it (open → half-open). */
  allowProbe(): void {
    if (this.state === 'open') this.state = 'half-open';
  }

  /** While a probe is in flight: resolves when it ends. Otherwise undefined. */
  probeSettled(): Promise<void> | undefined {
    return this.probe?.settled;
  }

  /** Milliseconds until an open circuit lets a probe through (0 if not open). */
  retryAfterMs(now: number): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.options.cooldownMs - now) : 0;
  }

  /** Milliseconds until an open circuit may be probed early (0 if not open). */
  nextProbeInMs(now: number): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.probeIntervalMs - now) : 0;
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.consecutiveFailures = 0;
    this.endProbe();
  }

  recordFailure(now: number): void {
    this.consecutiveFailures += 1;
    if (this.state === 'half-open' || this.consecutiveFailures >= this.options.failureThreshold) {
      this.state = 'open';
      this.openedAt = now;
    }
    this.endProbe();
  }
}
