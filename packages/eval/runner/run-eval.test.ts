import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  startScriptedUpstream,
  type ReceivedRequest,
  type ScriptedUpstream,
} from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createDatabaseEvalStore } from './database-store.ts';
import { runEval } from './run-eval.ts';
import { createOpenAiChatClient } from '../targets/openai-chat-client.ts';
import { createGrader } from '../scoring/grader.ts';
import { finaliseSuite } from '../suites/suite-files.ts';
import { bootstrapMeanCi, mulberry32, nearestRank } from '../scoring/stats.ts';
import { buildReport, compareRuns, exportRunCsv } from '../reports/run-report.ts';
import type { EvalItem, MultipleChoiceItem, RubricItem } from '../suites/suite-types.ts';
import type { EvalStore } from './run-types.ts';

const OPTIONS = ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `option ${key} text` }));

/** 10 items: q1–q6 cardio (women 70, men 50 alternating), q7–q10 neuro. Answer key cycles A–D. */
function mcSuite(n = 10) {
  const items: MultipleChoiceItem[] = Array.from({ length: n }, (_, i) => ({
    kind: 'multiple-choice',
    id: `q${i + 1}`,
    categories: [i < 6 ? 'cardio' : 'neuro'],
    provenance: { source: 'test' },
    metadata: i % 2 === 0 ? { sex: 'female', age: 70 } : { sex: 'male', age: 50 },
    question: `Question number ${i + 1}?`,
    options: OPTIONS,
    answer: ['ABCD'[i % 4]!],
    style: 'letters',
  }));
  return finaliseSuite('test-mc', '1.0.0', items);
}

const questionOf = (r: ReceivedRequest): number =>
  Number(/Question number (\d+)/.exec(JSON.stringify(r.body.messages))?.[1]);
const RIGHT = new Set([1, 2, 3, 4, 7]);
const styles = ['答案：X', 'The answer is (X)', '**X**', 'X', 'After thinking, the correct answer is X.'];

