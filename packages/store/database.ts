/**
 * The data layer's entry point: one Kysely instance over node-postgres, backed by an embedded PGlite database
 * (default, no set-up) or a PostgreSQL server (DATABASE_URL). Same migrations and queries on both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { migrateToLatest } from './migrations/migrator.ts';
import type { StoreTables } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<StoreTables>;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use a PostgreSQL server. */
  url?: string;
  /** Directory of the embedded database (ignored with url). */
  dataDir?: string;
  /** In-memory embedded database (tests). */
  memory?: boolean;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

// pg returns int8 and numeric as strings; bigint versions fit in a JS number for our purposes.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.url
    ? await openPostgres(options.url, options.poolSize ?? 10)
    : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (restart, failover, pg_terminate_backend, a dropped database) is an
  // 'error' event on the pool: without a listener it would end the process. The pool replaces the connection;
  // a query in flight on it fails on its own. Reported unless we are closing.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) console.error(`[qihuang] idle PostgreSQL connection lost: ${error.message}`);
  });
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    close: () => {
      closing = true;
      return db.destroy();
    },
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  let lock: DirectoryLock | undefined;
  let dataDir: string | undefined;
  if (!options.memory) {
    if (!options.dataDir) throw new Error('openDatabase: dataDir or memory or url is required');
    mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDirectoryLock(options.dataDir);
    dataDir = join(options.dataDir, 'pgdata');
  }
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm, vector } });
    const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      location: options.memory ? 'memory' : (options.dataDir ?? ''),
      close: async () => {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

/**
 * An in-memory embedded database loaded from a dump made by `dumpEmbeddedDatabase` (tests: one template per
 * run instead of initdb + migrations per file).
 */
export async function openEmbeddedFromDump(dump: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const pglite = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm, vector } });
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  return {
    db,
    kind: 'pglite',
    location: 'memory',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** A migrated, empty in-memory embedded database, dumped to a gzip tarball. */
export async function dumpEmbeddedDatabase(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const pglite = await PGlite.create({ extensions: { pg_trgm, vector } });
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  return dump;
}
