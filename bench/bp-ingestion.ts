/**
 * Ingestion throughput of home BP readings (CSV uploads, parsed and checked by the engine) on PostgreSQL and
 * PGlite. Target: >= 20,000 readings/s on PostgreSQL in batches.
 *
 *   after:  POST /api/bp/patients/:id/readings — readings stored in the home-reading store (one set-based upsert
 *           per upload, with the Devices and the audit entry, in one transaction); the answer comes once they
 *           are stored, and the server's background projector writes their FHIR Observations meanwhile
 *           ("accepted"), until all are in FHIR ("in FHIR": end to end, upload + projection)
 *   before: the same uploads written as FHIR Observations before the answer (what the API did until the
 *           reading store; now what it does for an upload of up to 1,000 readings) — uploadReadings(…,
 *           { projection: 'inline' }) in-process
 *   re-upload: the "after" batches sent again (all duplicates, nothing written)
 * Paths run one after the other, each on its own patient.
 *
 *   node bin/run-ts.mjs bench/bp-ingestion.ts [--batches 10] [--batch-size 5000] [--concurrency 1]
 *     [--kinds postgres,pglite] [--paths before,after]
 */
import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { uploadReadings } from '@qihuang/bp-monitoring';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase } from '@qihuang/test-kit';
import { loadFhirDefinitions } from '@qihuang/fhir';
import { buildApp } from '../apps/server/index.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const batches = Number(args.get('batches') ?? 10);
const size = Number(args.get('batch-size') ?? 5000);
const concurrency = Number(args.get('concurrency') ?? 1);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
const paths = new Set((args.get('paths') ?? 'before,after').split(','));
const NOW = new Date('2026-11-01T00:00:00Z');
const ctx = { requestId: 'bench', principal: SYSTEM_PRINCIPAL };

async function open(kind: DatabaseKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openTestDatabase('pglite'), drop: async () => undefined };
  const target = await createPostgresTestDatabase(
    process.env.QIHUANG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  return {
    database: await openDatabase({ migrations: MIGRATIONS, url: target.url, poolSize: 4 }),
    drop: target.drop,
  };
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

  const total = {
    before: { n: 0, ms: 0 },
    accepted: { n: 0, ms: 0 },
    fhir: { n: 0, ms: 0 },
    again: { n: 0, ms: 0 },
  };
  if (paths.has('before')) {
    const t0 = performance.now();
    for (const body of bodies) {
      const result = await uploadReadings(built.repository, ctx, 'bp-before', body, {
        now: NOW.toISOString(),
        format: 'csv',
        projection: 'inline',
      });
      total.before.n += result.stored;
    }
    total.before.ms = performance.now() - t0;
  }
  /** Sends the bodies, `concurrency` at a time; answers the summed counts. */
  const sendAll = async (pick: (r: { stored: number; unchanged: number }) => number) => {
    let n = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length) {
          const result = await post(bodies[next++]!);
          n += pick(result);
        }
      }),
    );
    return n;
  };
  let cpuAfter: NodeJS.CpuUsage | undefined;
  if (paths.has('after')) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    total.accepted.n = await sendAll((r) => r.stored);
    total.accepted.ms = performance.now() - t0;
    await built.bpProjector.drain();
    total.fhir = { n: total.accepted.n, ms: performance.now() - t0 };
    cpuAfter = process.cpuUsage(cpu0);
    const t1 = performance.now();
    total.again.n = await sendAll((r) => r.unchanged);
    total.again.ms = performance.now() - t1;
  }
  const line = (label: string, t: { n: number; ms: number }) =>
    console.log(
      `[${kind}] ${label.padEnd(58)} ${String(t.n).padStart(7)} readings in ${(t.ms / 1000).toFixed(2).padStart(6)} s = ${String(rate(t.n, t.ms)).padStart(6)} readings/s`,
    );
  console.log(
    `[${kind}] ${batches} uploads of ${size} readings (each with its heart rate), ${concurrency} at a time`,
  );
  if (paths.has('before')) line('before: written as FHIR Observations before the answer', total.before);
  if (paths.has('after')) {
    line('after:  API POST …/readings, accepted (reading store)', total.accepted);
    line('        … all projected into FHIR Observations (end to end)', total.fhir);
    console.log(
      `[${kind}]         server process CPU, upload + projection: ${((cpuAfter!.user + cpuAfter!.system) / total.fhir.n) | 0} µs/reading; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    line('re-upload of the same batches (all unchanged)', total.again);
  }
  if (paths.has('before') && paths.has('after'))
    console.log(
      `[${kind}] accepted ${(rate(total.accepted.n, total.accepted.ms) / rate(total.before.n, total.before.ms)).toFixed(1)}x the before path (target on PostgreSQL: 20,000 readings/s)`,
    );
  await built.close();
  await database.close();
  await drop();
}
