import { Worker } from 'node:worker_threads';
import { createMemoryEvalStore, createOpenAiChatClient, finaliseSuite, runEval, type MultipleChoiceItem } from '@qihuang/eval';
const root = new URL('../', import.meta.url).href;
const worker = new Worker(
  `const { parentPort } = require('node:worker_threads');
   (async () => {
     const { register } = await import('tsx/esm/api');
     register({ tsconfig: new URL('tsconfig.json', '${root}').pathname });
     const { startScriptedUpstream } = await import(new URL('packages/test-kit/scripted-upstream.ts', '${root}').href);
     const up = await startScriptedUpstream({ models: ['m'] });
     up.setDefault({ content: '答案：B' });
     parentPort.postMessage(up.url);
   })();`,
  { eval: true },
);
const url = await new Promise<string>((r) => worker.once('message', r));
console.log('upstream in worker', url);
import http from 'node:http';
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sdk = createOpenAiChatClient({ baseUrl: url, model: 'm', maxRetries: 0 });
const raw = { chat: (req: { messages: unknown }) => new Promise<{ text: string; promptTokens: number; completionTokens: number }>((resolve, reject) => {
  const body = JSON.stringify({ model: 'm', messages: req.messages });
  const r = http.request(`${url}/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const chunks: Buffer[] = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => { const j = JSON.parse(Buffer.concat(chunks).toString()); resolve({ text: j.choices[0].message.content, promptTokens: 0, completionTokens: 0 }); });
  }); r.on('error', reject); r.end(body);
}) };
const client = process.argv[2] === 'raw' ? raw : sdk;
const items: MultipleChoiceItem[] = Array.from({ length: 3000 }, (_, i) => ({ kind: 'multiple-choice', id: `q${i}`, categories: ['c'], provenance: { source: 'b' }, question: `Q ${i}?`, options: ['A','B','C','D'].map((key) => ({ key, text: `opt ${key}` })), answer: ['A'], style: 'letters' }));
for (const c of [1, 32]) {
  const t0 = performance.now();
  await runEval({ store: createMemoryEvalStore(), suite: finaliseSuite(`p${c}`, '1', items), target: { kind: 'model', baseUrl: url, model: 'm' }, client, concurrency: c, useCache: false });
  console.log(c, (3000 / ((performance.now() - t0) / 1000)).toFixed(0), 'items/s');
}
await worker.terminate();
