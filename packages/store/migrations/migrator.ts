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
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
    migrationTableName: 'qihuang_migration',
    migrationLockTableName: 'qihuang_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
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
