// @ts-check
/**
 * The embedded database (PGlite) in a worker thread, so that a long statement never blocks the server's event
 * loop (issue 15 item 4; docs/decisions/0003-no-request-stalls-the-server.md). Plain JavaScript on purpose:
 * Node 20 worker threads do not inherit the TypeScript loader of the main thread. The main side is
 * pglite-remote.ts; the wire format (one postgres protocol message in, the backend messages out) is what
 * `@electric-sql/pglite/node-postgres` asks of a PGlite instance (execProtocolStream).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs as a worker thread');

/** @type {{ dataDir?: string }} */
const options = workerData ?? {};

/** Backend messages as plain objects (an error message is an Error: its own fields are copied by hand). */
function plain(/** @type {any} */ message) {
  if (message instanceof Error) return { ...message, message: message.message, name: 'error' };
  return message;
}

let queue = Promise.resolve();

try {
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm, vector } });
  port.on('message', (/** @type {any} */ request) => {
    if (request.type === 'exec') {
      queue = queue.then(async () => {
        try {
          const messages = await pglite.execProtocolStream(request.message, {
            throwOnError: false,
            ...(request.syncToFs === undefined ? {} : { syncToFs: request.syncToFs }),
          });
          port.postMessage({ type: 'result', id: request.id, messages: messages.map(plain) });
        } catch (error) {
          port.postMessage({ type: 'result', id: request.id, error: String(error) });
        }
      });
    } else if (request.type === 'close') {
      queue = queue.then(async () => {
        await pglite.close();
        port.postMessage({ type: 'closed' });
        port.close();
      });
    }
  });
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
