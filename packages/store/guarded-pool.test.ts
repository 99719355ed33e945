/**
 * Statement guard (issue 15 item 4): statement timeout → QihuangError 'unavailable' (never a raw database
 * error), cancel when the request is aborted, nothing started for an aborted request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { QihuangError } from '@qihuang/contracts';
import { createPostgresTestDatabase, DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { openDatabase, runWithAbortSignal, type Database } from '@qihuang/store';
import { migrations as STORE_MIGRATIONS } from './migrations/index.ts';

async function rejection(promise: Promise<unknown>): Promise<QihuangError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof QihuangError) return error;
    throw error;
  }
  throw new Error('expected a QihuangError');
}

describe.each(DATABASE_KINDS)('statement guard on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a request already aborted starts no statement', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      runWithAbortSignal(controller.signal, () => sql`select 1`.execute(database.db)),
    );
    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(error.issues[0]?.code).toBe('incomplete');
    // Outside the aborted request the database answers as before.
    const { rows } = await sql<{ n: number }>`select 1 as n`.execute(database.db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('work that outlives its request (a timer set during it) is not refused when the request is aborted later', async () => {
    const controller = new AbortController();
    let later: Promise<unknown> = Promise.resolve();
    await runWithAbortSignal(controller.signal, async () => {
      later = new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
        sql<{ n: number }>`select 3 as n`.execute(database.db),
      );
    });
    controller.abort();
    await expect(later).resolves.toMatchObject({ rows: [{ n: 3 }] });
  });
});

describe.skipIf(!DATABASE_KINDS.includes('postgres'))('statement guard on PostgreSQL', () => {
  let target: { url: string; drop(): Promise<void> };
  let database: Database;
  beforeAll(async () => {
    target = await createPostgresTestDatabase();
    database = await openDatabase({
      migrations: STORE_MIGRATIONS,
      url: target.url,
      poolSize: 3,
      statementTimeoutMs: 400,
    });
  });
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  const running = async (pattern: string) => {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where state = 'active' and query like $1 and pid <> pg_backend_pid()`,
        [pattern],
      );
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  };

  it('a statement past the timeout answers a clear 503 (OperationOutcome issue "timeout"), not a 500', async () => {
    const started = performance.now();
    const error = await rejection(sql`select pg_sleep(5)`.execute(database.db));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/400 ms/);
    expect(error.issues[0]?.code).toBe('timeout');
    expect(await running('select pg_sleep(5)%')).toBe(0);
  });

  it('the timeout is the statement_timeout of the pooled connections', async () => {
    const { rows } = await sql<{
      statement_timeout: string;
    }>`select current_setting('statement_timeout') as statement_timeout`.execute(database.db);
    expect(rows[0]!.statement_timeout).toBe('400ms');
  });

  it('aborting the request cancels its running statement on the server, and the connection is reusable', async () => {
    // Without a timeout, so that only the cancel can end the statement.
    const unlimited = await openDatabase({ url: target.url, poolSize: 1, migrate: false });
    try {
      const controller = new AbortController();
      const started = performance.now();
      const query = runWithAbortSignal(controller.signal, () =>
        sql`select pg_sleep(10) as marker_abort_test`.execute(unlimited.db),
      );
      setTimeout(() => controller.abort(), 200);
      const error = await rejection(query);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(error.code).toBe('unavailable');
      expect(error.issues[0]?.code).toBe('incomplete');
      expect(await running('%marker_abort_test%')).toBe(0);
      // The same (only) connection serves the next statement.
      const { rows } = await sql<{ n: number }>`select 2 as n`.execute(unlimited.db);
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await unlimited.close();
    }
  });
});
