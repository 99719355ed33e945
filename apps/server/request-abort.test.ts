/**
 * Slow-query guard (issue 15 item 4): no request holds the database past the statement timeout — a search
 * forced slow answers 503 with an OperationOutcome (issue "timeout"), on PostgreSQL and on the embedded
 * database in its worker — and a client that disconnects cancels its statement on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from './build-app.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const TIMEOUT_MS = 300;
const SEARCH = '/fhir/R4/Observation?date=ge2000-01-01&_sort=-date,code,status';

interface Stack {
  database: Database;
  built: BuiltApp;
  url?: string;
  drop(): Promise<void>;
}

async function open(kind: DatabaseKind, statementTimeoutMs: number | undefined): Promise<Stack> {
  let url: string | undefined;
  let drop: () => Promise<void> = async () => undefined;
  let database: Database;
  if (kind === 'postgres') {
    const target = await createPostgresTestDatabase();
    url = target.url;
    drop = target.drop;
    database = await openDatabase({ migrations: MIGRATIONS, url, poolSize: 4, statementTimeoutMs });
  } else {
    database = await openDatabase({
      migrations: MIGRATIONS,
      memory: true,
      pgliteWorker: true,
      statementTimeoutMs,
    });
  }
  const built = await buildApp({
    config: loadConfig({ QIHUANG_DEMO: '0' }),
    database,
    log: pino({ level: 'silent' }),
    version: 'test',
    authentication: 'disabled',
  });
  return {
    database,
    built,
    url,
    drop: async () => {
      await built.close();
      await database.close();
      await drop();
    },
  };
}

describe.each(DATABASE_KINDS)('slow-query guard on %s', (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await open(kind, TIMEOUT_MS);
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('a search forced slow answers 503 with an OperationOutcome naming the timeout, within the limit', async () => {
    // Forced slow: PostgreSQL — another session holds the table; PGlite — the worker is busy with a long statement.
    let release: () => Promise<void>;
    if (kind === 'postgres') {
      const blocker = new pg.Client({ connectionString: stack.url });
      await blocker.connect();
      await blocker.query('begin; lock table fhir_resource in access exclusive mode');
      release = async () => {
        await blocker.query('rollback');
        await blocker.end();
      };
    } else {
      const busy = sql`select count(*) from generate_series(1, 5000000)`
        .execute(stack.database.db)
        .catch(() => undefined);
      release = async () => void (await busy);
    }
    try {
      const started = performance.now();
      const response = await stack.built.app.request(`http://localhost${SEARCH}`);
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      const outcome = (await response.json()) as {
        resourceType: string;
        issue: { code: string; diagnostics?: string }[];
      };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]?.code).toBe('timeout');
      expect(outcome.issue[0]?.diagnostics).toMatch(/300 ms/);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
    } finally {
      await release();
    }
    // Once the database is free (PGlite: the worker has finished the long statement), the same search answers.
    let status = 0;
    for (let i = 0; i < 300 && status !== 200; i++) {
      status = (await stack.built.app.request(`http://localhost${SEARCH}`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});

describe.skipIf(!DATABASE_KINDS.includes('postgres'))('client disconnect on PostgreSQL', () => {
  let stack: Stack;
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    stack = await open('postgres', undefined); // no timeout: only the disconnect can end the statement
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: stack.built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await stack?.drop();
  });

  it('cancels the statement of a request whose client went away', async () => {
    const admin = new pg.Client({ connectionString: stack.url });
    await admin.connect();
    const blocker = new pg.Client({ connectionString: stack.url });
    await blocker.connect();
    await blocker.query('begin; lock table fhir_resource in access exclusive mode');
    const waiting = async () =>
      (
        await admin.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database()
             and state = 'active' and wait_event_type = 'Lock' and query like '%fhir_resource%'`,
        )
      ).rows[0]!.n;
    try {
      const controller = new AbortController();
      const request = fetch(`${base}${SEARCH}`, { signal: controller.signal }).catch(() => undefined);
      let blocked = 0;
      for (let i = 0; i < 100 && blocked === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        blocked = await waiting();
      }
      expect(blocked).toBeGreaterThan(0); // the search waits on the lock
      controller.abort();
      await request;
      let left = blocked;
      for (let i = 0; i < 100 && left > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = await waiting();
      }
      expect(left).toBe(0); // cancelled while the lock is still held
    } finally {
      await blocker.query('rollback');
      await blocker.end();
      await admin.end();
    }
  });
});
