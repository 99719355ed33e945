/**
 * Starts the server: configuration → database (migrated) → first-start admin and demo data → HTTP listener,
 * with graceful shutdown on SIGINT/SIGTERM (stop accepting, finish requests, close the database).
 */
import { serve, type ServerType } from '@hono/node-server';
import { createCheckpointWriter } from '@qihuang/audit';
import type { Config } from '@qihuang/config';
import { QihuangError, SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { ensureInitialAdmin } from '@qihuang/identity';
import { analyzeGrownTables, openDatabase, type DatabaseEvent } from '@qihuang/store';
import type { Logger } from 'pino';
import { answerClientErrors } from './client-errors.ts';
import { createLogger } from './logging.ts';
import { buildApp } from './build-app.ts';
import { MIGRATIONS } from '@qihuang/migrations';

export const VERSION = '0.1.0';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  log.info(
    { database: config.databaseUrl ? 'postgres' : 'pglite' },
    config.databaseUrl ? 'opening the database' : `opening the embedded database in ${config.dataDir}`,
  );
  const database = await openDatabase({
    migrations: MIGRATIONS,
    url: config.databaseUrl,
    dataDir: config.dataDir,
    // No request holds the database past the timeout; the embedded one never blocks the event loop.
    statementTimeoutMs: config.statementTimeoutMs || undefined,
    poolSize: config.dbPoolSize,
    pgliteWorker: config.pgliteWorker,
    onEvent: (event) => logDatabaseEvent(log, event),
  });
  log.info({ database: database.kind, location: database.location }, 'database ready');
  // What this process applied (a replica that waited on the migration lock applied none).
  const applied = database.appliedMigrations;
  log.info(
    { migrations: applied },
    applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date',
  );
  const built = await buildApp({ config, database, log, version: VERSION });
  const admin = await ensureInitialAdmin(database.db, { password: config.adminPassword });
  if (admin.created && admin.generatedPassword) {
    // Printed once, on the console only (never into the structured log).
    process.stderr.write(
      `\n  First start: created user "admin" with password  ${admin.generatedPassword}\n  Sign in at the console and change it; set QIHUANG_ADMIN_PASSWORD to choose it instead.\n\n`,
    );
  } else if (admin.created) {
    log.info('created user admin with the password from QIHUANG_ADMIN_PASSWORD');
  }
  if (admin.created) {
    // Audited like any user creation: a store with users and an empty audit chain fails `audit verify`.
    await built.audit.append(
      database.db,
      { requestId: 'start', principal: SYSTEM_PRINCIPAL },
      {
        action: 'admin',
        outcome: 'success',
        resourceType: 'User',
        patientIds: [],
        detail: { operation: 'users.create-initial-admin' },
      },
    );
  }
  const checkpoints =
    config.auditCheckpointFile || config.auditCheckpointUrl
      ? createCheckpointWriter({
          db: database.db,
          file: config.auditCheckpointFile,
          webhookUrl: config.auditCheckpointUrl,
          webhookSecret: config.auditCheckpointSecret,
          intervalMs: config.auditCheckpointIntervalSeconds * 1000,
          onError: (target, error) =>
            log.warn({ target, reason: (error as Error).message }, 'audit checkpoint not written (retried)'),
          onRewound: (previous, head) =>
            log.error(
              { checkpointSeq: previous.seq, headSeq: head.seq },
              'audit chain head moved back behind an exported checkpoint: entries were removed (run audit verify --checkpoints)',
            ),
        })
      : undefined;
  checkpoints?.start();
  void checkpoints?.writeNow().catch(() => undefined); // anchor the head at start-up too
  let server: ServerType;
  try {
    server = await listen(built.app.fetch, config, log);
  } catch (error) {
    // The port is taken or not ours to use (issue 21: a Node crash dump): one line, and nothing left open.
    await checkpoints?.stop();
    await built.close();
    await database.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // The demo accounts are created while the demo data loads (seconds after this line): say so here.
  if (config.demo)
    process.stderr.write(
      '\n  Demo data loads in the background; on the first start the demo accounts (clinician, pharmacist and patient passwords)' +
        ' are printed below when it is ready.\n\n',
    );
  log.info({ url }, 'listening');
  let seeding: Promise<void> = Promise.resolve();
  if (config.demo) {
    // Demo data loads after the listener is up, so the console answers at once; /readyz waits for it.
    built.setReady(false);
    seeding = (async () => {
      const { seedDemoData } = await import('@qihuang/demo');
      const started = performance.now();
      const result = await seedDemoData(
        built.repository,
        { requestId: 'seed', principal: SYSTEM_PRINCIPAL },
        new Date(),
      );
      // Planner statistics for the seeded tables (packages/store/table-statistics.ts).
      await analyzeGrownTables(database.db);
      // Knowledge packs (guideline summary, drug monographs): re-ingesting unchanged documents is skipped.
      const { loadKnowledgePacks } = await import('@qihuang/knowledge');
      await loadKnowledgePacks(database.db, { knowledge: built.knowledge });
      if (result.seeded) {
        const { seedCareDemo } = await import('./demo-care.ts');
        const accounts = await seedCareDemo({
          repository: built.repository,
          identity: built.identity,
          care: built.care,
        });
        if (accounts) {
          // Printed once, on the console only (never into the structured log).
          process.stderr.write(
            `\n  Demo accounts: clinician "${accounts.clinician.username}" / ${accounts.clinician.password}` +
              `   pharmacist "${accounts.pharmacist.username}" / ${accounts.pharmacist.password}` +
              `   patient "${accounts.patient.username}" / ${accounts.patient.password}` +
              ` (Patient/${accounts.patient.patientId}); ${accounts.carePlans} demo care plans\n\n`,
          );
        }
        log.info(
          {
            resources: result.summary?.resources,
            homeReadings: result.homeReadings,
            rejected: result.summary?.rejected.length,
            // Which file (and entry or line) failed, not only how many.
            ...(result.summary?.rejected.length ? { rejections: result.summary.rejected.slice(0, 20) } : {}),
            seconds: Math.round((performance.now() - started) / 100) / 10,
          },
          'demo data loaded',
        );
      }
    })()
      .catch((error: unknown) => log.error({ err: error }, 'demo data could not be loaded'))
      .finally(() => built.setReady(true));
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      log.info('shutting down');
      built.bpAlerts.hub.close(); // live alert streams end, or server.close() would wait for them
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await seeding;
      await checkpoints?.stop(); // the last head, before the database closes
      await built.close();
      await database.close();
      log.info('stopped');
      log.flush?.();
    })());
  return { url, close };
}

