/**
 * Error logs carry no data values (issue 15 item 12: a patient name reached the log through a database error's
 * `where` field): class, code/SQLSTATE, status, stack frames and the request id — never the message, `where`,
 * `detail`, parameters or bodies. Checked with real database errors on both databases, through the logger's
 * `err` serializer and through the app's error handler.
 */
import { Hono } from 'hono';
import { QihuangError } from '@qihuang/contracts';
import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@qihuang/store';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository } from '@qihuang/store';
import { createApp } from './app.ts';
import { createLogger, safeError } from './logging.ts';

const NAME = 'Zhang San';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, log: createLogger('info', stream) };
}

describe.each(DATABASE_KINDS)('error logging on %s', (kind) => {
  let database: Database;
  const errors: Record<string, unknown> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const fail = async (name: string, query: Promise<unknown>) => {
      try {
        await query;
      } catch (error) {
        errors[name] = error;
      }
    };
    // A JSON cast error quotes the input in `where`; a range error quotes the value in the message.
    await fail('json', sql`select ${`{"name":[{"family":"${NAME}\\ud800"}]}`}::jsonb`.execute(database.db));
    await fail('range', sql`select ${'99999999999999999999'}::bigint`.execute(database.db));
    await fail('nul', sql`select ${`${NAME}\u0000`}::text`.execute(database.db));
  });
  afterAll(async () => database.close());

  it('the database errors do carry the data (so the test can fail)', () => {
    expect(Object.keys(errors).sort()).toEqual(['json', 'nul', 'range']);
    const json = errors['json'] as { where?: string; code?: string };
    expect(json.where).toContain(NAME);
    expect(String((errors['range'] as Error).message)).toContain('99999999999999999999');
  });

  it('the logger’s err serializer keeps class, SQLSTATE and stack frames only', () => {
    const { lines, log } = capture();
    for (const [name, error] of Object.entries(errors))
      log.child({ requestId: `r-${name}` }).error({ err: error }, 'failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(NAME);
      expect(line).not.toContain('99999999999999999999');
      expect(line).not.toMatch(/"(where|detail|hint|message|internalQuery|parameters)":/);
      const entry = JSON.parse(line) as {
        requestId: string;
        err: { type: string; sqlState?: string; stack?: string };
      };
      expect(entry.requestId).toMatch(/^r-/);
      expect(entry.err.sqlState).toMatch(/^[0-9A-Z]{5}$/);
      expect(entry.err.type).toBeTruthy();
    }
    const range = JSON.parse(lines[1]!) as { err: { sqlState: string } };
    expect(range.err.sqlState).toBe('22003'); // numeric_value_out_of_range
  });

  it('the app’s error handler logs safeError for a 500, with the request id', async () => {
    const { lines, log } = capture();
    const routes = new Hono();
    routes.get('/boom', () => {
      throw errors['json'];
    });
    const app = createApp({
      database,
      repository: new FhirRepository(database.db),
      log,
      version: 'test',
      bodyLimitBytes: 1024,
      corsOrigins: [],
      mounts: [{ path: '/api/test', routes }],
    });
    const response = await app.request('http://localhost/api/test/boom', {
      headers: { 'x-request-id': 'req-42' },
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(NAME);
    const failed = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e['msg'] === 'request failed');
    expect(failed).toMatchObject({ requestId: 'req-42', error: { sqlState: '22P02' } });
    expect(lines.join('\n')).not.toContain(NAME);
  });

  it('a request whose client went away is logged as 499 at info, not as a server error', async () => {
    const { lines, log } = capture();
    const routes = new Hono();
    const controller = new AbortController();
    routes.get('/slow', () => {
      controller.abort();
      throw new QihuangError('unavailable', 'The request was cancelled: the client closed the connection');
    });
    const app = createApp({
      database,
      repository: new FhirRepository(database.db),
      log,
      version: 'test',
      bodyLimitBytes: 1024,
      corsOrigins: [],
      mounts: [{ path: '/api/test', routes }],
    });
    await app.request(new Request('http://localhost/api/test/slow', { signal: controller.signal }));
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.find((e) => e['msg'] === 'request')).toMatchObject({ status: 499, level: 30 });
    expect(entries.filter((e) => Number(e['level']) >= 50)).toEqual([]);
  });

  it('safeError follows the cause chain and keeps Node error codes', () => {
    const inner = Object.assign(new Error(`connect failed for ${NAME}`), { code: 'ECONNRESET' });
    const outer = new Error(`wrapped ${NAME}`, { cause: inner });
    const safe = safeError(outer);
    expect(JSON.stringify(safe)).not.toContain(NAME);
    expect(safe).toMatchObject({ type: 'Error', cause: { type: 'Error', code: 'ECONNRESET' } });
  });
});
