/**
 * The one HTTP server: mounts every route family (FHIR, auth, admin, gateway, CDS Hooks, engines, console)
 * with request ids, structured logs, security headers, CORS, body limits and one error shape per mount.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { QihuangError, SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { toOpenAiError } from '@qihuang/gateway';
import { errorHandler, platformError } from '@qihuang/http-edge';
import type { Database, FhirRepository } from '@qihuang/store';
import { socketAddress, type AppEnv } from './context.ts';
import { createFhirRoutes, type FhirRouteDeps } from './fhir/fhir-routes.ts';
import { inputGuard, type InputLimits } from './input-guard.ts';
import { fhirError } from './fhir/fhir-error.ts';
import { safeError } from './logging.ts';
import { openApiDocument, type OpenApiPaths } from './openapi.ts';
import { requestAbort } from './request-abort.ts';

export interface Mount {
  path: string;
  // Each package's route factory has its own Env type; the mount does not care which.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes: Hono<any, any, any>;
  /** Whether the mount requires authentication (default true). */
  public?: boolean;
  openapi?: OpenApiPaths;
}

export interface AppDeps {
  database: Database;
  repository: FhirRepository;
  log: Logger;
  version: string;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Resolves the caller; absent = everyone is the local system user (only while bound to 127.0.0.1). */
  authenticate?: MiddlewareHandler<AppEnv>;
  auditEvents?: FhirRouteDeps['auditEvents'];
  mounts?: Mount[];
  readiness?: { ready: boolean };
  /** Serves the web console (static files) for paths no route claimed. */
  console?: MiddlewareHandler;
  /** JSON nesting and array limits of the input guard (default DEFAULT_INPUT_LIMITS). */
  inputLimits?: InputLimits;
  /** Audits 403/404 answered to a signed-in caller outside FHIR (api-refusal-audit.ts). */
  refusalAudit?: MiddlewareHandler<AppEnv>;
  /** Post-commit observers of FHIR writes (fhir-routes.ts). */
  writeObservers?: FhirRouteDeps['writeObservers'];
  /** The client's address for throttling and audit (context.ts createClientAddress); default the socket's peer. */
  clientAddress?: (c: Context) => string | undefined;
}

/** Shape of errors outside FHIR and /v1: `{ "error": { "code", "message", "issues"? } }` (the HTTP-edge kit). */
export const jsonError = (error: unknown) => platformError(error);

/**
 * Sets a header on the final response. `c.res.headers.set` keeps @hono/node-server's lightweight response (its
 * body is written straight to the socket); `c.header()` after the handler would first copy the response into a
 * full web Response whose body is then streamed. Falls back to `c.header()` when the headers are immutable (a
 * Response from fetch).
 */
function setHeader(c: Context, name: string, value: string, append = false): void {
  try {
    if (append) c.res.headers.append(name, value);
    else c.res.headers.set(name, value);
  } catch {
    c.header(name, value, append ? { append: true } : undefined);
  }
}

/**
 * Hono's `cors` for preflight (OPTIONS) requests; for the others the same headers — Access-Control-Allow-Origin
 * when the origin is allowed, Access-Control-Expose-Headers, Vary: Origin — set after the handler. (Hono's sets the
 * first two on `c.res` before the handler, which makes every response a copied, streamed web Response.)
 */
function fastCors(
  options: { origin: (origin: string) => string | null; exposeHeaders: string[] },
  preflight: MiddlewareHandler,
): MiddlewareHandler {
  const expose = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const allowOrigin = options.origin(c.req.header('origin') || '');
    await next();
    if (allowOrigin) setHeader(c, 'Access-Control-Allow-Origin', allowOrigin);
    setHeader(c, 'Access-Control-Expose-Headers', expose);
    setHeader(c, 'Vary', 'Origin', true);
  };
}

/**
 * Hono's `bodyLimit`, except that a request with a Content-Length (and no Transfer-Encoding) is checked on the
 * header alone, as Hono's does, but without touching `c.req.raw.body`: that getter turns @hono/node-server's
 * lightweight request into a web Request with a stream, and the handler's `c.req.text()` then reads the body
 * through web streams instead of straight from the socket.
 */