/** The HTTP listener; a port in use or not permitted is refused with one line (QihuangError 'unavailable'). */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  config: Config,
  log: Logger,
) {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => {
      s.off('error', refuse);
      resolve(s);
    });
    function refuse(error: NodeJS.ErrnoException): void {
      const where = `${config.host}:${config.port}`;
      const message =
        error.code === 'EADDRINUSE'
          ? `port ${config.port} is in use on ${config.host} (another server is listening there): stop it, or choose another port with PORT or --port`
          : error.code === 'EACCES'
            ? `port ${config.port} may not be used by this user: choose a port above 1023 with PORT or --port`
            : `cannot listen on ${where}: ${error.message}`;
      s.close();
      reject(new QihuangError('unavailable', message));
    }
    s.once('error', refuse);
    // Requests Node's HTTP parser refuses (a raw UTF-8 query string, a malformed header) get a JSON answer and
    // a log line instead of Node's empty 400.
    answerClientErrors(s, log);
  });
}

/** Start-up lines for what takes time (a first start initialises the embedded database) or was changed. */
function logDatabaseEvent(log: Logger, event: DatabaseEvent): void {
  if (event.type === 'initialising')
    log.info(
      { dataDir: event.dir },
      'first start: initialising the embedded database and applying migrations (about a minute)',
    );
  else if (event.type === 'migrating')
    log.info({ pending: event.pending }, `applying database migrations (${event.pending} pending)`);
  else
    log.warn(
      { dataDir: event.dir, previousMode: event.previousMode?.toString(8), tightened: event.tightened },
      `data directory ${event.dir} was open to other users` +
        `${event.previousMode !== undefined ? ` (mode ${event.previousMode.toString(8)})` : ''}: set to 0700, ` +
        `${event.tightened} file(s) made private`,
    );
}
