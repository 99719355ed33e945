/**
 * The runner: asks the target for every item (bounded concurrency), scores the answer, and persists each
 * result as it completes. Reproducible (suite hash, target, generation config and prompt version stored with
 * the run), resumable (`resumeRunId`: items with a stored result are not asked again), and cached by
 * (item, target, config) hash across runs.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { QihuangError } from '@qihuang/contracts';
import { hashOf } from '../canonical-json.ts';
import { callHttpTarget } from '../targets/http-target.ts';
import { DEFAULT_PROMPT_VERSION, renderMessages, renderPrompt } from '../targets/prompt-templates.ts';
import { scoreItem, type GuardScorer } from '../scoring/score-item.ts';
import { GraderError, type Grader } from '../scoring/grader.ts';
import { DEFAULT_SEED } from '../scoring/stats.ts';
import { subgroupsOf, summarise, type MetricOptions } from '../reports/metrics.ts';
import type { ChatClient, GenerationConfig, TargetSpec } from '../targets/target-types.ts';
import type { EvalItem, Suite } from '../suites/suite-types.ts';
import type { EvalStore, ItemResult, RunRecord } from './run-types.ts';
import type { RunSummary } from '../reports/report-types.ts';

export interface RunEvalOptions {
  store: EvalStore;
  suite: Suite;
  /** Required for a new run; for a resumed run the stored target is used (and must match if given). */
  target?: TargetSpec;
  /** Chat client for model targets (holds the API key, which is never stored). */
  client?: ChatClient;
  /** For http targets: fetch and secret headers (e.g. Authorization). */
  fetch?: typeof fetch;
  httpHeaders?: Record<string, string>;
  generation?: Partial<GenerationConfig>;
  grader?: Grader;
  /** Stored with the run to identify the grader endpoint (no key). */
  graderBaseUrl?: string;
  guard?: GuardScorer;
  concurrency?: number;
  limit?: number;
  resumeRunId?: string;
  label?: string;
  /** Reuse `ok` results of other runs with the same cache key (default true). */
  useCache?: boolean;
  signal?: AbortSignal;
  clock?: () => Date;
  metrics?: MetricOptions;
  /** Called once the run record exists (before any item is asked). */
  onStart?: (run: RunRecord) => void;
  /** Called after each item is persisted. */
  onItem?: (result: ItemResult, done: number, total: number) => void;
}

export interface RunEvalResult {
  run: RunRecord;
  summary: RunSummary | null;
  /** True when stopped by the signal; resume with `resumeRunId: run.id`. */
  aborted: boolean;
  /** Items asked in this invocation (cache hits and resumed items excluded). */
  asked: number;
}

export function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

