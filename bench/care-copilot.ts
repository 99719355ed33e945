/**
 * Orchestration overhead per clinician-copilot turn with three tool calls (bp_assessment, patient_record,
 * knowledge_search), the model excluded: a scripted OpenAI-compatible upstream answers instantly; the time
 * spent waiting for it (measured around each model call) is subtracted. Then the number of concurrent
 * patients served before p95 doubles. Target: p95 ≤ 50 ms per turn with three tool calls.
 *   node bin/run-ts.mjs bench/care-copilot.ts [--turns 200] [--db pglite|postgres]
 */
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { loadKnowledgePacks } from '@qihuang/knowledge';
import { openDatabase, type Database } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase, startScriptedUpstream } from '@qihuang/test-kit';
import { buildApp } from '../apps/server/index.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const turns = Number(args.get('turns') ?? 200);
const kind = (args.get('db') ?? 'pglite') as 'pglite' | 'postgres';

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openTestDatabase('pglite'), drop: async () => undefined };
  const target = await createPostgresTestDatabase(
    process.env.QIHUANG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  return {
    database: await openDatabase({ migrations: MIGRATIONS, url: target.url, poolSize: 8 }),
    drop: target.drop,
  };
}

const upstream = await startScriptedUpstream({ models: ['bench-model'] });
// Instant model: first call asks for three tools, the call after the tool results answers.
upstream.setDefault({ content: 'Home BP 152/95 mmHg is above the target of <140/90 mmHg. [x]' });
upstream.when(
  (r) => !JSON.stringify((r.body as { messages?: unknown }).messages ?? '').includes('"role":"tool"'),
  {
    toolCalls: [
      { name: 'bp_assessment', arguments: '{}' },
      { name: 'patient_record', arguments: '{}' },
      { name: 'knowledge_search', arguments: '{"query":"高血压 降压目标"}' },
    ],
  },
);

const { database, drop } = await open();
const built = await buildApp({
  config: loadConfig(
    { QIHUANG_DEMO: '0' },
    {
      model: { baseUrl: upstream.url, name: 'bench-model', location: 'on-premises' },
    },
  ),
  database,
  log: pino({ level: 'silent' }),
  version: 'bench',
  authentication: 'disabled',
});
const ctx = { requestId: 'bench', principal: SYSTEM_PRINCIPAL };
await loadKnowledgePacks(database.db, { knowledge: built.knowledge });
const PATIENTS = 64;
for (let p = 0; p < PATIENTS; p++) {
  const id = `bench-${p}`;
  await built.repository.update(ctx, 'Patient', id, {
    resourceType: 'Patient',
    id,
    gender: p % 2 ? 'female' : 'male',
    birthDate: `19${50 + (p % 30)}-03-01`,
  });
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let d = 1; d <= 14; d++) {
    const day = `2026-11-${String(d).padStart(2, '0')}`;
    rows.push(`${day}T07:00:00+08:00,${148 + (p % 10)},${92 + (p % 5)},mmHg,70,cuff`);
    rows.push(`${day}T21:00:00+08:00,${144 + (p % 10)},${90 + (p % 5)},mmHg,70,cuff`);
  }
  await built.app.request(`http://localhost/api/bp/patients/${id}/readings`, {
    method: 'POST',
    body: rows.join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
}

// Time spent waiting for the (instant) upstream, per turn: measured from the upstream's own request log.
async function turn(patient: string): Promise<{ total: number; tools: number }> {
  const t0 = performance.now();
  const response = await built.app.request(`http://localhost/api/care/patients/${patient}/copilot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messages: [{ role: 'user', content: 'Is this patient at target?' }],
      language: 'en',
    }),
  });
  const text = await response.text();
  const total = performance.now() - t0;
  const tools = (text.match(/event: tool/g) ?? []).length;
  if (tools !== 3 || !text.includes('event: done'))
    throw new Error(`unexpected copilot answer: ${text.slice(0, 400)}`);
  return { total, tools };
}

// Model round trip alone (two instant calls per turn), measured against the same upstream.
async function modelOnly(): Promise<number> {
  const t0 = performance.now();
  for (const withTool of [false, true]) {
    const r = await fetch(`${upstream.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'bench-model',
        stream: true,
        messages: withTool
          ? [{ role: 'tool', content: '{}', tool_call_id: 'x' }]
          : [{ role: 'user', content: 'x' }],
      }),
    });
    await r.text();
  }
  return performance.now() - t0;
}

for (let i = 0; i < 20; i++) await turn(`bench-${i % PATIENTS}`); // warm-up
const model: number[] = [];
for (let i = 0; i < 50; i++) model.push(await modelOnly());
const modelP50 = pct(model, 50);

const sequential: number[] = [];
for (let i = 0; i < turns; i++) sequential.push((await turn(`bench-${i % PATIENTS}`)).total);
const overhead = sequential.map((t) => t - modelP50);
console.log(
  JSON.stringify({
    bench: 'care-copilot',
    db: kind,
    turns,
    toolCallsPerTurn: 3,
    modelRoundTripP50Ms: +modelP50.toFixed(2),
    turnP50Ms: +pct(sequential, 50).toFixed(2),
    turnP95Ms: +pct(sequential, 95).toFixed(2),
    overheadP50Ms: +pct(overhead, 50).toFixed(2),
    overheadP95Ms: +pct(overhead, 95).toFixed(2),
    targetP95Ms: 50,
  }),
);

const baseline = pct(sequential, 95);
for (const concurrency of [2, 4, 8, 16, 32, 64]) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < Math.max(turns, concurrency * 4)) {
        next++;
        times.push((await turn(`bench-${(worker + next) % PATIENTS}`)).total);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const p95 = pct(times, 95);
  console.log(
    JSON.stringify({
      bench: 'care-copilot-concurrency',
      db: kind,
      concurrentPatients: concurrency,
      turnsPerSecond: +(times.length / seconds).toFixed(1),
      p50Ms: +pct(times, 50).toFixed(2),
      p95Ms: +p95.toFixed(2),
      p95VsSequential: +(p95 / baseline).toFixed(2),
    }),
  );
  if (p95 > 2 * baseline) {
    console.log(
      JSON.stringify({ bench: 'care-copilot', db: kind, p95DoublesAtConcurrentPatients: concurrency }),
    );
    break;
  }
}

await built.close();
await database.close();
await drop();
await upstream.close();
