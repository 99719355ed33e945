/** Run summaries from item results: per kind, category and subgroup, each with a bootstrap CI. */
import { bootstrapMeanCi, DEFAULT_RESAMPLES, DEFAULT_SEED, mean, nearestRank } from '../scoring/stats.ts';
import type { ItemResult } from '../runner/run-types.ts';
import type { MetricCell, RunSummary } from './report-types.ts';
import type { ItemMetadata } from '../suites/suite-types.ts';

export interface MetricOptions {
  resamples?: number;
  seed?: number;
}

export function ageBand(age: number): string {
  if (age < 18) return '0-17';
  if (age < 45) return '18-44';
  if (age < 65) return '45-64';
  return '65+';
}

/** Subgroup values of an item, from its metadata. */
export function subgroupsOf(metadata: ItemMetadata | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!metadata) return out;
  if (metadata.sex) out.sex = metadata.sex;
  if (typeof metadata.age === 'number' && Number.isFinite(metadata.age)) out.ageBand = ageBand(metadata.age);
  if (metadata.language) out.language = metadata.language;
  return out;
}

export function cell(results: readonly ItemResult[], options: MetricOptions = {}): MetricCell {
  const scored = results.filter((r) => r.status === 'ok' && r.score !== null);
  const scores = scored.map((r) => r.score!);
  return {
    n: results.length,
    scored: scored.length,
    errors: results.length - scored.length,
    mean: scores.length ? mean(scores) : null,
    ci: scores.length ? bootstrapMeanCi(scores, options) : null,
    passRate: scored.length ? scored.filter((r) => r.passed).length / scored.length : null,
  };
}

function groupBy(
  results: readonly ItemResult[],
  keys: (r: ItemResult) => string[],
): Map<string, ItemResult[]> {
  const groups = new Map<string, ItemResult[]>();
  for (const r of results) {
    for (const key of keys(r)) {
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const cells = (groups: Map<string, ItemResult[]>, options: MetricOptions) =>
  Object.fromEntries([...groups].map(([key, list]) => [key, cell(list, options)]));

export function summarise(results: readonly ItemResult[], options: MetricOptions = {}): RunSummary {
  const overall = cell(results, options);
  const dims = new Set(results.flatMap((r) => Object.keys(r.subgroups)));
  const bySubgroup: RunSummary['bySubgroup'] = {};
  for (const dim of [...dims].sort()) {
    bySubgroup[dim] = cells(
      groupBy(results, (r) => (r.subgroups[dim] ? [r.subgroups[dim]] : [])),
      options,
    );
  }
  const latencies = results
    .filter((r) => r.status === 'ok' && !r.cached)
    .map((r) => r.latencyMs)
    .sort((a, b) => a - b);
  return {
    ...overall,
    accuracy: overall.mean,
    meanErrorsAsZero: results.length
      ? results.reduce((s, r) => s + (r.status === 'ok' ? (r.score ?? 0) : 0), 0) / results.length
      : null,
    byKind: cells(
      groupBy(results, (r) => [r.kind]),
      options,
    ),
    byCategory: cells(
      groupBy(results, (r) => r.categories),
      options,
    ),
    bySubgroup,
    tokens: {
      prompt: results.reduce((s, r) => s + r.promptTokens, 0),
      completion: results.reduce((s, r) => s + r.completionTokens, 0),
    },
    cost: results.reduce((s, r) => s + r.cost, 0),
    latencyMs: {
      mean: latencies.length ? mean(latencies) : null,
      p50: latencies.length ? nearestRank(latencies, 0.5) : null,
      p95: latencies.length ? nearestRank(latencies, 0.95) : null,
    },
    cached: results.filter((r) => r.cached).length,
    bootstrap: { resamples: options.resamples ?? DEFAULT_RESAMPLES, seed: options.seed ?? DEFAULT_SEED },
  };
}