function fastBodyLimit(maxSize: number, limiter: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next(); // no body (Hono's: `!c.req.raw.body`)
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (parseInt(length || '0', 10) > maxSize) return limiter(c, next);
      return next();
    }
    return limiter(c, next);
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const local: Principal = { ...SYSTEM_PRINCIPAL, id: 'local', username: 'local', kind: 'system' };
  const mounts = deps.mounts ?? [];
  // Route families that answer with data (patient data among it): never stored by a browser or a proxy.
  const apiPrefixes = ['/fhir', '/cds-services', ...mounts.map((m) => m.path).filter((p) => p !== '/')];
  const isApi = (path: string) => apiPrefixes.some((p) => path === p || path.startsWith(`${p}/`));

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const clientAddress = (deps.clientAddress ?? socketAddress)(c);
    if (clientAddress) c.set('clientAddress', clientAddress);
    const log = deps.log.child({ requestId });
    c.set('log', log);
    const started = performance.now();
    await next();
    setHeader(c, 'X-Request-Id', requestId);
    const path = new URL(c.req.url).pathname;
    // Every response is `no-store` except the console's static files, which set their own caching.
    if (isApi(path) || !c.res.headers.has('cache-control')) setHeader(c, 'Cache-Control', 'no-store');
    if (path !== '/healthz' && path !== '/readyz') {
      log.info(
        {
          method: c.req.method,
          path,
          // 499 (nginx's "client closed request"): the client went away before the answer; not a server fault.
          status: c.req.raw.signal.aborted ? 499 : c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          user: c.get('principal')?.username,
        },
        'request',
      );
    }
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // CORS and the body limit as Hono's middlewares, with a fast path for the common case that leaves the request
  // and response objects of @hono/node-server lightweight (see fastCors, fastBodyLimit).
  const corsOptions = {
    origin: (origin: string) => (deps.corsOrigins.includes(origin) ? origin : null),
    credentials: false,
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Exist', 'X-Request-Id'],
    // X-Qihuang-Alert-Evaluation: a browser app that wrote a BP reading through FHIR learns the alert outcome.
    exposeHeaders: ['ETag', 'Location', 'Last-Modified', 'X-Request-Id', 'X-Qihuang-Alert-Evaluation'],
  };
  app.use('*', fastCors(corsOptions, cors(corsOptions)));
  app.use(
    '*',
    fastBodyLimit(
      deps.bodyLimitBytes,
      bodyLimit({
        maxSize: deps.bodyLimitBytes,
        onError: () => {
          throw new QihuangError(
            'too-large',
            `The request body is larger than the limit of ${deps.bodyLimitBytes} bytes`,
          );
        },
      }),
    ),
  );

  // Malformed encodings, NUL, lone surrogates, out-of-range integers, deep or huge JSON: a 4xx before any
  // handler (or authentication) sees the request.
  app.use('*', inputGuard(deps.inputLimits));

  // A client that disconnects cancels the database statement running for it (packages/store/request-scope.ts).
  app.use('*', requestAbort);
  if (deps.refusalAudit) app.use('*', deps.refusalAudit);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.repository.db.selectFrom('fhir_resource').select('id').limit(1).execute();
      if (deps.readiness && !deps.readiness.ready)
        return c.json({ status: 'starting', database: deps.database.kind, detail: 'loading demo data' }, 503);
      return c.json({ status: 'ready', database: deps.database.kind });
    } catch {
      return c.json({ status: 'unavailable', database: deps.database.kind }, 503);
    }
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(deps.version, mounts)));

  const authenticate: MiddlewareHandler<AppEnv> =
    deps.authenticate ??
    (async (c, next) => {
      c.set('principal', local);
      await next();
    });

  app.use('/fhir/*', authenticate);
  for (const mount of mounts) if (!mount.public) app.use(`${mount.path}/*`, authenticate);

  app.route(
    '/fhir/R4',
    createFhirRoutes({
      repository: deps.repository,
      auditEvents: deps.auditEvents,
      softwareVersion: deps.version,
      ...(deps.writeObservers ? { writeObservers: deps.writeObservers } : {}),
    }),
  );
  for (const mount of mounts) app.route(mount.path, mount.routes as Hono<AppEnv>);

  if (deps.console) {
    // The console's single-page fallback never answers under an API prefix: an unknown API path is a 404 in
    // that API's shape, not 200 with the console's HTML.
    const apiPrefixes = [
      ...new Set(['/fhir', '/api', '/cds-services', '/.well-known', ...mounts.map((m) => m.path)]),
    ].filter((p) => p !== '/');
    const consoleFiles = deps.console;
    app.use('*', (c, next) => {
      const path = c.req.path;
      return apiPrefixes.some((p) => path === p || path.startsWith(`${p}/`)) ? next() : consoleFiles(c, next);
    });
  }
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/fhir/')) {
      return c.body(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'error',
              code: 'not-found',
              diagnostics: `No FHIR route for ${c.req.method} ${path}`,
            },
          ],
        }),
        404,
        { 'Content-Type': 'application/fhir+json' },
      );
    }
    return c.json({ error: { code: 'not-found', message: `No route for ${c.req.method} ${path}` } }, 404);
  });
  // One handler, one shaper per family: FHIR → OperationOutcome, /v1 → OpenAI error, else the platform shape.
  // Logged: class, code, SQLSTATE and stack frames only (the request id is on the logger), never the message,
  // a database error's where/detail or a body, which can quote patient data.
  app.onError(
    errorHandler(
      (error, c) => {
        const path = new URL(c.req.url).pathname;
        if (path.startsWith('/fhir/')) return fhirError(error);
        if (path.startsWith('/v1/')) return toOpenAiError(error);
        return platformError(error);
      },
      {
        onServerError: (error, c) => {
          if (c.req.raw.signal.aborted) c.get('log')?.info('request ended: the client went away');
          else c.get('log')?.error({ error: safeError(error) }, 'request failed');
        },
      },
    ),
  );
  return app;
}
