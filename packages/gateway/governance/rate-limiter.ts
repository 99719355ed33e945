/**
 * Requests and tokens per minute, and token budgets per day and month, per principal — in memory, on the
 * hot path without I/O. Windows are fixed, aligned to the minute / UTC day / UTC month. Budgets are also
 * merged from the usage store (GatewayRuntime.syncBudget), so that they hold across restarts and replicas;
 * per-minute limits are per process.
 */
import { GatewayError } from '../http/gateway-error.ts';
import type { Principal } from './gateway-auth.ts';

interface Counters {
  minute: number;
  requests: number;
  tokens: number;
  day: string;
  dayTokens: number;
  month: string;
  monthTokens: number;
}

const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

function secondsToNextUtcDay(now: number): number {
  const d = new Date(now);
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now) / 1000);
}

function secondsToNextUtcMonth(now: number): number {
  const d = new Date(now);
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - now) / 1000);
}

export class RateLimiter {
  private readonly counters = new Map<string, Counters>();

  constructor(private readonly now: () => number) {}

  private counters_(principal: Principal, now: number): Counters {
    const minute = Math.floor(now / 60_000);
    const day = dayOf(now);
    const month = day.slice(0, 7);
    let c = this.counters.get(principal.id);
    if (!c) {
      c = { minute, requests: 0, tokens: 0, day, dayTokens: 0, month, monthTokens: 0 };
      this.counters.set(principal.id, c);
    }
    if (c.minute !== minute) Object.assign(c, { minute, requests: 0, tokens: 0 });
    if (c.day !== day) Object.assign(c, { day, dayTokens: 0 });
    if (c.month !== month) Object.assign(c, { month, monthTokens: 0 });
    return c;
  }

  /** Admits one request or throws 429 with Retry-After. */
  admit(principal: Principal): void {
    const { rateLimit, budget } = principal;
    if (!rateLimit && !budget) return;
    const now = this.now();
    const c = this.counters_(principal, now);
    const toNextMinute = String(Math.max(1, Math.ceil(((c.minute + 1) * 60_000 - now) / 1000)));
    if (rateLimit?.rpm !== undefined && c.requests >= rateLimit.rpm) {
      throw limited(
        `rate limit reached: ${rateLimit.rpm} requests per minute`,
        'rate_limit_exceeded',
        toNextMinute,
      );
    }
    if (rateLimit?.tpm !== undefined && c.tokens >= rateLimit.tpm) {
      throw limited(
        `rate limit reached: ${rateLimit.tpm} tokens per minute`,
        'rate_limit_exceeded',
        toNextMinute,
      );
    }
    if (budget?.tokensPerDay !== undefined && c.dayTokens >= budget.tokensPerDay) {
      throw limited(
        `daily token budget of ${budget.tokensPerDay} exhausted`,
        'budget_exceeded',
        String(secondsToNextUtcDay(now)),
      );
    }
    if (budget?.tokensPerMonth !== undefined && c.monthTokens >= budget.tokensPerMonth) {
      throw limited(
        `monthly token budget of ${budget.tokensPerMonth} exhausted`,
        'budget_exceeded',
        String(secondsToNextUtcMonth(now)),
      );
    }
    c.requests += 1;
  }

  /** Adds the tokens a finished request used. */
  consume(principal: Principal, tokens: number): void {
    if (!principal.rateLimit && !principal.budget) return;
    const c = this.counters_(principal, this.now());
    c.tokens += tokens;
    c.dayTokens += tokens;
    c.monthTokens += tokens;
  }

  /**
   * Merges today's and this month's totals as the shared usage store has them (every replica's flushed
   * usage): a counter only grows, so this replica's own not-yet-flushed tokens are not lost.
   */
  syncTotals(principalId: string, totals: { day: string; dayTokens: number; monthTokens: number }): void {
    const now = this.now();
    const day = dayOf(now);
    if (totals.day !== day) return; // the period turned while the totals were read
    let c = this.counters.get(principalId);
    if (!c) {
      c = {
        minute: Math.floor(now / 60_000),
        requests: 0,
        tokens: 0,
        day,
        dayTokens: 0,
        month: day.slice(0, 7),
        monthTokens: 0,
      };
      this.counters.set(principalId, c);
    }
    if (c.day !== day) Object.assign(c, { day, dayTokens: 0 });
    if (c.month !== day.slice(0, 7)) Object.assign(c, { month: day.slice(0, 7), monthTokens: 0 });
    c.dayTokens = Math.max(c.dayTokens, totals.dayTokens);
    c.monthTokens = Math.max(c.monthTokens, totals.monthTokens);
  }

  /** Seeds today's and this month's totals (e.g. from the usage store at start-up). */
  seed(principalId: string, totals: { dayTokens: number; monthTokens: number }): void {
    const now = this.now();
    const day = dayOf(now);
    this.counters.set(principalId, {
      minute: Math.floor(now / 60_000),
      requests: 0,
      tokens: 0,
      day,
      dayTokens: totals.dayTokens,
      month: day.slice(0, 7),
      monthTokens: totals.monthTokens,
    });
  }
}

const limited = (message: string, openAiCode: string, retryAfter: string) =>
  new GatewayError('rate-limited', message, { openAiCode, headers: { 'retry-after': retryAfter } });
