/**
 * A request aborted while its transaction runs (the browser navigated away) must leave the connection as it
 * found it: the transaction rolled back, the next caller served. Seen on the embedded database under load
 * (2026-12-06): the guard refused the ROLLBACK of an aborted request, the connection was discarded with the
 * transaction still open in PGlite's single session (every later statement failed with 25P02), and the
 * statement still in flight answered into the pool's next client ("unexpected parseComplete"), which crashed
 * the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { openDatabase, runWithAbortSignal, type Database } from '@qihuang/store';
import { migrations as STORE_MIGRATIONS } from './migrations/index.ts';

type Variant = 'pglite' | 'pglite-worker' | 'postgres';
const VARIANTS: Variant[] = [
  'pglite',
  'pglite-worker',
  ...(DATABASE_KINDS.includes('postgres') ? (['postgres'] as const) : []),
];

async function open(variant: Variant): Promise<Database> {
  if (variant === 'pglite-worker')
    return openDatabase({ migrations: STORE_MIGRATIONS, memory: true, pgliteWorker: true });
  return openTestDatabase(variant);
}

describe.each(VARIANTS)('a request aborted inside a transaction on %s', (variant) => {
  let database: Database;
  const table = `abort_tx_${process.pid}`;
  beforeAll(async () => {
    database = await open(variant);
    await sql`create table if not exists ${sql.table(table)} (n int)`.execute(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('rolls the transaction back and the next caller is served', async () => {
    // pg warns when a statement is queued behind one still running on the same client (its next major
    // version refuses it): a statement nobody waits for any more must still own its client until it ends.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    for (let round = 0; round < 3; round++) {
      const controller = new AbortController();
      const work = runWithAbortSignal(controller.signal, () =>
        database.db.transaction().execute(async (tx) => {
          await sql`insert into ${sql.table(table)} values (1)`.execute(tx);
          setTimeout(() => controller.abort(), 40);
          await sql`select pg_sleep(0.25)`.execute(tx);
          // In process, PGlite's sleep blocks the event loop: the abort lands here, before the next statement.
          await new Promise((resolve) => setTimeout(resolve, 60));
          await sql`insert into ${sql.table(table)} values (2)`.execute(tx);
        }),
      );
      await expect(work).rejects.toMatchObject({ code: 'unavailable' });
      // Outside the aborted request: no open transaction is left behind, and nothing of it was kept.
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        database.db,
      );
      expect(rows).toEqual([{ n: 0 }]);
    }
    // Several statements in a row after the aborts all succeed (PGlite has one session for everybody).
    for (let i = 0; i < 5; i++) {
      const { rows } = await sql<{ n: number }>`select ${i}::int as n`.execute(database.db);
      expect(rows).toEqual([{ n: i }]);
    }
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  }, 60_000);
});
