/**
 * FHIR store benchmark: import throughput (all Synthea bundles, already parsed) on PGlite and PostgreSQL, with
 * the process CPU per resource (`--import-only 1` stops after the replicas), then search latency
 * p50/p95 for five clinical queries with >= 100,000 resources loaded (bundles replicated under new ids).
 *   node bin/run-ts.mjs bench/fhir-store.ts [--copies 27] [--iterations 200] [--kinds pglite,postgres]
 *     [--import-only 1]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DEMO_DATA_DIR } from '@qihuang/demo';
import { loadFhirDefinitions } from '@qihuang/fhir';
import { processTransaction, type Database, type DatabaseKind } from '@qihuang/store';
import { openTestDatabase, createPostgresTestDatabase } from '@qihuang/test-kit';
import { openDatabase } from '@qihuang/store';
import { buildApp } from '../apps/server/index.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const copies = Number(args.get('copies') ?? 27);
const iterations = Number(args.get('iterations') ?? 200);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
const SHARED = join(import.meta.dirname, '../../shared/data/synthea-r4');
const dir = existsSync(SHARED) ? SHARED : DEMO_DATA_DIR;
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const ctx = { requestId: 'bench', principal: SYSTEM_PRINCIPAL };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function replicate(text: string, copy: number): unknown {
  if (copy === 0) return JSON.parse(text);
  const prefix = copy.toString(16).padStart(8, '0');
  return JSON.parse(text.replace(UUID, (u) => `${prefix}${u.slice(8)}`));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function open(kind: DatabaseKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openTestDatabase('pglite');
    return { database, drop: async () => undefined };
  }
  const target = await createPostgresTestDatabase(
    process.env.QIHUANG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  const database = await openDatabase({ migrations: MIGRATIONS, url: target.url, poolSize: 4 });
  return { database, drop: target.drop };
}

async function run(kind: DatabaseKind) {
  const { database, drop } = await open(kind);
  const built = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log: pino({ level: 'silent' }),
    version: 'bench',
    authentication: 'disabled',
  });
  const repo = built.repository;
  // Warm the validator (definitions load once per process) so that import time is import time.
  loadFhirDefinitions();
  // Bundles imported 4 at a time on PostgreSQL (as `qihuang import` does), one at a time on PGlite.
  const concurrency = kind === 'postgres' ? 4 : 1;
  const importAll = async (bundles: (() => unknown)[]) => {
    let next = 0;
    let count = 0;
    const worker = async () => {
      while (next < bundles.length) {
        const bundle = bundles[next++]!() as { entry: unknown[] };
        count += bundle.entry.length;
        await processTransaction(repo, ctx, bundle, { idsFromFullUrl: true });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return count;
  };
  // Parsing the files is the reader's work, not the import's: parsed before the clock and CPU start.
  const parsed = texts.map((text) => replicate(text, 0));
  const cpu0 = process.cpuUsage();
  let started = performance.now();
  const resources = await importAll(parsed.map((bundle) => () => bundle));
  const importSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const throughput = Math.round(resources / importSeconds);
  console.log(
    `[${kind}] import: ${resources} resources from ${texts.length} bundles in ${importSeconds.toFixed(2)} s = ${throughput} resources/s (${concurrency} at a time); process CPU ${((cpu.user + cpu.system) / resources) | 0} µs/resource (user ${(cpu.user / 1000) | 0} ms, system ${(cpu.system / 1000) | 0} ms), load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const cpu1 = process.cpuUsage();
  started = performance.now();
  const replicas: (() => unknown)[] = [];
  for (let copy = 1; copy < copies; copy++)
    for (const text of texts) replicas.push(() => replicate(text, copy));
  const replicated = await importAll(replicas);
  const replicaSeconds = (performance.now() - started) / 1000;
  const cpuReplicas = process.cpuUsage(cpu1);
  console.log(
    `[${kind}] replicas: ${replicated} resources in ${replicaSeconds.toFixed(1)} s = ${Math.round(replicated / replicaSeconds)} resources/s; process CPU ${((cpuReplicas.user + cpuReplicas.system) / replicated) | 0} µs/resource (JSON.parse of the copies included), load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  if (args.get('import-only') === '1') {
    await built.close();
    await database.close();
    await drop();
    return { kind, throughput, results: [] };
  }

  const { rows } = await sql<{ n: number }>`select count(*)::int as n from fhir_resource`.execute(
    database.db,
  );
  console.log(
    `[${kind}] loaded ${rows[0]?.n} resources (${((performance.now() - started) / 1000).toFixed(1)} s for the replicas)`,
  );
  await sql`analyze`.execute(database.db);

  const { rows: bp } = await sql<{
    id: string;
  }>`select x.target_id as id from fhir_reference x join fhir_token t
    on t.resource_type = x.resource_type and t.resource_id = x.resource_id and t.param = 'code' and t.code = '55284-4'
    where x.resource_type = 'Observation' and x.param = 'patient' group by x.target_id order by count(*) desc limit 1`.execute(
    database.db,
  );
  const patient = bp[0]!.id;
  const { rows: names } = await sql<{
    family: string;
  }>`select content->'name'->0->>'family' as family from fhir_resource where resource_type = 'Patient' and id = ${patient}`.execute(
    database.db,
  );
  const family = names[0]!.family.slice(0, 4);
  const queries: [string, string][] = [
    [
      'BP observations of a patient in a date range',
      `/fhir/R4/Observation?patient=${patient}&code=http://loinc.org|55284-4&date=ge2000-01-01&date=lt2030-01-01&_sort=-date`,
    ],
    ['patients by name', `/fhir/R4/Patient?name=${encodeURIComponent(family)}&_count=20`],
    [
      'active conditions by code',
      '/fhir/R4/Condition?code=http://snomed.info/sct|38341003&clinical-status=active&_count=50',
    ],
    ["a patient's active medication requests", `/fhir/R4/MedicationRequest?patient=${patient}&status=active`],
    ['$everything', `/fhir/R4/Patient/${patient}/$everything`],
  ];
  const results: { query: string; p50: number; p95: number; n: number }[] = [];
  for (const [label, path] of queries) {
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < iterations + 10; i++) {
      const t0 = performance.now();
      const response = await built.app.request(`http://localhost${path}`);
      const body = (await response.json()) as { total?: number; entry?: unknown[] };
      if (response.status !== 200) throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
      if (i >= 10) times.push(performance.now() - t0);
      n = body.total ?? body.entry?.length ?? 0;
    }
    results.push({ query: label, p50: percentile(times, 50), p95: percentile(times, 95), n });
  }
  console.log(
    `[${kind}] search latency over ${rows[0]?.n} resources (${iterations} runs each, in-process HTTP):`,
  );
  console.table(
    results.map((r) => ({
      query: r.query,
      matches: r.n,
      'p50 ms': r.p50.toFixed(2),
      'p95 ms': r.p95.toFixed(2),
    })),
  );
  await built.close();
  await database.close();
  await drop();
  return { kind, throughput, results };
}

for (const kind of kinds) await run(kind);
