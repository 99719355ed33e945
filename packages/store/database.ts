/**
 * The data layer's entry point: one Kysely instance over node-postgres, backed by an embedded PGlite database
 * (default, no set-up) or a PostgreSQL server (DATABASE_URL). Same migrations and queries on both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { secureDataDir, sweep } from './data-dir-permissions.ts';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { guardPool } from './guarded-pool.ts';
import { startPgliteWorker } from './pglite-remote.ts';
import { migrateToLatest, pendingMigrations, type MigrationList } from './migrations/migrator.ts';
import type { StoreTables } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<StoreTables>;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, the URL without password for PostgreSQL. */
  location: string;
  /** The migrations this process applied while opening (a replica that found nothing to do: []). */
  appliedMigrations: readonly string[];
  close(): Promise<void>;
}

/** What opening takes time over or changed, for the caller's log (the store has no logger). */
export type DatabaseEvent =
  | { type: 'data-dir-tightened'; dir: string; previousMode?: number; tightened: number }
  | { type: 'initialising'; dir: string }
  | { type: 'migrating'; pending: number };

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
  /** Told before slow steps (first initialisation, migrations) and when the data directory was too open. */
  onEvent?: (event: DatabaseEvent) => void;
}

// pg returns int8 and numeric as strings; bigint versions fit in a JS number for our purposes.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let applied: readonly string[] = [];
  if (options.url && options.statementTimeoutMs && options.migrate !== false) {
    // Migrations (an index build on a big table) are not held to the statement timeout of requests.
    const unlimited = await openPostgres(options.url, 1, undefined);
    try {
      applied = await migrate(unlimited.db, options.migrations, options.onEvent);
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
      applied = await migrate(database.db, options.migrations, options.onEvent);
      if (database.kind === 'pglite' && options.dataDir) sweep(options.dataDir); // the migrations' new files
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return { ...database, appliedMigrations: applied };
}

/** Applies the pending migrations, telling `onEvent` first when there are any. */
async function migrate<T>(
  db: Kysely<T>,
  migrations: MigrationList,
  onEvent: ((event: DatabaseEvent) => void) | undefined,
): Promise<string[]> {
  if (onEvent) {
    const pending = await pendingMigrations(db, migrations);
    if (pending > 0) onEvent({ type: 'migrating', pending });
  }
  return migrateToLatest(db, migrations);
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
    appliedMigrations: [],
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

/**
 * The embedded database's directory, locked for this process (none for an in-memory database): created 0700,
 * tightened if it was open to group or others (data-dir-permissions.ts), and the process umask made 077 so that
 * what is created under it is not group/world accessible either.
 */
function lockDataDir(options: OpenDatabaseOptions): { lock?: DirectoryLock; dataDir?: string } {
  if (options.memory) return {};
  if (!options.dataDir) throw new Error('openDatabase: dataDir or memory or url is required');
  restrictUmask();
  const report = secureDataDir(options.dataDir);
  if (report.previousMode !== undefined || (!report.created && report.tightened > 0))
    options.onEvent?.({ type: 'data-dir-tightened', dir: options.dataDir, ...report });
  const lock = acquireDirectoryLock(options.dataDir);
  const dataDir = join(options.dataDir, 'pgdata');
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    options.onEvent?.({ type: 'initialising', dir: options.dataDir });
  return { lock, dataDir };
}

/** umask 077 for this process (the embedded database's files); not settable from a worker thread. */
function restrictUmask(): void {
  try {
    const previous = process.umask(0o077);
    process.umask(previous | 0o077);
  } catch {
    /* worker thread: the directory's 0700 and the sweeps still apply */
  }
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
    if (options.dataDir) sweep(options.dataDir); // PGlite's own chmods (0666)
    return {
      db,
      kind: 'pglite',
      location: options.memory ? 'memory' : (options.dataDir ?? ''),
      appliedMigrations: [],
      close: async () => {
        await db.destroy();
        await pglite.close();
        if (options.dataDir) sweep(options.dataDir);
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
        if (options.dataDir) sweep(options.dataDir);
      } finally {
        lock?.release();
      }
    };
    let appliedMigrations: readonly string[] = [];
    try {
      if (options.migrate !== false)
        appliedMigrations = await migrate(db, options.migrations, options.onEvent);
    } catch (error) {
      await close();
      throw error;
    }
    if (options.dataDir) sweep(options.dataDir); // PGlite's own chmods (0666)
    limits.waitLimit = options.statementTimeoutMs !== undefined;
    return {
      db,
      kind: 'pglite',
      location: options.memory ? 'memory' : (options.dataDir ?? ''),
      appliedMigrations,
      close,
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
    appliedMigrations: [],
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
