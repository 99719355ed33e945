/** Per-run report (JSON and CSV) and the comparison of two runs with significance and regression alerts. */
import { QihuangError } from '@qihuang/contracts';
import { csvCell } from '@qihuang/csv';
import { mcnemarExact, mean, pairedBootstrap } from '../scoring/stats.ts';
import { summarise, type MetricOptions } from './metrics.ts';
import type { EvalStore, ItemResult, RunRecord } from '../runner/run-types.ts';
import type { Difference, RunComparison, RunReport, WorstItem } from './report-types.ts';

async function load(store: EvalStore, id: string): Promise<{ run: RunRecord; results: ItemResult[] }> {
  const run = await store.getRun(id);
  if (!run) throw new QihuangError('not-found', `No run ${id}`);
  return { run, results: await store.results(id) };
}

const ANSWER_PREVIEW = 2000;

export async function buildReport(
  store: EvalStore,
  id: string,
  { worst = 10, ...metrics }: MetricOptions & { worst?: number } = {},
): Promise<RunReport> {
  const { run, results } = await load(store, id);
  const worstItems: WorstItem[] = [...results]
    .sort(
      (a, b) =>
        (a.status === b.status ? (a.score ?? 0) - (b.score ?? 0) : a.status === 'error' ? -1 : 1) ||
        a.position - b.position,
    )
    .slice(0, worst)
    .map((r) => ({
      itemId: r.itemId,
      categories: r.categories,
      score: r.score,
      status: r.status,
      answer: r.answer.length > ANSWER_PREVIEW ? `${r.answer.slice(0, ANSWER_PREVIEW)}…` : r.answer,
      extracted: r.extracted,
      expected: r.expected,
      error: r.error,
    }));
  return {
    run: {
      id: run.id,
      status: run.status,
      label: run.label,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      suite: run.suite,
      target: run.target,
      generation: run.generation,
      grader: run.grader,
      itemCount: run.itemCount,
      completed: results.length,
    },
    summary: summarise(results, metrics),
    worst: worstItems,
  };
}

const CSV_COLUMNS = [
  'run_id',
  'item_id',
  'position',
  'kind',
  'categories',
  'sex',
  'age_band',
  'status',
  'score',
  'passed',
  'extracted',
  'expected',
  'prompt_tokens',
  'completion_tokens',
  'cost',
  'latency_ms',
  'cached',
  'error',
  'answer',
] as const;

/** One row per item result. */
export async function exportRunCsv(store: EvalStore, id: string): Promise<string> {
  const { run, results } = await load(store, id);
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of results) {
    lines.push(
      [
        run.id,
        r.itemId,
        r.position,
        r.kind,
        r.categories.join(';'),
        r.subgroups.sex,
        r.subgroups.ageBand,
        r.status,
        r.score,
        r.passed,
        r.extracted,
        r.expected,
        r.promptTokens,
        r.completionTokens,
        r.cost,
        Math.round(r.latencyMs),
        r.cached,
        r.error,
        r.answer,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface CompareOptions extends MetricOptions {
  /** A drop larger than this (absolute, e.g. 0.02 = 2 points) that is significant raises an alert. */
  threshold?: number;
  alpha?: number;
}

function difference(
  pairs: [number, number][],
  threshold: number,
  alpha: number,
  options: MetricOptions,
): Difference {
  if (!pairs.length)
    return {
      n: 0,
      a: null,
      b: null,
      difference: null,
      ci: null,
      pValue: null,
      test: 'none',
      regression: false,
    };
  const a = pairs.map((p) => p[0]);
  const b = pairs.map((p) => p[1]);
  const boot = pairedBootstrap(a, b, options);
  const binary = pairs.every(([x, y]) => (x === 0 || x === 1) && (y === 0 || y === 1));
  const pValue = binary
    ? mcnemarExact(
        pairs.filter(([x, y]) => x === 1 && y === 0).length,
        pairs.filter(([x, y]) => x === 0 && y === 1).length,
      )
    : boot.pValue;
  const diff = mean(b) - mean(a);
  return {
    n: pairs.length,
    a: mean(a),
    b: mean(b),
    difference: diff,
    ci: { lower: boot.lower, upper: boot.upper },
    pValue,
    test: binary ? 'mcnemar-exact' : 'paired-bootstrap',
    regression: diff < -threshold && pValue < alpha,
  };
}

/** Compares run B (new) with run A (baseline) on the items both scored. */
export async function compareRuns(
  store: EvalStore,
  idA: string,
  idB: string,
  { threshold = 0.02, alpha = 0.05, ...metrics }: CompareOptions = {},
): Promise<RunComparison> {
  const [A, B] = await Promise.all([load(store, idA), load(store, idB)]);
  const byId = new Map(A.results.filter((r) => r.status === 'ok').map((r) => [r.itemId, r]));
  const paired = B.results
    .filter((r) => r.status === 'ok' && byId.has(r.itemId))
    .map((r) => ({ a: byId.get(r.itemId)!, b: r }));
  const overall = difference(
    paired.map((p) => [p.a.score!, p.b.score!]),
    threshold,
    alpha,
    metrics,
  );
  const categories = [...new Set(paired.flatMap((p) => p.b.categories))].sort();
  const byCategory = Object.fromEntries(
    categories.map((c) => [
      c,
      difference(
        paired.filter((p) => p.b.categories.includes(c)).map((p) => [p.a.score!, p.b.score!]),
        threshold,
        alpha,
        metrics,
      ),
    ]),
  );
  const alerts: string[] = [];
  const describe = (name: string, d: Difference) =>
    `${name}: ${(d.a! * 100).toFixed(1)}% → ${(d.b! * 100).toFixed(1)}% (${(d.difference! * 100).toFixed(1)} points, p = ${d.pValue!.toPrecision(2)}, n = ${d.n})`;
  if (overall.regression) alerts.push(`Regression overall — ${describe('overall', overall)}`);
  for (const [name, d] of Object.entries(byCategory))
    if (d.regression) alerts.push(`Regression in ${describe(name, d)}`);
  return {
    a: idA,
    b: idB,
    sameSuite: A.run.suite.hash === B.run.suite.hash,
    threshold,
    alpha,
    overall,
    byCategory,
    alerts,
  };
}
