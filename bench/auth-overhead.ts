/**
 * Added latency of authentication + authorisation + audit per FHIR read: the same read through the full
 * server (bearer token, scope check, audit entry appended) and through the bare FHIR app (no auth, no audit),
 * interleaved in one run on one PostgreSQL database. Target: <= 1 ms p50 added on PostgreSQL.
 *   node bin/run-ts.mjs bench/auth-overhead.ts [--iterations 3000] [--kinds postgres,pglite]
 */
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { FhirRepository, openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, openTestDatabase } from '@qihuang/test-kit';
import { buildApp, createApp } from '../apps/server/index.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const iterations = Number(args.get('iterations') ?? 3000);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
const pct = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
const log = pino({ level: 'silent' });

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

for (const kind of kinds) {
  const { database, drop } = await open(kind);
  const full = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log,
    version: 'bench',
    authentication: 'required',
  });
  const bareRepository = new FhirRepository(database.db);
  const bare = createApp({
    database,
    repository: bareRepository,
    log,
    version: 'bench',
    bodyLimitBytes: 1 << 20,
    corsOrigins: [],
  });
  await bareRepository.update({ requestId: 'b', principal: SYSTEM_PRINCIPAL }, 'Patient', 'bench-1', {
    resourceType: 'Patient',
    id: 'bench-1',
    name: [{ family: 'Bench' }],
    gender: 'female',
    birthDate: '1960-01-01',
  });
  await full.identity.createUser(database.db, {
    username: 'bench',
    password: 'bench-password-1',
    role: 'clinician',
  });
  const login = await full.app.request('http://localhost/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const times = { bare: [] as number[], full: [] as number[] };
  for (let i = 0; i < iterations + 200; i++) {
    for (const which of i % 2 ? (['bare', 'full'] as const) : (['full', 'bare'] as const)) {
      const t0 = performance.now();
      const response =
        which === 'full'
          ? await full.app.request('http://localhost/fhir/R4/Patient/bench-1', { headers })
          : await bare.request('http://localhost/fhir/R4/Patient/bench-1');
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${which}: ${response.status}`);
      if (i >= 200) times[which].push(performance.now() - t0);
    }
  }
  const row = (name: string, v: number[]) => ({
    setup: name,
    'p50 ms': pct(v, 50).toFixed(3),
    'p95 ms': pct(v, 95).toFixed(3),
  });
  console.log(`[${kind}] FHIR read, ${iterations} interleaved requests each (in-process HTTP):`);
  console.table([row('no auth, no audit', times.bare), row('token + scope + audit entry', times.full)]);
  console.log(
    `[${kind}] added: p50 ${(pct(times.full, 50) - pct(times.bare, 50)).toFixed(3)} ms, p95 ${(pct(times.full, 95) - pct(times.bare, 95)).toFixed(3)} ms`,
  );
  await full.close();
  await database.close();
  await drop();
}
