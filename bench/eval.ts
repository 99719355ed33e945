/**
 * Benchmark: evaluation runner overhead against an instant scripted upstream (real HTTP through the OpenAI
 * SDK, answer extraction, scoring, persistence). Items/s at concurrency 1 and 32 with an in-memory result
 * store and with the embedded database (every result persisted, group-committed); target ≥ 500 items/s at 32
 * for multiple choice. Then memory (RSS / heap) for a 10,000-item suite.
 * Run: node --expose-gc bin/run-ts.mjs bench/eval.ts [items]   (--expose-gc makes the heap figures stable)
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startScriptedUpstream } from '@qihuang/test-kit';
import { openDatabase } from '@qihuang/store';
import {
  createDatabaseEvalStore,
  createMemoryEvalStore,
  createOpenAiChatClient,
  finaliseSuite,
  runEval,
  type ChatClient,
  type EvalStore,
  type MultipleChoiceItem,
} from '@qihuang/eval';

const items = Number(process.argv[2] ?? 2000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function suite(n: number, tag: string) {
  const list: MultipleChoiceItem[] = Array.from({ length: n }, (_, i) => ({
    kind: 'multiple-choice',
    id: `${tag}-${i}`,
    categories: [`cat-${i % 10}`],
    provenance: { source: 'bench' },
    metadata: { sex: i % 2 ? 'female' : 'male', age: 20 + (i % 70) },
    question: `Bench question ${i}: which option is right?`,
    options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `option ${key} for question ${i}` })),
    answer: ['ABCD'[i % 4]!],
    style: 'letters',
  }));
  return finaliseSuite(`bench-${tag}`, '1', list);
}

const upstream = await startScriptedUpstream({ models: ['bench'] });
upstream.setDefault({
  content: '<think>…</think>答案：B',
  usage: { prompt_tokens: 50, completion_tokens: 5 },
});
const client = createOpenAiChatClient({ baseUrl: upstream.url, model: 'bench', maxRetries: 0 });
const target = { kind: 'model' as const, baseUrl: upstream.url, model: 'bench' };

/** The same answers without HTTP: the runner's own cost (prompt, extraction, scoring, hashing, storing). */
const inProcess: ChatClient = {
  chat: async () => ({ text: '<think>…</think>答案：B', promptTokens: 50, completionTokens: 5 }),
};

async function measure(
  label: string,
  store: EvalStore,
  n: number,
  concurrency: number,
  via: ChatClient = client,
): Promise<number> {
  const s = suite(n, `${label}-${concurrency}`);
  const t0 = performance.now();
  const { summary } = await runEval({ store, suite: s, target, client: via, concurrency, useCache: false });
  const seconds = (performance.now() - t0) / 1000;
  const rate = n / seconds;
  console.log(
    `  ${label.padEnd(9)} concurrency ${String(concurrency).padStart(2)}: ${n} items in ${seconds.toFixed(2)} s → ${rate.toFixed(0)} items/s (accuracy ${summary!.accuracy!.toFixed(3)})`,
  );
  return rate;
}

console.log(
  `eval runner, multiple choice (${items} items per measurement; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
);
await measure('warm-up', createMemoryEvalStore(), 200, 8);
console.log(' runner alone (in-process instant client, no HTTP):');
await measure('memory', createMemoryEvalStore(), items, 1, inProcess);
const alone32 = await measure('memory', createMemoryEvalStore(), items, 32, inProcess);
console.log(' through HTTP to the scripted upstream (same process) with the OpenAI SDK:');
await measure('memory', createMemoryEvalStore(), Math.min(items, 500), 1);
const memory32 = await measure('memory', createMemoryEvalStore(), items, 32);
const database = await openDatabase({ memory: true });
const dbStore = createDatabaseEvalStore(database.db);
await measure('pglite', dbStore, Math.min(items, 500), 1);
const pglite32 = await measure('pglite', dbStore, items, 32);
console.log(' PGlite persistence without HTTP:');
const persisted32 = await measure('pglite', dbStore, items, 32, inProcess);
console.log(
  `  target ≥ 500 items/s at concurrency 32 — runner alone: ${alone32 >= 500 ? 'OK' : 'SLOW'}; runner + PGlite persistence: ${persisted32 >= 500 ? 'OK' : 'SLOW'}; end to end over HTTP: memory ${memory32.toFixed(0)}/s, pglite ${pglite32.toFixed(0)}/s (bounded by the HTTP round trip on this machine)`,
);
await database.close();

global.gc?.();
const before = process.memoryUsage();
const big = suite(10_000, 'big');
global.gc?.();
const loaded = process.memoryUsage();
const memStore = createMemoryEvalStore();
const t0 = performance.now();
await runEval({ store: memStore, suite: big, target, client, concurrency: 32, useCache: false });
global.gc?.();
const after = process.memoryUsage();
console.log(
  `10,000-item suite: heap ${mb(before.heapUsed)} → ${mb(loaded.heapUsed)} loaded → ${mb(after.heapUsed)} after a run with all results in memory (${((performance.now() - t0) / 1000).toFixed(1)} s); RSS ${mb(before.rss)} → ${mb(after.rss)}`,
);
await upstream.close();
