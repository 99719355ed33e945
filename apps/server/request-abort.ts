/**
 * Runs each request inside a request scope carrying its AbortSignal (the client closed the connection before
 * the answer), so that the database layer cancels the statement running for it and starts no other
 * (packages/store/request-scope.ts, guarded-pool.ts; issue 15 item 4).
 */
import type { MiddlewareHandler } from 'hono';
import { runWithAbortSignal } from '@qihuang/store';

export const requestAbort: MiddlewareHandler = (c, next) => runWithAbortSignal(c.req.raw.signal, next);
