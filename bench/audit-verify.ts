/**
 * Benchmark: verifyAuditChain over 1,000,000 chained entries on PostgreSQL (target < 10 s).
 * `node bin/run-ts.mjs bench/audit-verify.ts [entries]` — creates and drops a fresh database on
 * QIHUANG_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test). Hashes are real: each entry is
 * built and chained in JS exactly as createAuditLog does, then bulk-inserted with unnest().
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '@qihuang/store';
import { entryHash, GENESIS_HASH, verifyAuditChain, type ChainedContent } from '@qihuang/audit';
import { MIGRATIONS } from '@qihuang/migrations';

const BASE_URL = process.env.QIHUANG_BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ENTRIES = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;
const ACTIONS = ['read', 'search', 'create', 'update', 'login', 'model-call'] as const;

const KEEP = process.env.QIHUANG_BENCH_KEEP; // keep (and reuse) a named database while tuning
const name = KEEP || `qh_bench_audit_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
if (!exists) await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(BASE_URL);
url.pathname = `/${name}`;
const database = await openDatabase({ migrations: MIGRATIONS, url: url.toString(), poolSize: 4 });

try {
  const db = database.db;
  const t0 = performance.now();
  const present = Number(
    (await sql<{ n: number }>`select count(*)::int as n from audit_entry`.execute(db)).rows[0]?.n,
  );
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let from = present === ENTRIES ? ENTRIES + 1 : 1; from <= ENTRIES; from += BATCH) {
    const cols = {
      seq: [] as number[],
      recorded: [] as string[],
      action: [] as string[],
      principal: [] as string[],
      username: [] as string[],
      resourceType: [] as (string | null)[],
      resourceId: [] as (string | null)[],
      query: [] as (string | null)[],
      patient: [] as (string | null)[],
      address: [] as string[],
      requestId: [] as string[],
      detail: [] as (string | null)[],
      prevHash: [] as string[],
      hash: [] as string[],
    };
    for (let seq = from; seq < Math.min(from + BATCH, ENTRIES + 1); seq++) {
      const action = ACTIONS[seq % ACTIONS.length]!;
      const patient = seq % 7 === 0 ? null : `p${seq % 5000}`;
      const content: ChainedContent = {
        seq,
        recorded: new Date(start + seq * 1000).toISOString(),
        action,
        outcome: 'success',
        principalId: `u${seq % 50}`,
        principalKind: 'user',
        username: `user${seq % 50}`,
        role: 'clinician',
        resourceType: action === 'login' ? null : 'Observation',
        resourceId: action === 'read' || action === 'update' ? `obs-${seq}` : null,
        query: action === 'search' ? `patient=Patient/${patient ?? 'x'}&code=8480-6` : null,
        patientIds: patient ? [patient] : [],
        clientAddress: '10.0.0.7',
        requestId: `req-${seq}`,
        detail: action === 'model-call' ? '{"model":"clinical-default","status":200,"tokens":812}' : null,
        prevHash,
      };
      const hash = entryHash(content);
      cols.seq.push(seq);
      cols.recorded.push(content.recorded);
      cols.action.push(action);
      cols.principal.push(content.principalId);
      cols.username.push(content.username);
      cols.resourceType.push(content.resourceType);
      cols.resourceId.push(content.resourceId);
      cols.query.push(content.query);
      cols.patient.push(patient);
      cols.address.push('10.0.0.7');
      cols.requestId.push(content.requestId);
      cols.detail.push(content.detail);
      cols.prevHash.push(prevHash);
      cols.hash.push(hash);
      prevHash = hash;
    }
    await sql`
      insert into audit_entry (seq, recorded_at, action, outcome, principal_id, principal_kind, username, role,
        resource_type, resource_id, query, patient_ids, client_address, request_id, detail, prev_hash, hash)
      select seq, recorded, action, 'success', principal, 'user', username, 'clinician', resource_type,
        resource_id, query, case when patient is null then '{}'::text[] else array[patient] end, address,
        request_id, detail, prev_hash, hash
      from unnest(${cols.seq}::bigint[], ${cols.recorded}::timestamptz[], ${cols.action}::text[],
        ${cols.principal}::text[], ${cols.username}::text[], ${cols.resourceType}::text[],
        ${cols.resourceId}::text[], ${cols.query}::text[], ${cols.patient}::text[], ${cols.address}::text[],
        ${cols.requestId}::text[], ${cols.detail}::text[], ${cols.prevHash}::text[], ${cols.hash}::text[])
        as t(seq, recorded, action, principal, username, resource_type, resource_id, query, patient, address,
          request_id, detail, prev_hash, hash)`.execute(db);
  }
  if (present !== ENTRIES) {
    await sql`update audit_chain_head set seq = ${ENTRIES}, hash = ${prevHash} where id = 1`.execute(db);
  }
  await sql`vacuum analyze audit_entry`.execute(db);
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(`loaded ${ENTRIES.toLocaleString('en')} chained entries in ${loadSeconds.toFixed(1)} s`);

  const load = () => os.loadavg()[0]!.toFixed(1);
  const modes = { node: [] as number[], database: [] as number[] };
  for (const hashIn of ['node', 'database', 'node', 'database'] as const) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await verifyAuditChain(db, { hashIn });
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    modes[hashIn].push(seconds);
    if (!result.ok || result.checked !== ENTRIES) {
      throw new Error(`verification failed: ${JSON.stringify(result.firstBad)} (checked ${result.checked})`);
    }
    console.log(
      `verifyAuditChain hashIn=${hashIn}: ${seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s Node CPU (${Math.round(ENTRIES / seconds).toLocaleString('en')} entries/s, load average ${load()} on ${os.cpus().length} cores)`,
    );
  }
  const best = Math.min(...modes.node);
  console.log(
    JSON.stringify({
      benchmark: 'audit-verify',
      entries: ENTRIES,
      node: modes.node.map((s) => +s.toFixed(2)),
      database: modes.database.map((s) => +s.toFixed(2)),
      best: +best.toFixed(2),
      target: 10,
      pass: best < 10,
      loadAverage: +load(),
    }),
  );
} finally {
  await database.close();
  const dropper = new pg.Client({ connectionString: BASE_URL });
  await dropper.connect();
  if (!KEEP) await dropper.query(`drop database if exists ${name} with (force)`);
  await dropper.end();
}
