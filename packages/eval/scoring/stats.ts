/**
 * Statistics for reports: a seeded PRNG (mulberry32), percentile bootstrap confidence intervals, paired
 * bootstrap of a difference, McNemar's exact test and a two-proportion test for drift. Deterministic for a
 * given seed, so a report can be recomputed to the digit.
 */
import type { Interval } from '../api-types/index.ts';

export type { Interval };

/** mulberry32 — 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((sum, x) => sum + x, 0) / values.length : NaN;

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20261126;

/** Percentile of sorted values by the nearest-rank rule: the ⌈p·n⌉-th smallest (1-based), p in (0, 1]. */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * 95 % percentile bootstrap CI of the mean: `resamples` draws of n values with replacement, index
 * ⌊rng()·n⌋; bounds are the nearest-rank 2.5th and 97.5th percentiles of the resampled means.
 */
export function bootstrapMeanCi(
  values: readonly number[],
  { resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED, level = 0.95 } = {},
): Interval {
  const n = values.length;
  if (n === 0) return { lower: NaN, upper: NaN };
  const rng = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(rng() * n)]!;
    means[b] = sum / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return { lower: nearestRank(Array.from(means), alpha), upper: nearestRank(Array.from(means), 1 - alpha) };
}

/** Paired bootstrap of mean(b − a): CI and a two-sided p-value (2 × the smaller tail at 0, capped at 1). */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  { resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED } = {},
): Interval & { difference: number; pValue: number } {
  const n = Math.min(a.length, b.length);
  const diffs = Array.from({ length: n }, (_, i) => b[i]! - a[i]!);
  const difference = mean(diffs);
  if (n === 0) return { difference: NaN, lower: NaN, upper: NaN, pValue: NaN };
  const rng = mulberry32(seed);
  const means: number[] = [];
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diffs[Math.floor(rng() * n)]!;
    const m = sum / n;
    means.push(m);
    if (m <= 0) atOrBelow++;
    if (m >= 0) atOrAbove++;
  }
  means.sort((x, y) => x - y);
  const pValue = Math.min(1, (2 * Math.min(atOrBelow, atOrAbove)) / resamples);
  return { difference, lower: nearestRank(means, 0.025), upper: nearestRank(means, 0.975), pValue };
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** Two-sided exact binomial test P(X ≤ min(k, n−k)) × 2 with p = ½ — McNemar's exact test on discordant pairs. */
export function mcnemarExact(onlyA: number, onlyB: number): number {
  const n = onlyA + onlyB;
  if (n === 0) return 1;
  const k = Math.min(onlyA, onlyB);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** Standard normal upper tail (Abramowitz–Stegun 7.1.26 erfc approximation, |error| < 1.5e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * One-sided two-proportion z-test that the recent rate is higher than the baseline rate (pooled variance).
 * Returns the p-value; NaN when either sample is empty.
 */
export function proportionIncreaseTest(
  baselineHits: number,
  baselineN: number,
  recentHits: number,
  recentN: number,
): number {
  if (!baselineN || !recentN) return NaN;
  const pooled = (baselineHits + recentHits) / (baselineN + recentN);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / baselineN + 1 / recentN));
  const diff = recentHits / recentN - baselineHits / baselineN;
  if (se === 0) return diff > 0 ? 0 : 1;
  return normalUpperTail(diff / se);
}
