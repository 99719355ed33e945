/**
 * Vitest global setup: probes the PostgreSQL test server and dumps one migrated PGlite template for the run.
 * Environment set here is inherited by the test workers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dumpEmbeddedDatabase } from '@qihuang/store';
import { MIGRATIONS } from '@qihuang/migrations';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(): Promise<() => void> {
  if (process.env.QIHUANG_TEST_POSTGRES_URL === undefined) {
    if (await probe(DEFAULT_URL)) process.env.QIHUANG_TEST_POSTGRES_URL = DEFAULT_URL;
    else console.warn(`[test-kit] No PostgreSQL at ${DEFAULT_URL}: data-layer tests run on PGlite only.`);
  } else if (process.env.QIHUANG_TEST_POSTGRES_URL && !(await probe(process.env.QIHUANG_TEST_POSTGRES_URL))) {
    throw new Error(`QIHUANG_TEST_POSTGRES_URL=${process.env.QIHUANG_TEST_POSTGRES_URL} does not answer`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'qihuang-test-'));
  const file = join(dir, 'pglite-template.tar.gz');
  writeFileSync(file, Buffer.from(await (await dumpEmbeddedDatabase(MIGRATIONS)).arrayBuffer()));
  process.env.QIHUANG_TEST_PGLITE_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
