/**
 * The HTTP request a database statement runs for, as an AbortSignal carried by AsyncLocalStorage (the server's
 * request-abort middleware opens the scope; nothing else has to pass it down). When the client goes away the
 * signal aborts: the statement running for it is cancelled on PostgreSQL, and no further statement starts
 * (guarded-pool.ts). Work outside a request (CLI, seeding, background jobs) has no scope.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` (and everything it awaits) with `signal` as the current request's abort signal. */
export function runWithAbortSignal<T>(signal: AbortSignal, fn: () => T): T {
  return scope.run(signal, fn);
}

/** The abort signal of the request this code runs for, if any. */
export function currentAbortSignal(): AbortSignal | undefined {
  return scope.getStore();
}