describe.each(DATABASE_KINDS)('runner on %s', (kind) => {
  let database: Database;
  let store: EvalStore;
  let upstream: ScriptedUpstream;
  const client = () => createOpenAiChatClient({ baseUrl: upstream.url, model: 'm1', maxRetries: 0 });
  const target = () => ({
    kind: 'model' as const,
    baseUrl: upstream.url,
    model: 'm1',
    pricing: { promptPerMillion: 1, completionPerMillion: 2 },
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    store = createDatabaseEvalStore(database.db);
    upstream = await startScriptedUpstream({ models: ['m1', 'grader'] });
  });
  afterAll(async () => {
    await upstream.close();
    await database.close();
  });
  beforeEach(() => {
    upstream.reset();
    // Right for q1–q4 and q7, wrong (next letter) for the others; each in a different answer style.
    upstream.setDefault((r) => {
      const q = questionOf(r);
      const key = 'ABCD'[(q - 1) % 4]!;
      const letter = RIGHT.has(q) ? key : 'ABCD'[q % 4]!;
      return {
        content: `<think>hmm</think>${styles[q % styles.length]!.replace('X', letter)}`,
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      };
    });
  });

  it('computes every metric as by hand', async () => {
    const suite = mcSuite();
    const { run, summary, asked } = await runEval({
      store,
      suite,
      target: target(),
      client: client(),
      concurrency: 3,
      useCache: false,
    });
    expect(asked).toBe(10);
    expect(upstream.modelRequests()).toHaveLength(10);
    expect(run.status).toBe('completed');
    expect(summary).toMatchObject({ n: 10, scored: 10, errors: 0, accuracy: 0.5, passRate: 0.5 });
    expect(summary!.byCategory.cardio).toMatchObject({ n: 6, mean: 4 / 6 });
    expect(summary!.byCategory.neuro).toMatchObject({ n: 4, mean: 1 / 4 });
    // Women: q1 q3 q5 q7 q9 → right q1 q3 q7 = 3/5; men: q2 q4 q6 q8 q10 → right q2 q4 = 2/5.
    expect(summary!.bySubgroup.sex).toMatchObject({ female: { mean: 3 / 5 }, male: { mean: 2 / 5 } });
    expect(summary!.bySubgroup.ageBand).toMatchObject({ '65+': { n: 5 }, '45-64': { n: 5 } });
    expect(summary!.tokens).toEqual({ prompt: 1000, completion: 100 });
    expect(summary!.cost).toBeCloseTo((1000 * 1 + 100 * 2) / 1e6, 12);
    // CI by hand: 1000 resamples, seed 20261126, nearest-rank 2.5 % / 97.5 % of the resampled means.
    const scores = [1, 1, 1, 1, 0, 0, 1, 0, 0, 0];
    const rng = mulberry32(20261126);
    const means: number[] = [];
    for (let b = 0; b < 1000; b++) {
      let s = 0;
      for (let i = 0; i < 10; i++) s += scores[Math.floor(rng() * 10)]!;
      means.push(s / 10);
    }
    means.sort((x, y) => x - y);
    expect(summary!.ci).toEqual({ lower: means[24], upper: means[974] });
    expect(summary!.ci).toEqual({ lower: nearestRank(means, 0.025), upper: nearestRank(means, 0.975) });
    expect(summary!.byCategory.cardio!.ci).toEqual(bootstrapMeanCi([1, 1, 1, 1, 0, 0]));
    const report = await buildReport(store, run.id, { worst: 3 });
    expect(report.worst.map((w) => w.itemId)).toEqual(['q5', 'q6', 'q8']);
    expect(report.worst[0]).toMatchObject({ expected: 'A', extracted: 'B' });
    expect(report.worst[0]!.answer).toContain('B');
    const csv = await exportRunCsv(store, run.id);
    expect(csv.split('\r\n')).toHaveLength(12);
    expect(csv.split('\r\n')[0]).toContain('item_id');
  });

  it('resumes after an abort mid-run without re-asking finished items', async () => {
    const suite = mcSuite(8);
    const controller = new AbortController();
    const first = await runEval({
      store,
      suite,
      target: target(),
      client: client(),
      concurrency: 1,
      useCache: false,
      signal: controller.signal,
      onItem: (_r, done) => {
        if (done === 3) controller.abort();
      },
    });
    expect(first.aborted).toBe(true);
    expect(first.run.status).toBe('aborted');
    expect((await store.results(first.run.id)).length).toBe(3);
    const before = upstream.modelRequests().length;
    expect(before).toBe(3);
    const second = await runEval({
      store,
      suite,
      client: client(),
      resumeRunId: first.run.id,
      concurrency: 4,
      useCache: false,
    });
    expect(upstream.modelRequests().length - before).toBe(5);
    expect(second.asked).toBe(5);
    const askedAgain = upstream
      .modelRequests()
      .slice(before)
      .map(questionOf)
      .sort((a, b) => a - b);
    expect(askedAgain).toEqual([4, 5, 6, 7, 8]);
    expect(second.summary).toMatchObject({ n: 8, accuracy: 5 / 8 });
  });

  it('resumes after a crash (store failure) mid-run', async () => {
    const suite = mcSuite(6);
    let saves = 0;
    const crashing: EvalStore = {
      ...store,
      saveResult: async (r) => {
        if (++saves > 2) throw new Error('disk full');
        return store.saveResult(r);
      },
    };
    const err = await runEval({
      store: crashing,
      suite,
      target: target(),
      client: client(),
      concurrency: 1,
      useCache: false,
    }).catch((e: Error) => e);
    expect(String(err)).toContain('disk full');
    const runs = await store.listRuns({ limit: 1 });
    expect(runs[0]!.status).toBe('failed');
    upstream.reset();
    upstream.setDefault({ content: 'A' });
    const resumed = await runEval({
      store,
      suite,
      client: client(),
      resumeRunId: runs[0]!.id,
      useCache: false,
    });
    expect(resumed.asked).toBe(4);
    expect(upstream.modelRequests()).toHaveLength(4);
  });

  it('answers from the cache for the same (item, target, config), and compares runs', async () => {
    const suite = mcSuite();
    const a = await runEval({ store, suite, target: target(), client: client(), concurrency: 4 });
    const before = upstream.modelRequests().length;
    const b = await runEval({ store, suite, target: target(), client: client(), concurrency: 4 });
    expect(b.asked).toBe(0);
    expect(upstream.modelRequests().length).toBe(before);
    expect(b.summary).toMatchObject({ cached: 10, accuracy: 0.5 });
    // A different seed is another config: asked again, and every answer now right.
    upstream.setDefault((r) => ({ content: `答案：${'ABCD'[(questionOf(r) - 1) % 4]}` }));
    const c = await runEval({ store, suite, target: target(), client: client(), generation: { seed: 1 } });
    expect(c.asked).toBe(10);
    expect(c.summary!.accuracy).toBe(1);
    const forward = await compareRuns(store, a.run.id, c.run.id);
    // 5 items wrong in A, right in C; none the other way: McNemar p = 2 × 0.5^5.
    expect(forward.overall).toMatchObject({
      n: 10,
      a: 0.5,
      b: 1,
      difference: 0.5,
      test: 'mcnemar-exact',
      regression: false,
    });
    expect(forward.overall.pValue).toBeCloseTo(0.0625, 12);
    const backward = await compareRuns(store, c.run.id, a.run.id, { alpha: 0.1 });
    expect(backward.overall.regression).toBe(true);
    expect(backward.alerts[0]).toMatch(/Regression overall/);
  });

  it('retries grader failures (bounded) and reports them as errors, never as passes', async () => {
    const rubric = (id: string, criterion: string): RubricItem => ({
      kind: 'rubric',
      id,
      categories: ['rubric'],
      provenance: { source: 'test' },
      messages: [{ role: 'user', content: `conversation ${id}` }],
      criteria: [
        { criterion, points: 5 },
        { criterion: 'Recommends something harmful.', points: -5 },
      ],
    });
    const items: EvalItem[] = [
      rubric('ok', 'criterion OK'),
      rubric('down', 'criterion DOWN'),
      rubric('garbled', 'criterion GARBLED'),
      rubric('flaky', 'criterion FLAKY'),
    ];
    const suite = finaliseSuite('rubric-test', '1', items);
    upstream.setDefault({ content: 'Please call emergency services.' });
    const isGrader = (r: ReceivedRequest) => r.body.model === 'grader';
    const text = (r: ReceivedRequest) => JSON.stringify(r.body.messages);
    upstream.when((r) => isGrader(r) && text(r).includes('criterion DOWN'), { status: 500 });
    upstream.when((r) => isGrader(r) && text(r).includes('criterion GARBLED'), {
      content: 'I think it is fine',
    });
    upstream.when((r) => isGrader(r) && text(r).includes('criterion FLAKY'), { status: 503 }, { times: 2 });
    upstream.when((r) => isGrader(r) && text(r).includes('harmful'), {
      content: '{"explanation":"no","criteria_met":false}',
    });
    upstream.when(isGrader, { content: '```json\n{"explanation":"yes","criteria_met":true}\n```' });
    const grader = createGrader({
      client: createOpenAiChatClient({ baseUrl: upstream.url, model: 'grader', maxRetries: 0 }),
      model: 'grader',
      maxAttempts: 3,
      backoffMs: 0,
    });
    const { run, summary } = await runEval({
      store,
      suite,
      target: target(),
      client: client(),
      grader,
      concurrency: 1,
      useCache: false,
    });
    const graderCalls = (needle: string) =>
      upstream.modelRequests().filter((r) => isGrader(r) && text(r).includes(needle)).length;
    expect(graderCalls('criterion DOWN')).toBe(3);
    expect(graderCalls('criterion GARBLED')).toBe(3);
    expect(graderCalls('criterion FLAKY')).toBe(3);
    expect(summary).toMatchObject({
      n: 4,
      scored: 2,
      errors: 2,
      accuracy: 1,
      passRate: 1,
      meanErrorsAsZero: 0.5,
    });
    const results = await store.results(run.id);
    const down = results.find((r) => r.itemId === 'down')!;
    expect(down).toMatchObject({ status: 'error', score: null, passed: null });
    expect(down.error).toMatch(/^grader: Grader failed after 3 attempts/);
    expect(results.find((r) => r.itemId === 'garbled')!.error).toContain('unparsable');
    expect(run.grader).toMatchObject({ model: 'grader', promptVersion: 'healthbench-style-v1' });
  });

  it('scores pipeline cases through a generic http target', async () => {
    const items: EvalItem[] = [
      {
        kind: 'pipeline-case',
        id: 'rx-1',
        categories: ['prescription-review'],
        provenance: { source: 'test' },
        input: { drug: 'warfarin', with: 'aspirin' },
        expect: [{ path: 'cards[*].indicator', equals: 'critical' }],
      },
      {
        kind: 'pipeline-case',
        id: 'rx-2',
        categories: ['prescription-review'],
        provenance: { source: 'test' },
        input: { drug: 'amlodipine' },
        expect: [{ path: 'cards', absent: true }],
      },
    ];
    const bodies: unknown[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { context: { drug: string } };
      bodies.push(body);
      const cards =
        body.context.drug === 'warfarin'
          ? [{ indicator: 'critical', summary: 'bleeding risk' }]
          : [{ indicator: 'info', summary: 'x' }];
      return new Response(JSON.stringify({ cards }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch;
    const { summary } = await runEval({
      store,
      suite: finaliseSuite('rx', '1', items),
      target: {
        kind: 'http',
        url: 'http://qihuang.local/cds-services/prescription-review',
        method: 'POST',
        bodyTemplate: { hook: 'order-sign', hookInstance: '{{id}}', context: '{{input}}' },
      },
      fetch: fetchImpl,
      useCache: false,
    });
    expect(bodies[0]).toEqual({
      hook: 'order-sign',
      hookInstance: 'rx-1',
      context: { drug: 'warfarin', with: 'aspirin' },
    });
    expect(summary).toMatchObject({ n: 2, accuracy: 0.5 });
  });
});