function targetFingerprint(target: TargetSpec): unknown {
  return target.kind === 'model'
    ? {
        kind: target.kind,
        model: target.model,
        baseUrl: target.baseUrl,
        // Through the gateway: the route (providers and upstream models) is part of what is evaluated.
        ...(target.via ? { via: target.via, route: target.route ?? null } : {}),
      }
    : {
        kind: target.kind,
        url: target.url,
        method: target.method,
        bodyTemplate: target.bodyTemplate,
        extract: target.extract,
      };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runEval(options: RunEvalOptions): Promise<RunEvalResult> {
  const { store, suite, signal } = options;
  const clock = options.clock ?? (() => new Date());
  let run: RunRecord;
  const needsClient = (t: TargetSpec) => {
    if (t.kind === 'model' && !options.client)
      throw new QihuangError('invalid-input', 'A model target needs a chat client');
  };
  if (options.resumeRunId) {
    const existing = await store.getRun(options.resumeRunId);
    if (!existing) throw new QihuangError('not-found', `No run ${options.resumeRunId}`);
    if (existing.suite.hash !== suite.hash) {
      throw new QihuangError(
        'invalid-input',
        `Run ${existing.id} was made with suite ${existing.suite.name} ${existing.suite.version} (hash ${existing.suite.hash.slice(0, 12)}); the suite given differs`,
      );
    }
    if (
      options.target &&
      hashOf(targetFingerprint(options.target)) !== hashOf(targetFingerprint(existing.target))
    ) {
      throw new QihuangError(
        'invalid-input',
        `Run ${existing.id} used another target (${JSON.stringify(targetFingerprint(existing.target))})`,
      );
    }
    needsClient(existing.target);
    run = existing;
    await store.updateRun(run.id, { status: 'running', error: null });
  } else {
    if (!options.target) throw new QihuangError('invalid-input', 'A target is required');
    needsClient(options.target);
    const generation: GenerationConfig = {
      temperature: options.generation?.temperature ?? 0,
      seed: options.generation?.seed ?? DEFAULT_SEED,
      promptVersion: options.generation?.promptVersion ?? DEFAULT_PROMPT_VERSION,
      ...(options.generation?.maxTokens !== undefined ? { maxTokens: options.generation.maxTokens } : {}),
    };
    const now = clock();
    run = {
      id: newRunId(now),
      createdAt: now,
      finishedAt: null,
      status: 'running',
      label: options.label ?? null,
      suite: { name: suite.name, version: suite.version, hash: suite.hash },
      itemCount: Math.min(suite.items.length, options.limit ?? Infinity),
      target: options.target,
      generation,
      grader: options.grader
        ? {
            ...options.grader.fingerprint,
            ...(options.graderBaseUrl ? { baseUrl: options.graderBaseUrl } : {}),
          }
        : null,
      summary: null,
      error: null,
    };
    await store.createRun(run);
  }
  const target = run.target;
  options.onStart?.(run);

  const items = suite.items.slice(0, run.itemCount);
  const finished = await store.finishedItemIds(run.id);
  const remaining = items
    .map((item, position) => ({ item, position }))
    .filter(({ item }) => !finished.has(item.id));
  const configKey = {
    target: targetFingerprint(target),
    generation: run.generation,
    grader: run.grader,
    guard: !!options.guard,
  };
  let done = items.length - remaining.length;
  let asked = 0;
  let next = 0;
  let failure: unknown;

  const cacheKeys = new Map(remaining.map(({ item }) => [item.id, hashOf({ item, config: configKey })]));
  const prefetched =
    options.useCache !== false && store.findCachedMany
      ? await store.findCachedMany([...cacheKeys.values()])
      : undefined;

  const execute = async (item: EvalItem, position: number): Promise<ItemResult | undefined> => {
    const cacheKey = cacheKeys.get(item.id)!;
    const base = {
      runId: run.id,
      itemId: item.id,
      position,
      cacheKey,
      kind: item.kind,
      categories: item.categories,
      subgroups: subgroupsOf(item.metadata),
    };
    if (options.useCache !== false) {
      const hit = prefetched ? prefetched.get(cacheKey) : await store.findCached(cacheKey);
      if (hit)
        return {
          ...hit,
          ...base,
          cached: true,
          promptTokens: 0,
          completionTokens: 0,
          cost: 0,
          completedAt: clock(),
        };
    }
    asked++;
    const started = performance.now();
    let answer = '';
    let json: unknown;
    let promptTokens = 0;
    let completionTokens = 0;
    try {
      if (target.kind === 'model') {
        const reply = await options.client!.chat({
          messages: renderMessages(item, run.generation.promptVersion),
          temperature: run.generation.temperature,
          seed: run.generation.seed,
          maxTokens: run.generation.maxTokens,
          signal,
          context: { runId: run.id, itemId: item.id, purpose: 'target' },
        });
        answer = reply.text;
        promptTokens = reply.promptTokens;
        completionTokens = reply.completionTokens;
      } else {
        const reply = await callHttpTarget(
          target,
          {
            id: item.id,
            prompt: renderPrompt(item, run.generation.promptVersion),
            input: item.kind === 'pipeline-case' ? item.input : undefined,
          },
          { fetchImpl: options.fetch, headers: options.httpHeaders, signal },
        );
        answer = reply.text;
        json = reply.json;
      }
    } catch (error) {
      if (signal?.aborted) return undefined;
      return errorResult(base, answer, `target: ${message(error)}`, performance.now() - started, clock());
    }
    const latencyMs = performance.now() - started;
    const pricing = target.kind === 'model' ? target.pricing : undefined;
    const cost = pricing
      ? (promptTokens * pricing.promptPerMillion + completionTokens * pricing.completionPerMillion) / 1e6
      : 0;
    try {
      const scored = await scoreItem(item, answer, json, {
        grader: options.grader,
        guard: options.guard,
        signal,
        call: { runId: run.id, itemId: item.id },
      });
      return {
        ...base,
        status: 'ok',
        score: scored.score,
        passed: scored.passed,
        answer,
        extracted: scored.extracted ?? null,
        expected: scored.expected ?? null,
        detail: scored.detail ?? null,
        promptTokens,
        completionTokens,
        cost,
        latencyMs,
        cached: false,
        error: null,
        completedAt: clock(),
      };
    } catch (error) {
      if (signal?.aborted) return undefined;
      const prefix = error instanceof GraderError ? 'grader' : 'scoring';
      return {
        ...errorResult(base, answer, `${prefix}: ${message(error)}`, latencyMs, clock()),
        promptTokens,
        completionTokens,
        cost,
      };
    }
  };

  const worker = async () => {
    while (!signal?.aborted && failure === undefined && next < remaining.length) {
      const { item, position } = remaining[next++]!;
      try {
        const result = await execute(item, position);
        if (!result) return;
        await store.saveResult(result);
        done++;
        options.onItem?.(result, done, items.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, 256));
  // Each in-flight request (target and grader) listens on the one signal.
  if (signal) setMaxListeners(2 * concurrency + 10, signal);
  await Promise.all(Array.from({ length: Math.min(concurrency, remaining.length || 1) }, worker));

  if (failure !== undefined) {
    await store.updateRun(run.id, { status: 'failed', error: message(failure) }).catch(() => undefined);
    throw failure;
  }
  if (signal?.aborted) {
    await store.updateRun(run.id, { status: 'aborted' });
    return { run: { ...run, status: 'aborted' }, summary: null, aborted: true, asked };
  }
  const summary = summarise(await store.results(run.id), options.metrics);
  const finishedAt = clock();
  await store.updateRun(run.id, { status: 'completed', finishedAt, summary });
  return { run: { ...run, status: 'completed', finishedAt, summary }, summary, aborted: false, asked };
}

function errorResult(
  base: Pick<ItemResult, 'runId' | 'itemId' | 'position' | 'cacheKey' | 'kind' | 'categories' | 'subgroups'>,
  answer: string,
  error: string,
  latencyMs: number,
  now: Date,
): ItemResult {
  return {
    ...base,
    status: 'error',
    score: null,
    passed: null,
    answer,
    extracted: null,
    expected: null,
    detail: null,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    latencyMs,
    cached: false,
    error,
    completedAt: now,
  };
}
