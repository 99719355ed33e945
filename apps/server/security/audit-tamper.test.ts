/**
 * Audit tampering (issue 15 item 11), end to end: a store with audited FHIR writes is tampered with by SQL (as
 * the table owner, append-only triggers switched off, as an attacker with database access would) and checked
 * through the audit package's public API and through `qihuang audit verify` (exit 0 intact, 1 broken). An
 * edited entry, a deleted middle entry, deleted newest entries with the head moved back (caught against a
 * checkpoint or `--expect-head SEQ:HASH`) and an empty chain on a store that holds data must all fail.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog, GENESIS_HASH, parseCheckpointFile, verifyAuditChain } from '@qihuang/audit';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { FhirRepository, openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { MIGRATIONS } from '@qihuang/migrations';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

interface Store {
  open(): Promise<Database>;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function newStore(kind: DatabaseKind): Promise<Store> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'qihuang-sec-audit-'));
    return {
      open: () => openDatabase({ migrations: MIGRATIONS, dataDir: dir }),
      env: { QIHUANG_DATA_DIR: dir, DATABASE_URL: '' },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = await createPostgresTestDatabase();
  return {
    open: () => openDatabase({ migrations: MIGRATIONS, url: server.url, poolSize: 2 }),
    env: { DATABASE_URL: server.url },
    cleanup: server.drop,
  };
}

/** Eight audited FHIR writes; returns the chain head. */
async function seed(db: Database['db']): Promise<{ seq: number; hash: string }> {
  const audit = createAuditLog();
  const repository = new FhirRepository(db, {
    audit: async (executor, ctx, record) => void (await audit.append(executor, ctx, record)),
  });
  const ctx = { requestId: 'sec-audit', principal: SYSTEM_PRINCIPAL };
  for (let i = 0; i < 4; i++) {
    await repository.update(ctx, 'Patient', `sec-audit-${i}`, {
      resourceType: 'Patient',
      id: `sec-audit-${i}`,
      gender: 'female',
    });
    await repository.create(ctx, {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'heart rate' },
      subject: { reference: `Patient/sec-audit-${i}` },
      valueQuantity: { value: 70 + i, unit: '/min' },
    });
  }
  return head(db);
}

async function head(db: Database['db']): Promise<{ seq: number; hash: string }> {
  const row = (
    await sql<{ seq: string | number; hash: string }>`select seq, hash from audit_chain_head`.execute(db)
  ).rows[0]!;
  return { seq: Number(row.seq), hash: row.hash };
}

/** SQL as the table owner with the append-only trigger off: what an attacker with database access can do. */
async function tamper(db: Database['db'], statements: ReturnType<typeof sql>[]): Promise<void> {
  await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(db);
  try {
    for (const statement of statements) await statement.execute(db);
  } finally {
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(db);
  }
}

type Attack = (db: Database['db'], top: { seq: number; hash: string }) => ReturnType<typeof sql>[];

const ATTACKS: [string, Attack][] = [
  ['an edited entry', () => [sql`update audit_entry set username = 'someone-else' where seq = 3`]],
  ['a deleted middle entry', () => [sql`delete from audit_entry where seq = 4`]],
  [
    'the newest entries deleted and the head moved back',
    (_db, top) => [
      sql`delete from audit_entry where seq > ${top.seq - 2}`,
      sql`update audit_chain_head set seq = ${top.seq - 2},
            hash = (select hash from audit_entry where seq = ${top.seq - 2}) where id = 1`,
    ],
  ],
  [
    'an empty chain on a store that holds data',
    () => [
      sql`delete from audit_entry`,
      sql`update audit_chain_head set seq = 0, hash = ${GENESIS_HASH} where id = 1`,
    ],
  ],
];

/** Resets a test database to an empty chain and store (between API cases). */
async function reset(db: Database['db']): Promise<void> {
  await sql`alter table audit_entry disable trigger audit_entry_no_truncate`.execute(db);
  await sql`truncate audit_entry`.execute(db);
  await sql`alter table audit_entry enable trigger audit_entry_no_truncate`.execute(db);
  await sql`update audit_chain_head set seq = 0, hash = ${GENESIS_HASH} where id = 1`.execute(db);
  await sql`delete from fhir_resource`.execute(db);
  await sql`delete from fhir_history`.execute(db);
}

describe.each(DATABASE_KINDS)('audit tampering on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  it('an intact chain verifies through the API, with a checkpoint file of its head', async () => {
    await reset(database.db);
    const top = await seed(database.db);
    expect(top.seq).toBeGreaterThanOrEqual(8);
    const checkpoints = parseCheckpointFile(`${top.seq}:${top.hash}\n`);
    expect(await verifyAuditChain(database.db, { checkpoints })).toMatchObject({ ok: true });
  });

  it.each(ATTACKS)('API: %s fails verification against a checkpoint', async (_name, attack) => {
    await reset(database.db);
    const top = await seed(database.db);
    await tamper(database.db, attack(database.db, top));
    const checkpoints = parseCheckpointFile(`${top.seq}:${top.hash}\n`);
    const result = await verifyAuditChain(database.db, { checkpoints });
    expect(result.ok).toBe(false);
    expect(result.firstBad?.message).toBeTruthy();
  });

  it.each(ATTACKS.filter(([name]) => !name.includes('head moved back')))(
    'API: %s fails verification even without a checkpoint',
    async (_name, attack) => {
      await reset(database.db);
      const top = await seed(database.db);
      await tamper(database.db, attack(database.db, top));
      expect((await verifyAuditChain(database.db)).ok).toBe(false);
    },
  );

  it('CLI: audit verify holds an intact chain to --expect-head, fails a rewound one (--expect-head, --checkpoints)', async () => {
    const store = await newStore(kind);
    const file = join(tmpdir(), `qihuang-sec-checkpoints-${process.pid}-${kind}.txt`);
    try {
      let db = await store.open();
      const top = await seed(db.db);
      await db.close();
      const expectHead = ['--expect-head', `${top.seq}:${top.hash}`];
      const intact = await cli(['audit', 'verify', '--json', ...expectHead], store.env);
      expect(intact.code, intact.stdout).toBe(0);

      db = await store.open();
      await tamper(db.db, ATTACKS[2]![1](db.db, top));
      await db.close();
      const rewound = await cli(['audit', 'verify', '--json', ...expectHead], store.env);
      expect(rewound.code, rewound.stdout).toBe(3); // a check that found a problem (apps/cli/exit-codes.ts)
      expect((JSON.parse(rewound.stdout) as { ok: boolean }).ok).toBe(false);
      writeFileSync(
        file,
        `${JSON.stringify({ seq: top.seq, hash: top.hash, at: '2026-03-10T12:00:00Z' })}\n`,
      );
      const fromFile = await cli(['audit', 'verify', '--json', '--checkpoints', file], store.env);
      expect(fromFile.code, fromFile.stdout).toBe(3);
    } finally {
      rmSync(file, { force: true });
      await store.cleanup();
    }
  });
});
