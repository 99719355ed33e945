/**
 * Ingestion throughput of home BP readings through the API (CSV uploads of 1,000 readings, parsed, checked,
 * stored as FHIR Observations with their device in one transaction each) on PostgreSQL and PGlite.
 * Target: >= 20,000 readings/s on PostgreSQL in batches.
 *   node bin/run-ts.mjs bench/bp-ingestion.ts [--batches 20] [--batch-size 1000] [--kinds postgres,pglite]
 */
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase } from '@qihuang/test-kit';
import { loadFhirDefinitions } from '@qihuang/fhir';
import { buildApp } from '../apps/server/build-app.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const batches = Number(args.get('batches') ?? 20);
const size = Number(args.get('batch-size') ?? 1000);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];

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

loadFhirDefinitions();
for (const kind of kinds) {
  const { database, drop } = await open(kind);
  const built = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log: pino({ level: 'silent' }),
    version: 'bench',
    authentication: 'disabled',
    clock: () => new Date('2026-11-01T00:00:00Z'),
  });
  await built.repository.update({ requestId: 'b', principal: SYSTEM_PRINCIPAL }, 'Patient', 'bp-bench', {
    resourceType: 'Patient',
    id: 'bp-bench',
    gender: 'male',
    birthDate: '1960-01-01',
  });
  const bodies = Array.from({ length: batches }, (_, b) => csv(b));
  let stored = 0;
  const t0 = performance.now();
  for (const body of bodies) {
    const response = await built.app.request('http://localhost/api/bp/patients/bp-bench/readings', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
    const result = (await response.json()) as { stored: number };
    stored += result.stored;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `[${kind}] ${stored} readings (+ heart rate Observations) in ${batches} uploads of ${size}: ${seconds.toFixed(2)} s = ${Math.round(stored / seconds)} readings/s`,
  );
  await built.close();
  await database.close();
  await drop();
}
