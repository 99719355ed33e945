/** The repository's audit hook, backed by the audit log (packages/audit) once it is wired in. */
import type { RepositoryHooks, Database } from '@qihuang/store';

export async function createAuditHook(database: Database): Promise<RepositoryHooks['audit']> {
  void database;
  return undefined;
}
