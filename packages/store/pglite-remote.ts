/**
 * Main-thread side of the PGlite worker (pglite-worker.mjs): a PGlite-like object with the two members the
 * node-postgres adapter (`createPgConfig` from `@electric-sql/pglite/node-postgres`) uses — `waitReady` and
 * `execProtocolStream(message, { throwOnError: false })` — answered by the worker over a MessagePort. The
 * adapter sends one message at a time, so requests are answered in order. Error messages come back as plain
 * objects and are rebuilt as pg's DatabaseError (code, severity, detail …) for the callers.
 */
import { Worker } from 'node:worker_threads';
import pg from 'pg';

type BackendMessage = { name: string; [field: string]: unknown };

export interface RemotePglite {
  readonly waitReady: Promise<void>;
  execProtocolStream(
    message: Uint8Array,
    options?: { syncToFs?: boolean; throwOnError?: boolean },
  ): Promise<BackendMessage[]>;
  close(): Promise<void>;
}

type Reply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'closed' }
  | { type: 'result'; id: number; messages?: BackendMessage[]; error?: string };

function revive(message: BackendMessage): BackendMessage {
  if (message.name !== 'error') return message;
  const {
    message: text,
    length,
    ...fields
  } = message as BackendMessage & { message: string; length: number };
  return Object.assign(new pg.DatabaseError(text, length, 'error'), fields) as unknown as BackendMessage;
}

/** Starts the worker on `dataDir` (undefined: in memory) and waits until the database is open. */
export async function startPgliteWorker(dataDir: string | undefined): Promise<RemotePglite> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir },
  });
  const pending = new Map<number, { resolve(m: BackendMessage[]): void; reject(e: Error): void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  let onClosed: (() => void) | undefined;
  // Idle, the worker does not keep the process alive; a statement in flight does.
  worker.unref();
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };
  let closing = false;
  const fail = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };
  // After close() nobody waits for an answer any more (the pool's connection has ended): pending requests
  // end with no messages instead of an error that the ended connection would re-emit unheard.
  const drop = (error: Error) => {
    stopped ??= error;
    for (const { resolve } of pending.values()) resolve([]);
    pending.clear();
  };

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if (reply.type === 'ready') resolve();
      else if (reply.type === 'failed') reject(new Error(reply.message));
      else if (reply.type === 'closed') onClosed?.();
      else if (reply.type === 'result') {
        const waiter = pending.get(reply.id);
        pending.delete(reply.id);
        settle();
        if (!waiter) return;
        if (reply.error !== undefined) waiter.reject(new Error(reply.error));
        else waiter.resolve((reply.messages ?? []).map(revive));
      }
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`The embedded database worker stopped (exit code ${code})`);
      reject(error);
      if (closing) drop(error);
      else fail(error);
      onClosed?.();
    });
  });
  await ready;

  return {
    waitReady: ready,
    execProtocolStream(message, options = {}) {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise<BackendMessage[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        // A copy of exactly the message (pg's buffers can be views of a shared slab), moved, not cloned.
        const bytes = new Uint8Array(message);
        worker.postMessage({ type: 'exec', id, message: bytes, syncToFs: options.syncToFs }, [bytes.buffer]);
      });
    },
    close: async () => {
      if (stopped || closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => (onClosed = resolve));
      worker.ref();
      worker.postMessage({ type: 'close' });
      await closed;
      drop(new Error('The embedded database is closed'));
      await worker.terminate();
    },
  };
}
