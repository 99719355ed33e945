/**
 * A migrated, empty embedded data directory for tests that start the real server (`qihuang serve`): made once
 * per test run from the PGlite template that global-setup.ts dumps, then copied into each server's data
 * directory, so that a server under test skips initdb and every migration (about half of its boot's CPU time,
 * measured 2026-12-08: 6.7 s → 3.3 s). What the server does on an empty database (admin from
 * QIHUANG_ADMIN_PASSWORD, demo seeding) still happens at its own boot: the copy holds no rows.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';

let made: Promise<string | undefined> | undefined;

/**
 * The directory (a PGlite `pgdata`) for this run, or undefined outside a vitest run (no template). Test
 * workers race to make it: each builds its own and renames it into place; the first rename wins.
 */
export function migratedDataDir(): Promise<string | undefined> {
  made ??= make();
  return made;
}

async function make(): Promise<string | undefined> {
  const template = process.env.QIHUANG_TEST_PGLITE_TEMPLATE;
  if (!template || !existsSync(template)) return undefined;
  const target = join(dirname(template), 'pgdata');
  if (existsSync(join(target, 'PG_VERSION'))) return target;
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const building = mkdtempSync(join(dirname(template), 'pgdata-'));
  const dump = new Blob([await readFile(template)]);
  const pglite = await PGlite.create(join(building, 'pgdata'), {
    loadDataDir: dump,
    extensions: { pg_trgm, vector },
  });
  await pglite.close();
  try {
    renameSync(join(building, 'pgdata'), target);
  } catch {
    // Another worker's copy is in place (ENOTEMPTY / EEXIST): use it.
  }
  rmSync(building, { recursive: true, force: true });
  return target;
}

/**
 * Copies the migrated directory into `dataDir`/pgdata (where `openDatabase({ dataDir })` and the server look).
 * False when there is no template (outside vitest) or `dataDir` already has a database: the server then
 * initialises one itself, as before.
 */
export async function seedDataDir(dataDir: string): Promise<boolean> {
  const source = await migratedDataDir();
  const pgdata = join(dataDir, 'pgdata');
  if (!source || existsSync(pgdata)) return false;
  cpSync(source, pgdata, { recursive: true });
  return true;
}
