/**
 * Upload-to-alert latency (issue 17): the time from sending readings to the moment the crisis alert (FHIR Flag)
 * exists in the database — nobody reads the assessment in between. Target: p95 ≤ 1 s for uploads of up to
 * 1,000 readings (projected and evaluated before the answer), p95 ≤ 5 s otherwise (background projection).
 *
 *   upload N:   POST /api/bp/patients/:id/readings (CSV) of N readings, the last one in the crisis range
 *   fhir-post:  POST /fhir/R4/Observation of one crisis-range BP panel (write observer)
 *   transaction: POST /fhir/R4 transaction of 20 BP panels, one in the crisis range
 * Each sample uses a fresh patient; the Flag is polled every 10 ms straight in the database, also while the request runs. PostgreSQL and
 * PGlite are run one after the other, on the same machine; the load average is printed before and after.
 *
 *   node bin/run-ts.mjs bench/upload-to-alert.ts [--kinds postgres,pglite] [--repeat 20] [--only 1000]
 *
 * `--only TEXT` runs the scenarios whose name contains TEXT (e.g. `--only 1000 --repeat 48`: 12 samples of the
 * 1,000-reading upload, whose sample count is a quarter of `--repeat`). When another engineer's tests load the
 * machine, compare runs made back to back and read the load average printed with them.
 */
import { loadavg } from 'node:os';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { loadFhirDefinitions } from '@qihuang/fhir';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from '../apps/server/index.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
const repeat = Number(args.get('repeat') ?? 20);
const only = args.get('only');
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

/** N readings over the last days (5 minutes apart, ordinary values), the newest one 188/122. */
function csv(n: number, now: number): string {
  const rows = ['time,sbp,dbp,unit,device_id'];
  for (let i = n - 1; i >= 1; i--)
    rows.push(
      `${new Date(now - i * 300_000 - 60_000).toISOString()},${128 + (i % 12)},${78 + (i % 8)},mmHg,cuff`,
    );
  rows.push(`${new Date(now - 30_000).toISOString()},188,122,mmHg,cuff`);
  return rows.join('\n');
}

function observation(id: string, patient: string, sbp: number, dbp: number, time: string) {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: time,
    component: [component('8480-6', sbp), component('8462-4', dbp)],
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

let patientSeq = 0;
async function newPatient(built: BuiltApp): Promise<string> {
  const id = `ua-${process.pid}-${patientSeq++}`;
  await built.repository.update(ctx, 'Patient', id, {
    resourceType: 'Patient',
    id,
    gender: 'female',
    birthDate: '1961-06-01',
  });
  return id;
}

/** Sends, then polls until the patient has a crisis Flag; answers ms from send to Flag. */
async function measure(built: BuiltApp, patient: string, send: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  // The Flag may exist before the answer (an upload of up to 1,000 readings is evaluated once stored and then
  // projected into FHIR before answering): polled while the request runs; the answer is awaited afterwards.
  let failed: unknown;
  const answered = send().then(
    async (response) => {
      if (response.status >= 300) failed = `${response.status}: ${(await response.text()).slice(0, 300)}`;
      else await response.arrayBuffer();
    },
    (error: unknown) => void (failed = error),
  );
  const found = await poll(built, patient, t0);
  await answered;
  if (failed) throw new Error(String(failed));
  return found;
}

async function poll(built: BuiltApp, patient: string, t0: number): Promise<number> {
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from fhir_resource
      where resource_type = 'Flag' and not deleted and content->'subject'->>'reference' = ${`Patient/${patient}`}
        and content->'code'->'coding'->0->>'code' = 'crisis'`.execute(built.repository.db);
    if (rows[0]!.n > 0) return performance.now() - t0;
    if (performance.now() - t0 > 120_000) throw new Error(`no alert for ${patient} after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

loadFhirDefinitions();
const results: string[] = [];
for (const kind of kinds) {
  const { database, drop } = await open(kind);
  const built = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log: pino({ level: 'silent' }),
    version: 'bench',
    authentication: 'disabled',
  });
  const before = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const scenarios: { name: string; samples: number; run: (patient: string) => () => Promise<Response> }[] = [
    ...[1, 100, 1000].map((n) => ({
      name: `upload ${n} reading(s)`,
      samples: n === 1000 ? Math.max(3, Math.round(repeat / 4)) : repeat,
      run: (patient: string) => {
        const body = csv(n, Date.now());
        return () =>
          Promise.resolve(
            built.app.request(`http://localhost/api/bp/patients/${patient}/readings`, {
              method: 'POST',
              headers: { 'content-type': 'text/csv' },
              body,
            }),
          );
      },
    })),
    {
      name: 'upload 5000 readings (background projection)',
      samples: Math.max(2, Math.round(repeat / 10)),
      run: (patient: string) => {
        const body = csv(5000, Date.now());
        return () =>
          Promise.resolve(
            built.app.request(`http://localhost/api/bp/patients/${patient}/readings`, {
              method: 'POST',
              headers: { 'content-type': 'text/csv' },
              body,
            }),
          );
      },
    },
    {
      name: 'FHIR POST Observation',
      samples: repeat,
      run: (patient: string) => () =>
        Promise.resolve(
          built.app.request('http://localhost/fhir/R4/Observation', {
            method: 'POST',
            headers: { 'content-type': 'application/fhir+json' },
            body: JSON.stringify(
              observation('x', patient, 190, 124, new Date(Date.now() - 60_000).toISOString()),
            ),
          }),
        ),
    },
    {
      name: 'FHIR transaction of 20 Observations',
      samples: repeat,
      run: (patient: string) => () =>
        Promise.resolve(
          built.app.request('http://localhost/fhir/R4', {
            method: 'POST',
            headers: { 'content-type': 'application/fhir+json' },
            body: JSON.stringify({
              resourceType: 'Bundle',
              type: 'transaction',
              entry: Array.from({ length: 20 }, (_, i) => {
                const crisis = i === 19;
                const resource = observation(
                  `${patient}-${i}`,
                  patient,
                  crisis ? 186 : 132,
                  crisis ? 121 : 82,
                  new Date(Date.now() - (20 - i) * 600_000).toISOString(),
                );
                return { resource, request: { method: 'PUT', url: `Observation/${resource.id}` } };
              }),
            }),
          }),
        ),
    },
  ];
  if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => s.name.includes(only)));
  // Warm-up (JIT, definitions, plans): one of each, not counted.
  for (const s of scenarios) {
    const patient = await newPatient(built);
    await measure(built, patient, s.run(patient));
    await built.bpProjector.drain();
  }
  for (const s of scenarios) {
    const samples: number[] = [];
    for (let i = 0; i < s.samples; i++) {
      const patient = await newPatient(built);
      samples.push(await measure(built, patient, s.run(patient)));
    }
    // The next scenario starts when the background projection of this one is done (it shares the database).
    await built.bpProjector.drain();
    samples.sort((a, b) => a - b);
    const line = `[${kind}] ${s.name.padEnd(46)} n=${String(samples.length).padStart(3)}  p50 ${pct(samples, 50).toFixed(0).padStart(6)} ms  p95 ${pct(samples, 95).toFixed(0).padStart(6)} ms  max ${samples.at(-1)!.toFixed(0).padStart(6)} ms`;
    console.log(line);
    results.push(line);
  }
  const after = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`[${kind}] load average (1, 5, 15 min) before: ${before}; after: ${after}`);
  results.push(`[${kind}] load average before: ${before}; after: ${after}`);
  await built.close();
  await database.close();
  await drop();
}
console.log('\nUpload-to-alert latency (send → crisis Flag stored), side by side:');
for (const line of results) console.log(line);
