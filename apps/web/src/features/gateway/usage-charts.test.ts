/** Issue 20 (IT try-out): with only failed requests the usage chart (tokens only) was flat. */
import { describe, expect, it } from 'vitest';
import { usageCharts } from './usage-charts.ts';

const t = (key: string) => key;
const row = (day: string, requests: number, errors: number, tokens: number) => ({
  day,
  requests,
  errors,
  promptTokens: tokens,
  completionTokens: 0,
  reasoningTokens: 0,
  totalTokens: tokens,
  avgLatencyMs: 100,
});

describe('usage charts', () => {
  it('plots requests answered and failed beside the tokens', () => {
    const charts = usageCharts([row('2026-12-07', 4, 4, 0), row('2026-12-08', 3, 1, 50)], (r) => r.day, t);
    expect(charts.requests.categories).toEqual(['2026-12-07', '2026-12-08']);
    expect(charts.requests.series.map((s) => s.values)).toEqual([
      [0, 2],
      [4, 1],
    ]);
    expect(charts.requests.series.map((s) => s.name)).toEqual(['gatewayUsage.ok', 'gatewayUsage.failed']);
    expect(charts.hasTokens).toBe(true);
  });

  it('only failures: the requests chart is not flat, the token chart is left out', () => {
    const charts = usageCharts([row('2026-12-07', 4, 4, 0)], (r) => r.day, t);
    expect(Math.max(...charts.requests.series.flatMap((s) => s.values.map(Number)))).toBe(4);
    expect(charts.hasTokens).toBe(false);
  });
});
