/**
 * Wires the packages into one app: repository with access and audit hooks, and every mount. The only place
 * that knows all route families.
 */
import type { Logger } from 'pino';
import type { Config } from '@qihuang/config';
import { FhirRepository, type Database } from '@qihuang/store';
import { createApp, type Mount } from './app.ts';
import { consoleMiddleware } from './console-static.ts';
import type { Context, Hono } from 'hono';
import { BP_OPENAPI, createBpRoutes } from '@qihuang/bp-monitoring';
import { createCdsHooksRoutes } from '@qihuang/cds-hooks';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { CDS_OPENAPI } from './openapi-cds.ts';
import { requestContext, type AppEnv } from './context.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  log: Logger;
  version: string;
  clock?: () => Date;
}

export interface BuiltApp {
  app: Hono<AppEnv>;
  repository: FhirRepository;
  close(): Promise<void>;
  /** /readyz answers 503 while not ready (e.g. demo data still loading). */
  setReady(ready: boolean): void;
}

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, database, log } = options;
  const repository = new FhirRepository(database.db, { clock: options.clock });
  const mounts: Mount[] = [];
  const readiness = { ready: true };
  const context = (c: unknown) => requestContext(c as Context<AppEnv>);
  const clock = options.clock;
  mounts.push({ path: '/api/bp', routes: createBpRoutes({ repository, context, clock }), openapi: BP_OPENAPI });
  const drugKnowledge = createDrugKnowledgeBase();
  mounts.push({
    path: '/',
    public: true,
    routes: createCdsHooksRoutes({ kb: drugKnowledge, fetch: globalThis.fetch, ...(clock ? { now: clock } : {}) }),
    openapi: CDS_OPENAPI,
  });
  const app = createApp({
    database,
    repository,
    log,
    version: options.version,
    bodyLimitBytes: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    mounts,
    console: consoleMiddleware(),
    readiness,
  });
  return {
    app,
    repository,
    close: async () => undefined,
    setReady: (ready) => void (readiness.ready = ready),
  };
}
