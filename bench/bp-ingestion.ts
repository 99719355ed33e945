/**
 * Ingestion throughput of home BP readings (CSV uploads, parsed, checked, stored as FHIR Observations — BP panel
 * plus heart rate — with their device, in one transaction per upload) on PostgreSQL and PGlite.
 * Target: >= 20,000 readings/s on PostgreSQL in batches.
 *
 *   after:  POST /api/bp/patients/:id/readings (the API; set-based FhirRepository.bulkUpsert)
 *   before: the same upload written through the general transaction-Bundle path (what the API used until the
 *           bulk path), called in-process — uploadReadings(…, { writer: 'transaction' })
 *   re-upload: the "after" batches sent again (all duplicates, nothing written)
 * Batches of both paths alternate (each its own patient) so that load on the shared machine hits both alike.
 *
 *   node bin/run-ts.mjs bench/bp-ingestion.ts [--batches 10] [--batch-size 1000] [--kinds postgres,pglite]
 *     [--paths before,after]
 */
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { uploadReadings } from '@qihuang/bp-monitoring';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase } from '@qihuang/test-kit';
import { loadFhirDefinitions } from '@qihuang/fhir';
import { buildApp } from '../apps/server/build-app.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const batches = Number(args.get('batches') ?? 10);
const size = Number(args.get('batch-size') ?? 1000);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
const paths = new Set((args.get('paths') ?? 'before,after').split(','));
const NOW = new Date('2026-11-01T00:00:00Z');
const ctx = { requestId: 'bench', principal: SYSTEM_PRINCIPAL };

async function open(kind: DatabaseKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openTestDatabase('pglite'), drop: async () => undefined };
  const target = await createPostgresTestDatabase(
    process.env.QIHUANG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  return { database: await openDatabase({ url: target.url, poolSize: 4 }), drop: target.drop };
}

function csv(batch: number): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  const start = Date.parse('2025-01-01T00:00:00Z') + batch * size * 600_000;
  for (let i = 0; i < size; i++) {
    const t = new Date(start + i * 600_000).toISOString();
    rows.push(`${t},${120 + (i % 40)},${75 + (i % 20)},mmHg,${60 + (i % 30)},cuff-${batch % 3}`);
  }
  return rows.join('\n');
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));

loadFhirDefinitions();
for (const kind of kinds) {
  const { database, drop } = await open(kind);
  const built = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log: pino({ level: 'silent' }),
    version: 'bench',
    authentication: 'disabled',
    clock: () => NOW,
  });
  for (const id of ['bp-before', 'bp-after'])
    await built.repository.update(ctx, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1960-01-01',
    });
  const bodies = Array.from({ length: batches }, (_, b) => csv(b));
  const post = async (body: string) => {
    const response = await built.app.request('http://localhost/api/bp/patients/bp-after/readings', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
    if (response.status >= 300 && response.status !== 200) throw new Error(await response.text());
    return (await response.json()) as { stored: number; unchanged: number };
  };
  // Warm-up (JIT, definitions, plans) on a third patient, not counted.
  await built.repository.update(ctx, 'Patient', 'bp-warm', { resourceType: 'Patient', id: 'bp-warm' });
  await uploadReadings(built.repository, ctx, 'bp-warm', csv(batches + 1), { now: NOW.toISOString() });

  const total = { before: { n: 0, ms: 0 }, after: { n: 0, ms: 0 }, again: { n: 0, ms: 0 } };
  for (const body of bodies) {
    if (paths.has('before')) {
      const t0 = performance.now();
      const result = await uploadReadings(built.repository, ctx, 'bp-before', body, {
        now: NOW.toISOString(),
        format: 'csv',
        writer: 'transaction',
      });
      total.before.ms += performance.now() - t0;
      total.before.n += result.stored;
    }
    if (paths.has('after')) {
      const t0 = performance.now();
      const result = await post(body);
      total.after.ms += performance.now() - t0;
      total.after.n += result.stored;
    }
  }
  if (paths.has('after'))
    for (const body of bodies) {
      const t0 = performance.now();
      const result = await post(body);
      total.again.ms += performance.now() - t0;
      total.again.n += result.unchanged;
    }
  const line = (label: string, t: { n: number; ms: number }) =>
    console.log(
      `[${kind}] ${label.padEnd(46)} ${String(t.n).padStart(7)} readings in ${(t.ms / 1000).toFixed(2).padStart(6)} s = ${String(rate(t.n, t.ms)).padStart(6)} readings/s`,
    );
  console.log(`[${kind}] ${batches} uploads of ${size} readings (each + heart-rate Observation)`);
  if (paths.has('before')) line('before: transaction-Bundle write path', total.before);
  if (paths.has('after')) {
    line('after:  API POST …/readings, bulk upsert', total.after);
    line('re-upload of the same batches (all unchanged)', total.again);
  }
  if (paths.has('before') && paths.has('after'))
    console.log(
      `[${kind}] speed-up ${(rate(total.after.n, total.after.ms) / rate(total.before.n, total.before.ms)).toFixed(1)}x (target on PostgreSQL: 20,000 readings/s)`,
    );
  await built.close();
  await database.close();
  await drop();
}
