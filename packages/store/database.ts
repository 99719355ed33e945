/**
 * The data layer's entry point: one Kysely instance over node-postgres, backed by an embedded PGlite database
 * (default, no set-up) or a PostgreSQL server (DATABASE_URL). Same migrations and queries on both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { guardPool } from './guarded-pool.ts';
import { startPgliteWorker } from './pglite-remote.ts';
import { migrateToLatest, type MigrationList } from './migrations/migrator.ts';
import type { StoreTables } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<StoreTables>;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}

/**
 * Which migrations to apply: the caller's list (the server passes every package's, `@qihuang/migrations`;
 * the store's own tests pass the store's), or none with `migrate: false`.
 */
export type MigrationChoice =
  { migrate?: true; migrations: MigrationList } | { migrate: false; migrations?: MigrationList };

export type OpenDatabaseOptions = DatabaseLocation & MigrationChoice;

export interface DatabaseLocation {
  /** postgres://… — use a PostgreSQL server. */
  url?: string;
  /** Directory of the embedded database (ignored with url). */
  dataDir?: string;
  /** In-memory embedded database (tests). */
  memory?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /**
   * Longest a statement may run, in ms (default: no limit). PostgreSQL: `statement_timeout` of every pooled
   * connection (migrations run without it). Embedded database: only with `pgliteWorker`, where the caller stops
   * waiting (PGlite cannot interrupt a statement). Either way the caller gets a QihuangError 'unavailable'.
   */
  statementTimeoutMs?: number;
  /**
   * Run the embedded database in a worker thread (pglite-worker.mjs), so that its statements never block this
   * thread's event loop (`serve`). Default false: in process (tests, CLI commands).
   */
  pgliteWorker?: boolean;
}

// pg returns int8 and numeric as strings; bigint versions fit in a JS number for our purposes.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url && options.statementTimeoutMs && options.migrate !== false) {
    // Migrations (an index build on a big table) are not held to the statement timeout of requests.
    const unlimited = await openPostgres(options.url, 1, undefined);
    try {
      await migrateToLatest(unlimited.db, options.migrations);
    } finally {
      await unlimited.close();
    }
    options = { ...options, migrate: false };
  }
  if (!options.url && options.pgliteWorker) return openPgliteWorker(options);
  const database = options.url
    ? await openPostgres(options.url, options.poolSize ?? 10, options.statementTimeoutMs)
    : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db, options.migrations);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPostgres(
  url: string,
  poolSize: number,
  statementTimeoutMs: number | undefined,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle connection the server ends (restart, failover, pg_terminate_backend, a dropped database) is an
  // 'error' event on the pool: without a listener it would end the process. The pool replaces the connection;
  // a query in flight on it fails on its own. Reported unless we are closing.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) console.error(`[qihuang] idle PostgreSQL connection lost: ${error.message}`);
  });
  const guarded = guardPool(pool, {
    statementTimeoutMs,
    cancel: (processId) => cancelBackend(url, processId),
  });
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool: guarded }) });
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

/** Cancels the statement a backend runs, from a connection of its own (the pool may be exhausted). */
async function cancelBackend(url: string, processId: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select pg_cancel_backend($1)', [processId]);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PGlite is one session: every pool client shares it (guarded-pool.ts rolls back instead of discarding). */
const SHARED = { sharedSession: true } as const;

/**
 * node-postgres's pool over PGlite's one connection, which is never closed for idleness (closing it ends
 * nothing in the session and a statement still in flight would answer into the next client).
 */
function embeddedPool(config: object): pg.Pool {
  const pool = new pg.Pool({ ...(config as pg.PoolConfig), idleTimeoutMillis: 0 });
  pool.on('error', (error) => console.error(`[qihuang] embedded database connection: ${error.message}`));
  return pool;
}

/** The embedded database's directory, locked for this process (none for an in-memory database). */
function lockDataDir(options: OpenDatabaseOptions): { lock?: DirectoryLock; dataDir?: string } {
  if (options.memory) return {};
  if (!options.dataDir) throw new Error('openDatabase: dataDir or memory or url is required');
  mkdirSync(options.dataDir, { recursive: true });
  return { lock: acquireDirectoryLock(options.dataDir), dataDir: join(options.dataDir, 'pgdata') };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { lock, dataDir } = lockDataDir(options);
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm, vector } });
    const pool = embeddedPool(createPgConfig(pglite));
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool: guardPool(pool, SHARED) }) });
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

/** The embedded database in a worker thread (see pglite-remote.ts); same lock, same Database. */
async function openPgliteWorker(options: OpenDatabaseOptions): Promise<Database> {
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { lock, dataDir } = lockDataDir(options);
  try {
    const remote = await startPgliteWorker(dataDir);
    // createPgConfig duck-types its argument: execProtocolStream and waitReady are all it uses.
    const config = createPgConfig(remote as unknown as Parameters<typeof createPgConfig>[0]);
    const pool = embeddedPool(config);
    // The wait limit applies once the migrations are done (they are not held to a request's timeout).
    const limits = { ...SHARED, statementTimeoutMs: options.statementTimeoutMs, waitLimit: false };
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool: guardPool(pool, limits) }) });
    const close = async () => {
      try {
        await db.destroy();
        await remote.close();
      } finally {
        lock?.release();
      }
    };
    try {
      if (options.migrate !== false) await migrateToLatest(db, options.migrations);
    } catch (error) {
      await close();
      throw error;
    }
    limits.waitLimit = options.statementTimeoutMs !== undefined;
    return { db, kind: 'pglite', location: options.memory ? 'memory' : (options.dataDir ?? ''), close };
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
export async function openEmbeddedFromDump(dump: Blob, migrations: MigrationList): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const pglite = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm, vector } });
  const pool = embeddedPool(createPgConfig(pglite));
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool: guardPool(pool, SHARED) }) });
  await migrateToLatest(db, migrations);
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
export async function dumpEmbeddedDatabase(migrations: MigrationList): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const pglite = await PGlite.create({ extensions: { pg_trgm, vector } });
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, migrations);
  await db.destroy();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  return dump;
}
