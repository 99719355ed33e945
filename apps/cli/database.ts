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

export async function withDatabase<T>(work: (db: OpenDatabase) => Promise<T>): Promise<T> {
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
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
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
