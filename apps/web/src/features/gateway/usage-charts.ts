/**
 * The usage section's charts (issue 20): requests answered and failed per group, then tokens. With only
 * failed requests (no tokens) the token chart alone was flat; the requests chart shows them, and the token
 * chart is left out while there are no tokens.
 */
import type { BarSeries } from '../../components/bar-chart.tsx';

interface Row {
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

type T = (key: string, options?: Record<string, unknown>) => string;

export function usageCharts<R extends Row>(rows: readonly R[], category: (row: R) => string, t: T) {
  const categories = rows.map(category);
  const requests: { categories: string[]; series: BarSeries[] } = {
    categories,
    series: [
      { name: t('gatewayUsage.ok'), values: rows.map((r) => Math.max(0, r.requests - r.errors)) },
      { name: t('gatewayUsage.failed'), values: rows.map((r) => r.errors) },
    ],
  };
  const tokens: { categories: string[]; series: BarSeries[] } = {
    categories,
    series: [
      { name: t('gateway.usage.promptTokens'), values: rows.map((r) => r.promptTokens) },
      { name: t('gateway.usage.completionTokens'), values: rows.map((r) => r.completionTokens) },
      { name: t('gateway.usage.reasoningTokens'), values: rows.map((r) => r.reasoningTokens) },
    ],
  };
  const hasTokens = rows.some((r) => r.promptTokens + r.completionTokens + r.reasoningTokens > 0);
  return { requests, tokens, hasTokens };
}
