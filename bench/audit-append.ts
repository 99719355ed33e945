/**
 * Audit append latency on PostgreSQL (and PGlite): what the hash-chained audit log adds to a request that
 * is not a write (a read, a search, a model call), side by side with the floors it cannot go below — one
 * round trip (`select 1`) and one durable commit (a one-row autocommit update, which waits for the WAL
 * flush) — interleaved in one run on one database, with the load average. Target: ≤ 1 ms p50 added on
 * PostgreSQL (issue 19; docs/decisions/0014-gateway-throughput.md).
 *   node bin/run-ts.mjs bench/audit-append.ts [--iterations 1000] [--kinds postgres,pglite]
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { createAuditLog } from '@qihuang/audit';
import type { DatabaseKind } from '@qihuang/store';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const iterations = Number(args.get('iterations') ?? 1000);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',') as DatabaseKind[];
process.env.QIHUANG_TEST_POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
// After the URL is set: test-kit reads it when loaded.
const { openTestDatabase } = await import('@qihuang/test-kit');
const pct = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
const ctx: RequestContext = {
  requestId: 'bench',
  principal: { id: 'u-1', kind: 'user', username: 'dr.li', role: 'clinician', scopes: [] },
  clientAddress: '10.1.2.3',
};
const read = { action: 'read', outcome: 'success', resourceType: 'Patient', resourceId: 'p-1' } as const;

for (const kind of kinds) {
  const database = await openTestDatabase(kind);
  const db = database.db;
  await sql`create table bench_commit (id int primary key, n bigint not null)`.execute(db);
  await sql`insert into bench_commit values (1, 0)`.execute(db);
  const audit = createAuditLog();
  const cases = {
    'one round trip (select 1)': () => sql`select 1`.execute(db),
    'one durable commit (1-row update)': () =>
      sql`update bench_commit set n = n + 1 where id = 1`.execute(db),
    'audit append (read, sequential)': () => audit.append(db, ctx, { ...read, patientIds: ['p-1'] }),
  };
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]));
  const load = loadavg()[0]!;
  const names = Object.keys(cases) as (keyof typeof cases)[];
  for (let i = 0; i < iterations + 100; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const t0 = performance.now();
      await cases[name]();
      if (i >= 100) times[name]!.push(performance.now() - t0);
    }
  }
  console.log(
    `[${kind}] ${iterations} interleaved calls each; load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
  );
  console.table(
    Object.entries(times).map(([name, v]) => ({
      call: name,
      'p50 ms': pct(v, 50).toFixed(3),
      'p95 ms': pct(v, 95).toFixed(3),
    })),
  );
  await database.close();
}
process.exit(0);
