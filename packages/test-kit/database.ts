/**
 * Test databases: the same tests run on the embedded database (PGlite, loaded from a template dumped once per
 * run by test-kit/global-setup.ts) and on a PostgreSQL server (a fresh database per test file, dropped
 * afterwards) when one answers at QIHUANG_TEST_POSTGRES_URL (global setup probes 127.0.0.1:5432 by default).
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  dumpEmbeddedDatabase,
  openDatabase,
  openEmbeddedFromDump,
  type Database,
  type DatabaseKind,
} from '@qihuang/store';
import { MIGRATIONS } from '@qihuang/migrations';

export const POSTGRES_TEST_URL = process.env.QIHUANG_TEST_POSTGRES_URL || undefined;

/** The database kinds to run data-layer tests on: always PGlite; PostgreSQL when a server answers. */
export const DATABASE_KINDS: DatabaseKind[] = POSTGRES_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];

let templateDump: Blob | undefined;

export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const path = process.env.QIHUANG_TEST_PGLITE_TEMPLATE;
    if (!templateDump) {
      templateDump = path ? new Blob([readFileSync(path)]) : await dumpEmbeddedDatabase(MIGRATIONS);
    }
    return openEmbeddedFromDump(templateDump, MIGRATIONS);
  }
  if (!POSTGRES_TEST_URL) throw new Error('No PostgreSQL test server (QIHUANG_TEST_POSTGRES_URL)');
  const name = `qh_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5, migrations: MIGRATIONS });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A fresh, empty PostgreSQL database URL (for tests that need several connections to one database). */
export async function createPostgresTestDatabase(
  adminUrl: string | undefined = POSTGRES_TEST_URL,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error('No PostgreSQL test server (QIHUANG_TEST_POSTGRES_URL)');
  const name = `qh_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
