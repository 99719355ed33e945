/**
 * The connection pool Kysely sees: node-postgres's, with every statement guarded (issue 15 item 4):
 *  - a statement cut off by the statement timeout (PostgreSQL: `statement_timeout`, error 57014) or cancelled
 *    becomes a QihuangError 'unavailable' (503 with an OperationOutcome at the FHIR edge), never a 500;
 *  - when the HTTP request it runs for is aborted (client disconnect, request-scope.ts), the statement is
 *    cancelled on PostgreSQL (`pg_cancel_backend` for the connection's backend, from a separate connection) and
 *    no further statement of that request starts;
 *  - optionally (the PGlite worker, which cannot interrupt a statement and ignores statement_timeout) the
 *    caller stops waiting after the timeout; the statement itself runs to its end in the worker.
 * The connection is handed back only after a cancel was delivered, so a cancel never reaches the next user.
 *
 * A ROLLBACK always runs, aborted request or not, and is waited for: refusing it left the transaction of an
 * aborted request open. On the embedded database (`sharedSession`: one PostgreSQL session behind every pool
 * client) a client is never discarded either: discarding does not end the session's transaction, and a
 * statement still in flight would answer into the pool's next client. It is rolled back and handed back
 * instead, behind whatever it still runs (a pg client runs its statements in order).
 */
import type pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import { currentAbortSignal } from './request-scope.ts';

export interface GuardOptions {
  /** The statement timeout in force, in ms (for the error message, and for `waitLimit`). */
  statementTimeoutMs?: number;
  /** Stop waiting for a statement after statementTimeoutMs (PGlite worker: nothing else enforces it). */
  waitLimit?: boolean;
  /** Cancels what the backend with this process id is running (PostgreSQL). */
  cancel?: (processId: number) => Promise<void>;
  /** Every pool client talks to the same session (PGlite): roll back instead of discarding a client. */
  sharedSession?: boolean;
}

export function timeoutError(timeoutMs: number | undefined): QihuangError {
  const message = `The database statement took longer than the limit${timeoutMs ? ` of ${timeoutMs} ms` : ''} (QIHUANG_STATEMENT_TIMEOUT_MS); narrow the request (filters, fewer _sort keys, a smaller _count) and try again`;
  return new QihuangError('unavailable', message, {
    issues: [{ severity: 'error', code: 'timeout', message }],
  });
}

function cancelledError(): QihuangError {
  const message = 'The request was cancelled: the client closed the connection';
  return new QihuangError('unavailable', message, {
    issues: [{ severity: 'error', code: 'incomplete', message }],
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

export function guardPool(pool: pg.Pool, options: GuardOptions): PostgresPool {
  return {
    connect: () => connect(pool, options),
    end: () => pool.end(),
  };
}

/**
 * A connection for the current request. Waiting for one counts against the same limits as a statement: the
 * wait limit (PGlite: its one client may be held by a statement nobody waits for any more) and the request's
 * abort; a client that arrives after the caller gave up goes straight back to the pool.
 */
async function connect(pool: pg.Pool, options: GuardOptions): Promise<PostgresPoolClient> {
  const signal = currentAbortSignal();
  throwIfAborted(signal);
  const limit = options.waitLimit ? options.statementTimeoutMs : undefined;
  const connecting = pool.connect();
  if (!limit && !signal) return guardClient(await connecting, options);
  return new Promise<PostgresPoolClient>((resolve, reject) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const giveUp = (error: QihuangError) => {
      if (done) return;
      finish();
      reject(error);
      connecting.then(
        (client) => client.release(),
        () => undefined,
      );
    };
    const onAbort = () => giveUp(cancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    if (limit) timer = setTimeout(() => giveUp(timeoutError(options.statementTimeoutMs)), limit);
    connecting.then(
      (client) => {
        if (done) return;
        finish();
        resolve(guardClient(client, options));
      },
      (error: unknown) => {
        if (done) return;
        finish();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function guardClient(client: pg.PoolClient, options: GuardOptions): PostgresPoolClient {
  // A statement the caller stopped waiting for (PGlite cannot interrupt one) still owns the client: nothing
  // else is sent, and the client is not handed back, until it has ended (pg does not queue behind it).
  const state: ClientState = { abandoned: undefined };
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    return run<R>(client, state, sqlOrCursor, parameters ?? [], options);
  }
  const handBack = async (destroy?: boolean) => {
    if (state.abandoned) await state.abandoned;
    if (destroy && options.sharedSession) {
      // Discarding a client would not end the shared session's transaction: it is rolled back instead.
      await client.query('rollback').catch(() => undefined);
      client.release();
    } else client.release(destroy);
  };
  const release = (destroy?: boolean) => {
    if (!state.abandoned && !(destroy && options.sharedSession)) return client.release(destroy);
    void handBack(destroy);
  };
  return { query, release };
}

interface ClientState {
  /** A statement still running that nobody waits for (settles, never rejects). */
  abandoned: Promise<void> | undefined;
}

const ROLLBACK = /^\s*rollback\b/i;

async function run<R>(
  client: pg.PoolClient,
  state: ClientState,
  text: string,
  parameters: ReadonlyArray<unknown>,
  options: GuardOptions,
): Promise<PostgresQueryResult<R>> {
  // Ending a transaction is never refused nor left behind, whatever became of the request.
  const rollback = ROLLBACK.test(text);
  if (state.abandoned) await state.abandoned;
  if (rollback)
    return (await client.query(text, parameters as unknown[])) as unknown as PostgresQueryResult<R>;
  const signal = currentAbortSignal();
  throwIfAborted(signal);
  let cancelled = false;
  let cancelling: Promise<void> | undefined;
  let stopWaiting: ((error: QihuangError) => void) | undefined;
  const onAbort = () => {
    cancelled = true;
    const processId = (client as unknown as { processID?: number | null }).processID;
    if (options.cancel && processId) cancelling = options.cancel(processId).catch(() => undefined);
    else stopWaiting?.(cancelledError());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  try {
    const running = client.query(text, parameters as unknown[]) as unknown as Promise<PostgresQueryResult<R>>;
    const limit = options.waitLimit ? options.statementTimeoutMs : undefined;
    if (!limit && !signal) return await running;
    const ended = running.then(
      () => undefined,
      () => undefined,
    );
    void ended.then(() => (settled = true));
    // The statement cannot be interrupted here: the caller may stop waiting; the result is then dropped.
    return await new Promise<PostgresQueryResult<R>>((resolve, reject) => {
      stopWaiting = (error) => {
        if (!settled) state.abandoned = ended.then(() => (state.abandoned = undefined));
        reject(error);
      };
      if (limit) timer = setTimeout(() => stopWaiting?.(timeoutError(options.statementTimeoutMs)), limit);
      running.then(resolve, reject);
    });
  } catch (error) {
    throw mapError(error, cancelled, options.statementTimeoutMs);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (cancelling) await cancelling;
  }
}

function mapError(error: unknown, cancelled: boolean, timeoutMs: number | undefined): unknown {
  if (error instanceof QihuangError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== '57014') return error; // query_canceled
  const message = error instanceof Error ? error.message : '';
  if (/statement timeout/i.test(message)) return timeoutError(timeoutMs);
  if (cancelled) return cancelledError();
  return new QihuangError('unavailable', 'The database statement was cancelled; try again', {
    issues: [{ severity: 'error', code: 'transient', message: 'statement cancelled' }],
  });
}
