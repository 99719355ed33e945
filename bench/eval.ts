/**
 * Benchmark: evaluation runner overhead on multiple choice (prompt, HTTP, answer extraction, scoring,
 * hashing, persistence) against an instant scripted upstream. Items/s at concurrency 1 and 32:
 * - the runner alone (in-process instant client, no HTTP);
 * - through HTTP to the scripted upstream running in a worker thread (as a separate server would), with the
 *   default node:http client and with the OpenAI SDK;
 * - with every result persisted in the embedded database (group commit);
 * - through the in-process gateway runtime (what the server and the CLI use: routing, usage, audit), with
 *   usage and audit in memory, and with the server's stores (usage table and hash-chained audit log in
 *   PGlite, flushed before the clock stops).
 * Target ≥ 500 items/s at concurrency 32. Then memory (RSS / heap) for a 10,000-item suite.
 * Run: node --expose-gc bin/run-ts.mjs bench/eval.ts [items]   (--expose-gc makes the heap figures stable)
 */
import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@qihuang/store';
import { createAuditLog } from '@qihuang/audit';
import { loadConfig } from '@qihuang/config';
import {
  createGatewayRuntime,
  MemoryAuditSink,
  MemoryUsageStore,
  parseGatewayConfig,
} from '@qihuang/gateway';
import { createPlatformGatewayRuntime } from '../apps/server/index.ts';
import {
  createDatabaseEvalStore,
  createMemoryEvalStore,
  createNodeChatClient,
  createOpenAiChatClient,
  finaliseSuite,
  gatewayModel,
  runEval,
  type ChatClient,
  type EvalStore,
  type MultipleChoiceItem,
} from '@qihuang/eval';
import { MIGRATIONS } from '@qihuang/migrations';

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

// The scripted upstream (packages/test-kit) in a worker thread: its CPU is not the runner's.
const root = new URL('../', import.meta.url).href;
const worker = new Worker(
  `const { parentPort } = require('node:worker_threads');
   (async () => {
     const { register } = await import('tsx/esm/api');
     register({ tsconfig: new URL('tsconfig.json', ${JSON.stringify(root)}).pathname });
     const { startScriptedUpstream } = await import(new URL('packages/test-kit/scripted-upstream.ts', ${JSON.stringify(root)}).href);
     const upstream = await startScriptedUpstream({ models: ['bench'] });
     upstream.setDefault({ content: '<think>…</think>答案：B', usage: { prompt_tokens: 50, completion_tokens: 5 } });
     parentPort.postMessage(upstream.url);
   })();`,
  { eval: true },
);
const url = await new Promise<string>((resolve) => worker.once('message', resolve));
const target = { kind: 'model' as const, baseUrl: url, model: 'bench' };
const nodeClient = createNodeChatClient({ baseUrl: url, model: 'bench', maxRetries: 0 });
const sdkClient = createOpenAiChatClient({ baseUrl: url, model: 'bench', maxRetries: 0 });
/** The same answers without HTTP: the runner's own cost. */
const inProcess: ChatClient = {
  chat: async () => ({ text: '<think>…</think>答案：B', promptTokens: 50, completionTokens: 5 }),
};

async function measure(
  label: string,
  store: EvalStore,
  n: number,
  concurrency: number,
  client: ChatClient,
  finish?: () => Promise<void>,
): Promise<number> {
  const s = suite(n, `${label}-${concurrency}-${Math.random()}`);
  const t0 = performance.now();
  const { summary } = await runEval({ store, suite: s, target, client, concurrency, useCache: false });
  await finish?.();
  const seconds = (performance.now() - t0) / 1000;
  const rate = n / seconds;
  console.log(
    `  ${label.padEnd(26)} concurrency ${String(concurrency).padStart(2)}: ${n} items in ${seconds.toFixed(2)} s → ${rate.toFixed(0)} items/s (accuracy ${summary!.accuracy!.toFixed(3)})`,
  );
  return rate;
}

