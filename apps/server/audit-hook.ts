/** The repository's audit hook for commands that open the database directly (e.g. `qihuang import`). */
import { createAuditLog } from '@qihuang/audit';
import type { Database, RepositoryHooks } from '@qihuang/store';

export async function createAuditHook(database: Database): Promise<RepositoryHooks['audit']> {
  void database;
  const audit = createAuditLog();
  return async (executor, ctx, record) => void (await audit.append(executor, ctx, record));
}
