/**
 * The HTTP request a database statement runs for, as an AbortSignal carried by AsyncLocalStorage (the server's
 * request-abort middleware opens the scope; nothing else has to pass it down). When the client goes away the
 * signal aborts: the statement running for it is cancelled on PostgreSQL, and no further statement starts
 * (guarded-pool.ts). Work outside a request (CLI, seeding, background jobs) has no scope; work that outlives
 * its request (a timer or a group commit started during it) is no longer tied to it once the handler is done.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  signal: AbortSignal;
  /** Until the handler has answered. */
  active: boolean;
}

const storage = new AsyncLocalStorage<Scope>();

/** Runs `fn` (and everything it awaits) with `signal` as the current request's abort signal. */
export async function runWithAbortSignal<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { signal, active: true };
  try {
    return await storage.run(scope, fn);
  } finally {
    scope.active = false;
  }
}

/** The abort signal of the request this code runs for, while that request is being handled. */
export function currentAbortSignal(): AbortSignal | undefined {
  const scope = storage.getStore();
  return scope?.active ? scope.signal : undefined;
}
