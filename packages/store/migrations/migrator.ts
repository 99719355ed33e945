import { Migrator, type Kysely, type Migration } from 'kysely';
import { QihuangError } from '@qihuang/contracts';

/** Migrations by name; names sort in the order they apply (each package owns a number range, AGENTS.md). */
export type MigrationList = Readonly<Record<string, Migration>>;

/** One list from several packages' lists; a name twice is a programming error. */
export function composeMigrations(...lists: MigrationList[]): MigrationList {
  const all: Record<string, Migration> = {};
  for (const list of lists) {
    for (const [name, migration] of Object.entries(list)) {
      if (name in all) throw new QihuangError('internal', `Migration ${name} is registered twice`);
      all[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Applies the pending ones of `migrations` (the composition root passes every package's list,
 * `@qihuang/migrations`). Safe when several server replicas start at once against one PostgreSQL:
 * Kysely's PostgreSQL adapter takes a transaction-scoped advisory lock around the whole run, so the
 * second replica waits and then finds nothing to do.
 */
export async function migrateToLatest<T>(db: Kysely<T>, migrations: MigrationList): Promise<string[]> {
  // Only what this process applied: a replica that waited on the lock gets [] (the log says so, issue 20).
  const { error, results } = await createMigrator(db, migrations).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new QihuangError(
      'internal',
      `Database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * How many of `migrations` are not applied yet, read without the lock (another replica may be applying them):
 * for a "migrating" line before the slow part; migrateToLatest's answer is what this process did.
 */
export async function pendingMigrations<T>(db: Kysely<T>, migrations: MigrationList): Promise<number> {
  const all = await createMigrator(db, migrations).getMigrations();
  return all.filter((m) => m.executedAt === undefined).length;
}

function createMigrator<T>(db: Kysely<T>, migrations: MigrationList): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
    migrationTableName: 'qihuang_migration',
    migrationLockTableName: 'qihuang_migration_lock',
  });
}
