/**
 * Two server replicas started together on a fresh PostgreSQL database: one applies the migrations, the other
 * waits on the migration lock and applies none — and each reports only what it applied (the start-up log says
 * "migrations applied: …" once and "schema up to date" once; docs/operations.md, "Upgrading").
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@qihuang/store';
import { POSTGRES_TEST_URL, createPostgresTestDatabase } from '@qihuang/test-kit';
import { MIGRATIONS } from './index.ts';

// PostgreSQL only: the embedded database belongs to one process (no replicas).
describe.skipIf(!POSTGRES_TEST_URL)('replicas starting together', () => {
  it('each reports the migrations it applied itself; together every one once', async () => {
    const fresh = await createPostgresTestDatabase();
    try {
      const events: string[][] = [[], []];
      const open = (i: number) =>
        openDatabase({
          url: fresh.url,
          poolSize: 2,
          statementTimeoutMs: i === 0 ? 30_000 : undefined, // both open paths
          migrations: MIGRATIONS,
          onEvent: (e) => void events[i]!.push(e.type),
        });
      const [a, b] = await Promise.all([open(0), open(1)]);
      try {
        const applied = [a.appliedMigrations, b.appliedMigrations];
        expect([...applied[0]!, ...applied[1]!].sort()).toEqual(Object.keys(MIGRATIONS));
        expect(applied.filter((list) => list.length === 0)).toHaveLength(1);
        const reopened = await openDatabase({ url: fresh.url, poolSize: 1, migrations: MIGRATIONS });
        expect(reopened.appliedMigrations).toEqual([]);
        await reopened.close();
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
