/**
 * kill -9 during `qihuang import` (direct database; a temporary data dir on the embedded database, a fresh
 * database on PostgreSQL): 300 transaction bundles of 4 resources each, the import killed mid-way, then run
 * again to the end. Every bundle must be stored whole or not at all after the kill, and after the rerun each
 * resource exactly once (no duplicates from the reruns; issue 15 item 9, direct path).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS } from '@qihuang/test-kit';
import { MIGRATIONS } from '@qihuang/migrations';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLES = 300;
const PER_BUNDLE = 4;
const SYSTEM = 'urn:qihuang:security:import';

function uuid(bundle: number, entry: number): string {
  const hex = (bundle * 16 + entry).toString(16).padStart(12, '0');
  return `5ec0a1e0-0000-4000-8000-${hex}`;
}

/** One transaction bundle: a Patient and three Observations about it, each with an identifier naming its bundle. */
function bundle(n: number): string {
  const identifier = (what: string) => [{ system: SYSTEM, value: `b${n}-${what}` }];
  const patient = `urn:uuid:${uuid(n, 0)}`;
  const entries = [
    {
      fullUrl: patient,
      resource: { resourceType: 'Patient', identifier: identifier('patient'), gender: 'female' },
      request: { method: 'POST', url: 'Patient' },
    },
    ...[1, 2, 3].map((i) => ({
      fullUrl: `urn:uuid:${uuid(n, i)}`,
      resource: {
        resourceType: 'Observation',
        identifier: identifier(`obs${i}`),
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        subject: { reference: patient },
        effectiveDateTime: `2026-02-${String((n % 27) + 1).padStart(2, '0')}T0${i}:00:00Z`,
        valueQuantity: { value: 60 + i, unit: '/min' },
      },
      request: { method: 'POST', url: 'Observation' },
    })),
  ];
  return JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: entries });
}

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  /** Resolves when the import is under way (so the kill lands mid-way, not during start-up). */
  started(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Bytes of the files under a directory (0 when it does not exist). */
function sizeOf(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  } catch {
    return 0;
  }
  return total;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function counts(db: Database['db']): Promise<Map<string, number>> {
  const { rows } = await sql<{ v: string; n: number }>`
    select i->>'value' as v, count(*)::int as n
      from fhir_resource, jsonb_array_elements(content->'identifier') i
     where not deleted and resource_type in ('Patient', 'Observation') and i->>'system' = ${SYSTEM}
     group by 1`.execute(db);
  return new Map(rows.map((r) => [r.v, r.n]));
}

/** Bundles stored only in part, and identifiers stored more than once. */
function problems(found: Map<string, number>): { partial: string[]; duplicates: string[]; complete: number } {
  const perBundle = new Map<string, number>();
  const duplicates: string[] = [];
  for (const [value, n] of found) {
    if (n > 1) duplicates.push(`${value} ×${n}`);
    const b = value.split('-')[0]!;
    perBundle.set(b, (perBundle.get(b) ?? 0) + 1);
  }
  const partial = [...perBundle]
    .filter(([, n]) => n !== PER_BUNDLE)
    .map(([b, n]) => `${b}: ${n}/${PER_BUNDLE}`);
  return { partial, duplicates, complete: [...perBundle.values()].filter((n) => n === PER_BUNDLE).length };
}

async function target(kind: DatabaseKind): Promise<Target> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'qihuang-sec-import-'));
    return {
      env: { QIHUANG_DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openDatabase({ migrations: MIGRATIONS, dataDir: dir }),
      // The embedded database cannot be read while the importer holds it. Its files can: once the lock is taken,
      // kill when the data files have grown by a fifth of what the whole import adds (measured by the rerun:
      // about 1.5 MB for these bundles), so the kill lands in the import, not in start-up.
      started: async () => {
        while (!existsSync(join(dir, 'qihuang.lock'))) await sleep(20);
        const base = sizeOf(join(dir, 'pgdata', 'base'));
        while (sizeOf(join(dir, 'pgdata', 'base')) < base + 300_000) await sleep(50);
      },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = await createPostgresTestDatabase();
  const watcher = await openDatabase({ migrations: MIGRATIONS, url: server.url, poolSize: 1 });
  return {
    env: { DATABASE_URL: server.url },
    open: () => openDatabase({ migrations: MIGRATIONS, url: server.url, poolSize: 2 }),
    started: async () => {
      // Kill once a fifth of the resources are in.
      for (;;) {
        const n = await sql<{ n: number }>`select count(*)::int as n from fhir_resource`
          .execute(watcher.db)
          .then((r) => r.rows[0]!.n)
          .catch(() => 0);
        if (n >= (BUNDLES * PER_BUNDLE) / 5) return;
        await sleep(20);
      }
    },
    cleanup: async () => {
      await watcher.close();
      await server.drop();
    },
  };
}

describe.each(DATABASE_KINDS)('kill -9 during qihuang import on %s', (kind) => {
  let files: string;
  let t: Target;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'qihuang-sec-bundles-'));
    mkdirSync(files, { recursive: true });
    for (let n = 0; n < BUNDLES; n++)
      writeFileSync(join(files, `bundle-${String(n).padStart(4, '0')}.json`), bundle(n));
    t = await target(kind);
    await (await t.open()).close(); // migrated before the first import, so the kill lands in the import itself
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  it('leaves no partial bundle after each kill and no duplicate after the rerun', async () => {
    const env = { ...process.env, ...t.env };
    const afterKills: { complete: number }[] = [];
    for (let round = 0; round < 1; round++) {
      const child = spawn(process.execPath, ['bin/qihuang.mjs', 'import', files, '--json', '--no-progress'], {
        cwd: ROOT,
        env,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await Promise.race([t.started(), exited]);
      child.kill('SIGKILL');
      await exited;
      const database = await t.open();
      try {
        const found = problems(await counts(database.db));
        expect(found.partial, `partial bundles after kill ${round + 1}`).toEqual([]);
        expect(found.duplicates, `duplicates after kill ${round + 1}`).toEqual([]);
        afterKills.push({ complete: found.complete });
      } finally {
        await database.close();
      }
    }
    const final = spawnSync(
      process.execPath,
      ['bin/qihuang.mjs', 'import', files, '--json', '--no-progress'],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 170_000,
      },
    );
    expect(final.status, final.stderr.slice(0, 500)).toBe(0);
    const database = await t.open();
    try {
      const found = problems(await counts(database.db));
      expect(found.partial).toEqual([]);
      expect(found.duplicates).toEqual([]);
      expect(found.complete).toBe(BUNDLES);
      console.log(
        `[security] kill -9 import on ${kind}: bundles complete after the kill / after the rerun: ` +
          `${afterKills.map((k) => k.complete).join(' / ')} / ${found.complete} of ${BUNDLES}; 0 partial, 0 duplicates`,
      );
    } finally {
      await database.close();
    }
  });
});
