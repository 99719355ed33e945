/**
 * Slow-query guard (issue 15 item 4), over real HTTP: the database opened as `serve` opens it, with the statement
 * timeout from QIHUANG_STATEMENT_TIMEOUT_MS (PGlite in its worker thread), 3,000 Observations, and ten searches
 * that would run long (many sort keys, repeated keys, wide date and value ranges) sent at once. Each must answer
 * 200, a clear 4xx or a 503 within the timeout plus a margin, never a 500; `/healthz` keeps answering meanwhile;
 * afterwards no statement is left running on PostgreSQL and an ordinary search works.
 */
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@qihuang/config';
import { openDatabase, type Database, type DatabaseKind } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from '../build-app.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const TIMEOUT_MS = 250;
/** Request handling around the statement (HTTP, JSON, a second short statement) on a busy two-core machine. */
const MARGIN_MS = 2500;
const OBSERVATIONS = 3000;

const HEAVY: readonly string[] = [
  `_sort=${Array(20).fill('date').join(',')}`,
  `_sort=${Array(500).fill('-date').join(',')}`,
  '_sort=-date,code,value-quantity,status,subject,_lastUpdated,category,performer&_count=1000',
  'date=ge1900-01-01&date=le2100-12-31&_sort=-date,code,value-quantity&_count=1000',
  'value-quantity=ge0&_sort=-value-quantity,-date&_count=1000',
  'date=ge1900-01-01&_sort=code,-date&_count=1000&_offset=2000',
  'code:text=heart&_sort=-date,-value-quantity&_count=1000',
  'subject:missing=false&_sort=-_lastUpdated,date&_count=1000',
  'date=ge1900-01-01&value-quantity=lt1000&_sort=status,-date,code&_count=1000',
  '_sort=-date&_count=1000&_total=accurate',
];

interface Stack {
  database: Database;
  built: BuiltApp;
  server: ServerType;
  base: string;
  url?: string;
  close(): Promise<void>;
}

async function open(kind: DatabaseKind): Promise<Stack> {
  const config = loadConfig({
    QIHUANG_DEMO: '0',
    QIHUANG_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS),
    QIHUANG_PGLITE_WORKER: '1',
  });
  expect(config.statementTimeoutMs).toBe(TIMEOUT_MS);
  let url: string | undefined;
  let drop = async () => undefined as void;
  // As start-server.ts opens it.
  const options = { statementTimeoutMs: config.statementTimeoutMs, pgliteWorker: config.pgliteWorker };
  let database: Database;
  if (kind === 'postgres') {
    const target = await createPostgresTestDatabase();
    url = target.url;
    drop = target.drop;
    database = await openDatabase({ migrations: MIGRATIONS, url, poolSize: 10, ...options });
  } else {
    database = await openDatabase({ migrations: MIGRATIONS, memory: true, ...options });
  }
  const built = await buildApp({
    config,
    database,
    log: pino({ level: 'silent' }),
    version: 'test',
    authentication: 'disabled',
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    database,
    built,
    server,
    base,
    ...(url ? { url } : {}),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await built.close();
      await database.close();
      await drop();
    },
  };
}

async function seed(stack: Stack): Promise<void> {
  for (let start = 0; start < OBSERVATIONS; start += 500) {
    const entry = Array.from({ length: 500 }, (_, i) => {
      const n = start + i;
      return {
        resource: {
          resourceType: 'Observation',
          status: n % 7 ? 'final' : 'amended',
          code: {
            coding: [{ system: 'http://loinc.org', code: n % 2 ? '8867-4' : '8480-6' }],
            text: 'heart rate',
          },
          subject: { reference: `Patient/slow-${n % 50}` },
          effectiveDateTime: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString(),
          valueQuantity: { value: 50 + (n % 100), unit: '/min' },
        },
        request: { method: 'POST', url: 'Observation' },
      };
    });
    // Seeding is not under test: it may take longer than the statement timeout, so it goes around the server.
    const response = await stack.built.app.request('http://localhost/fhir/R4', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  }
}

describe.each(DATABASE_KINDS)('slow-query guard on %s', (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await open(kind);
    await seed(stack);
  });
  afterAll(async () => stack?.close());

  it('heavy searches answer 200, a clear 4xx or 503 within the timeout plus a margin; /healthz keeps answering', async () => {
    let searching = true;
    const health: number[] = [];
    const healthStatuses = new Set<number>();
    const probe = (async () => {
      while (searching) {
        const t0 = performance.now();
        const response = await fetch(`${stack.base}/healthz`);
        await response.text();
        health.push(performance.now() - t0);
        healthStatuses.add(response.status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all(
      HEAVY.map(async (query) => {
        const t0 = performance.now();
        try {
          // Given up (and failed) well after the bound, so a search that runs for minutes fails the test in time.
          const response = await fetch(`${stack.base}/fhir/R4/Observation?${query}`, {
            signal: AbortSignal.timeout(TIMEOUT_MS + MARGIN_MS + 5000),
          });
          const body = await response.text();
          return { query, status: response.status, ms: performance.now() - t0, body };
        } catch (error) {
          return { query, status: 0, ms: performance.now() - t0, body: String(error) };
        }
      }),
    );
    searching = false;
    await probe;

    const sorted = [...health].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    console.log(
      `[security] slow-query guard on ${kind}: ${answers.map((a) => `${a.status}/${Math.round(a.ms)}ms`).join(' ')}; ` +
        `/healthz ${health.length} probes, p99 ${Math.round(p99)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
    );
    for (const a of answers) {
      expect([200, 400, 403, 413, 422, 503], `${a.query} → ${a.status} ${a.body.slice(0, 200)}`).toContain(
        a.status,
      );
      if (a.status !== 200) expect(a.body, a.query).toMatch(/"resourceType":"OperationOutcome"/);
      expect(a.ms, `${a.query} took ${Math.round(a.ms)} ms`).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    }
    expect([...healthStatuses]).toEqual([200]);
    expect(health.length).toBeGreaterThan(0);
    // The event loop stays free: the probe is never stuck behind a search.
    expect(sorted.at(-1)!).toBeLessThan(1000);
  });

  it('holds no statement past the timeout, and an ordinary search answers afterwards', async () => {
    if (kind === 'postgres') {
      const running = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
           and now() - query_start > ${`${TIMEOUT_MS + MARGIN_MS} milliseconds`}::interval`.execute(
        stack.database.db,
      );
      expect(running.rows[0]!.n).toBe(0);
    }
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${stack.base}/fhir/R4/Observation?_count=5&code=8867-4`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});