console.log(
  `eval runner, multiple choice, ${items} items per measurement (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
);
await measure('warm-up', createMemoryEvalStore(), 300, 8, nodeClient);
await measure('warm-up', createMemoryEvalStore(), 300, 8, sdkClient);
const small = Math.min(items, 500);
await measure('runner alone', createMemoryEvalStore(), items, 1, inProcess);
const alone = await measure('runner alone', createMemoryEvalStore(), items, 32, inProcess);
await measure('HTTP, node client', createMemoryEvalStore(), small, 1, nodeClient);
const http32 = await measure('HTTP, node client', createMemoryEvalStore(), items, 32, nodeClient);
await measure('HTTP, OpenAI SDK', createMemoryEvalStore(), small, 1, sdkClient);
await measure('HTTP, OpenAI SDK', createMemoryEvalStore(), items, 32, sdkClient);
const database = await openDatabase({ migrations: MIGRATIONS, memory: true });
const dbStore = createDatabaseEvalStore(database.db);
await measure('PGlite, no HTTP', dbStore, small, 1, inProcess);
await measure('PGlite, no HTTP', dbStore, items, 32, inProcess);
await measure('PGlite + HTTP node client', dbStore, small, 1, nodeClient);
const full32 = await measure('PGlite + HTTP node client', dbStore, items, 32, nodeClient);

// Through the gateway (the server's and the CLI's path): a virtual model routed to the same upstream.
const memoryGateway = createGatewayRuntime({
  config: parseGatewayConfig({
    providers: [
      { id: 'bench', kind: 'openai-compatible', baseUrl: url, model: 'bench', location: 'on-premises' },
    ],
    virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'bench' }] }],
    healthCheck: { intervalMs: 0 },
  }),
  auth: { authenticate: async () => null },
  audit: new MemoryAuditSink(),
  usageStore: new MemoryUsageStore(),
});
const viaGateway = gatewayModel(memoryGateway, 'clinical-copilot')!.client;
await measure('warm-up', createMemoryEvalStore(), 300, 8, viaGateway);
const gw1 = await measure('gateway, memory usage/audit', createMemoryEvalStore(), small, 1, viaGateway);
const gw32 = await measure('gateway, memory usage/audit', createMemoryEvalStore(), items, 32, viaGateway);
await memoryGateway.close();

// The server's own wiring (apps/server/wire-gateway.ts): usage table, hash-chained audit log, dossier gate.
const serverGateway = await createPlatformGatewayRuntime({
  config: loadConfig({}),
  database,
  audit: createAuditLog(),
  log: { warn: (details, message) => console.warn(message, details) },
  gatewayConfig: memoryGateway.config,
});
const viaServerGateway = gatewayModel(serverGateway, 'clinical-copilot')!.client;
const flush = () => serverGateway.flush();
const gwDb1 = await measure('PGlite + gateway (usage+audit)', dbStore, small, 1, viaServerGateway, flush);
const gwDb32 = await measure('PGlite + gateway (usage+audit)', dbStore, items, 32, viaServerGateway, flush);
await serverGateway.close();
await database.close();
const verdict = (x: number) => `${x.toFixed(0)}/s ${x >= 500 ? 'OK' : 'below'}`;
console.log(
  `  target ≥ 500 items/s at concurrency 32: runner alone ${verdict(alone)}; HTTP ${verdict(http32)}; HTTP + PGlite ${verdict(full32)}; gateway ${verdict(gw32)}; gateway + PGlite ${verdict(gwDb32)}`,
);
console.log(
  `  through the gateway at concurrency 1: ${gw1.toFixed(0)}/s (memory stores), ${gwDb1.toFixed(0)}/s (PGlite usage + audit)`,
);

global.gc?.();
const before = process.memoryUsage();
const big = suite(10_000, 'big');
global.gc?.();
const loaded = process.memoryUsage();
const t0 = performance.now();
await runEval({
  store: createMemoryEvalStore(),
  suite: big,
  target,
  client: nodeClient,
  concurrency: 32,
  useCache: false,
});
global.gc?.();
const after = process.memoryUsage();
console.log(
  `10,000-item suite: heap ${mb(before.heapUsed)} → ${mb(loaded.heapUsed)} loaded → ${mb(after.heapUsed)} after a run keeping all results in memory (${((performance.now() - t0) / 1000).toFixed(1)} s over HTTP); RSS ${mb(before.rss)} → ${mb(after.rss)}`,
);
await worker.terminate();
