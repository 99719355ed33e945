/**
 * The database a command opens itself (`audit`, `user`): the configured PostgreSQL server, else the embedded one in
 * the data directory — which belongs to one process, so these commands need the server stopped (exit 1 with the
 * reason, apps/cli/exit-codes.ts).
 */
import { loadConfig } from '@qihuang/config';
import { QihuangError, isQihuangError } from '@qihuang/contracts';
import { openDatabase } from '@qihuang/store';
import { MIGRATIONS } from '@qihuang/migrations';

export type OpenDatabase = Awaited<ReturnType<typeof openDatabase>>;

/**
 * For `user`: what to do while the server holds the embedded database — the store's advice names `import --server`,
 * which `user` does not have (issue 21, IT try).
 */
export const ACCOUNTS_IN_USE =
  'Stop the server and run this command again, or while it runs manage accounts in the console (Users) or ' +
  'through the /admin/users API.';

/** `inUseAdvice` replaces the store's advice when the embedded database is held by another process. */
export async function withDatabase<T>(
  work: (db: OpenDatabase) => Promise<T>,
  options: { inUseAdvice?: string } = {},
): Promise<T> {
  const config = loadConfig();
  let database: OpenDatabase;
  try {
    database = await openDatabase({
      migrations: MIGRATIONS,
      url: config.databaseUrl,
      dataDir: config.dataDir,
    });
  } catch (error) {
    // A database that cannot be opened (locked by a running server, unreachable) is not a tampered chain: the
    // command could not complete, exit 1 with the one-line reason (exit-codes.ts; a broken chain is exit 3).
    let reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    if (options.inUseAdvice && isQihuangError(error) && error.code === 'database-locked')
      reason = reason.replace(/ Stop that process, or talk to it .*$/s, ` ${options.inUseAdvice}`);
    throw new QihuangError(
      isQihuangError(error) && error.code === 'database-locked' ? 'database-locked' : 'unavailable',
      `cannot open the database: ${reason}`,
    );
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
