import { Migrator, type Kysely } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import { MIGRATIONS } from './index.ts';

/**
 * Applies pending migrations. Safe when several server replicas start at once against one PostgreSQL:
 * Kysely's PostgreSQL adapter takes a transaction-scoped advisory lock around the whole run, so the
 * second replica waits and then finds nothing to do.
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
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
