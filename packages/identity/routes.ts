/**
 * HTTP edge of identity: the `authenticate` middleware, /auth (sign-in, sign-out, me) and /admin (users, API
 * keys, audit export). Errors are `{"error":{"code","message"}}` with the QihuangError's status.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import { errorHandler, readJson } from '@qihuang/http-edge';
import { z } from 'zod';
import {
  isQihuangError,
  QihuangError,
  type AuditRecord,
  type Principal,
  type RequestContext,
} from '@qihuang/contracts';
import {
  exportAuditNdjson,
  parseAuditDateParams,
  type AuditLog,
  type AuditSearchFilters,
} from '@qihuang/audit';
import {
  createIdentity,
  NewUserSchema,
  parseWith,
  UserPatchSchema,
  type Identity,
  type ThrottlePolicy,
} from './identity.ts';
import { requireRole } from './scopes.ts';
import type { AnyKysely } from './tables.ts';
import type { MeAnswer, TokenAnswer } from './api-types/index.ts';

export type AuthEnv = {
  Variables: {
    principal: Principal;
    /** Set by the server's request-id middleware, if any. */
    requestId?: string;
    /** Set by the server when it knows the client address (e.g. from a trusted proxy). */
    clientAddress?: string;
  };
};

export interface AuthenticateDeps {
  db: AnyKysely;
  clock?: () => Date;
  /** Share one Identity (and its settings); by default one is made from db/clock — the token cache is shared
   * per db handle either way. */
  identity?: Identity;
  cacheTtlMs?: number;
}

export interface RouteDeps extends AuthenticateDeps {
  audit: AuditLog;
  tokenTtlSeconds?: number;
  throttle?: Partial<ThrottlePolicy>;
  /**
   * The client address used for throttling and audit. Default: c.get('clientAddress'), else the socket's
   * remote address (@hono/node-server). X-Forwarded-For is not trusted unless you decide so here.
   */
  clientAddress?: (c: Context) => string | undefined;
}

function identityOf(
  deps: AuthenticateDeps & { tokenTtlSeconds?: number; throttle?: Partial<ThrottlePolicy> },
): Identity {
  return (
    deps.identity ??
    createIdentity({
      db: deps.db,
      clock: deps.clock,
      tokenTtlSeconds: deps.tokenTtlSeconds,
      cacheTtlMs: deps.cacheTtlMs,
      throttle: deps.throttle,
    })
  );
}

/**
 * Resolves `Authorization: Bearer <token | API key>` to a Principal and sets c.get('principal'); throws
 * QihuangError('unauthenticated') (401) when missing, malformed, unknown, expired or revoked. Skips the lookup
 * when an earlier middleware already set a principal.
 */
export function authenticate(deps: AuthenticateDeps): MiddlewareHandler<AuthEnv> {
  const identity = identityOf(deps);
  return async (c, next) => {
    if (!c.get('principal')) c.set('principal', await identity.resolve(c.req.header('authorization')));
    await next();
  };
}

/** `resolvePrincipal(db, bearer)`: the same lookup as the middleware (shares its cache). */
export function resolvePrincipal(
  db: AnyKysely,
  bearer: string | null | undefined,
  options: { clock?: () => Date } = {},
): Promise<Principal> {
  return createIdentity({ db, clock: options.clock }).resolve(bearer);
}

/** What the model gateway needs to know about a caller. */
export interface GatewayCaller {
  id: string;
  kind: Principal['kind'];
  role: Principal['role'];
  allowedModels: string[] | '*';
  /** Requests per minute (API keys that set one). */
  rateLimit?: number;
  principal: Principal;
}

/** Adapter for the gateway's `GatewayAuth { authenticate(bearer) }`: resolves or throws 401. */
export function gatewayAuthFrom(identity: Identity | AuthenticateDeps): {
  authenticate(bearer: string | null | undefined): Promise<GatewayCaller>;
} {
  const resolved = 'resolveCaller' in identity ? identity : identityOf(identity);
  return {
    async authenticate(bearer) {
      const { principal, rateLimit } = await resolved.resolveCaller(bearer);
      return {
        id: principal.id,
        kind: principal.kind,
        role: principal.role,
        allowedModels: principal.allowedModels ?? [],
        ...(rateLimit !== undefined ? { rateLimit } : {}),
        principal,
      };
    },
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function clientAddressOf(c: Context, deps: RouteDeps): string | undefined {
  if (deps.clientAddress) return deps.clientAddress(c);
  const set = c.get('clientAddress') as string | undefined;
  if (set) return set;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

function requestContext(c: Context, deps: RouteDeps, principal: Principal): RequestContext {
  const fromServer = c.get('requestId') as string | undefined;
  const header = c.req.header('x-request-id');
  const requestId = fromServer ?? (header && REQUEST_ID.test(header) ? header : randomUUID());
  const clientAddress = clientAddressOf(c, deps);
  return { requestId, principal, ...(clientAddress ? { clientAddress } : {}) };
}

/** `{"error":{"code","message"}}` with the QihuangError's status and headers; anything else a 500 without details. */
export const errorResponse = errorHandler(undefined, { label: 'identity route' });

const LoginSchema = z.object({ username: z.string().max(256), password: z.string().max(1024) });

/** Someone not signed in (failed sign-in for an unknown account). */
const ANONYMOUS: Principal = {
  id: 'anonymous',
  kind: 'system',
  username: 'anonymous',
  role: 'service',
  scopes: [],
};

/** Mounted at /auth. */
export function createAuthRoutes(deps: RouteDeps): Hono<AuthEnv> {
  const identity = identityOf(deps);
  const app = new Hono<AuthEnv>();
  app.onError(errorResponse);
  const auth = authenticate({ ...deps, identity });

  app.post('/login', async (c) => {
    // Credentials only as JSON: a text/plain or form post is a "simple" cross-site request a page elsewhere
    // could send without a CORS preflight (login CSRF, password spraying from browsers).
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      throw new QihuangError('invalid-input', 'Sign-in takes a JSON body (Content-Type: application/json)', {
        status: 415,
      });
    const body = parseWith(LoginSchema, await readJson(c));
    const address = clientAddressOf(c, deps);
    const result = await identity.login(body.username, body.password, address);
    const username = body.username.trim().toLowerCase();
    const record = (outcome: 'success' | 'failure', detail: Record<string, unknown>): AuditRecord => ({
      action: 'login',
      outcome,
      patientIds: [],
      detail,
    });
    if (!result.ok) {
      // Name the account tried only when it exists (a mistyped password in the username field stays out).
      const principal: Principal = result.userId
        ? { id: result.userId, kind: 'user', username, role: result.role ?? 'service', scopes: [] }
        : ANONYMOUS;
      await deps.audit.append(
        deps.db,
        requestContext(c, deps, principal),
        record('failure', { reason: result.reason }),
      );
      if (result.reason === 'throttled') {
        throw new QihuangError('rate-limited', 'Too many failed sign-ins: try again later', {
          headers: { 'Retry-After': String(result.retryAfter) },
        });
      }
      throw new QihuangError('unauthenticated', 'Wrong username or password');
    }
    await deps.audit.append(deps.db, requestContext(c, deps, result.principal), record('success', {}));
    c.header('Cache-Control', 'no-store');
    return c.json({
      access_token: result.token,
      token_type: 'Bearer',
      expires_in: result.expiresIn,
    } satisfies TokenAnswer);
  });

  app.post('/logout', auth, async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user') {
      throw new QihuangError(
        'invalid-input',
        'Only session tokens sign out; an administrator revokes API keys',
      );
    }
    await identity.logout(c.req.header('authorization') ?? '');
    await deps.audit.append(deps.db, requestContext(c, deps, principal), {
      action: 'logout',
      outcome: 'success',
      patientIds: [],
    });
    return c.body(null, 204);
  });

  app.get('/me', auth, async (c) => {
    const principal = c.get('principal');
    const user = principal.kind === 'user' ? await identity.getUser(principal.id) : undefined;
    return c.json({
      id: principal.id,
      username: principal.username,
      role: principal.role,
      ...(user?.displayName ? { displayName: user.displayName } : {}),
      ...(principal.patientId ? { patientId: principal.patientId } : {}),
      scopes: principal.scopes,
      ...(principal.allowedModels !== undefined ? { allowedModels: principal.allowedModels } : {}),
    } satisfies MeAnswer);
  });

  return app;
}

/** Mounted at /admin. Users and API keys: role admin. Audit export: admin or auditor. */
export function createAdminRoutes(deps: RouteDeps): Hono<AuthEnv> {
  const identity = identityOf(deps);
  const app = new Hono<AuthEnv>();
  app.onError(errorResponse);
  app.use('*', authenticate({ ...deps, identity }));

  /** Runs the change and its audit entry in one transaction. */
  async function audited<T>(
    c: Context<AuthEnv>,
    record: Omit<AuditRecord, 'action' | 'outcome' | 'patientIds'> & { patientIds?: string[] },
    change: (trx: AnyKysely) => Promise<T>,
  ): Promise<T> {
    const ctx = requestContext(c, deps, c.get('principal'));
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const result = await change(trx);
        await deps.audit.append(trx, ctx, { action: 'admin', outcome: 'success', patientIds: [], ...record });
        return result;
      });
    } catch (error) {
      const code = isQihuangError(error) ? error.code : 'internal';
      await deps.audit.append(deps.db, ctx, {
        action: 'admin',
        outcome: 'failure',
        patientIds: [],
        ...record,
        detail: { ...record.detail, error: code },
      });
      throw error;
    }
  }

  const admin: MiddlewareHandler<AuthEnv> = async (c, next) => {
    requireRole(c.get('principal'), 'admin');
    await next();
  };

  app.get('/users', admin, async (c) => {
    const users = await audited(c, { resourceType: 'User', detail: { operation: 'users.list' } }, (trx) =>
      identity.listUsers(trx),
    );
    return c.json(users);
  });

  app.post('/users', admin, async (c) => {
    const input = parseWith(NewUserSchema, await readJson(c));
    const user = await audited(
      c,
      {
        resourceType: 'User',
        detail: { operation: 'users.create', username: input.username, role: input.role },
        ...(input.patientId ? { patientIds: [input.patientId] } : {}),
      },
      (trx) => identity.createUser(trx, input),
    );
    return c.json(user, 201);
  });

  app.patch('/users/:id', admin, async (c) => {
    const id = c.req.param('id');
    const patch = parseWith(UserPatchSchema, await readJson(c));
    const changed = Object.keys(patch);
    const user = await audited(
      c,
      {
        resourceType: 'User',
        resourceId: id,
        detail: {
          operation: 'users.update',
          changed,
          ...(patch.role ? { role: patch.role } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        },
      },
      (trx) => identity.updateUser(trx, id, patch),
    );
    return c.json(user);
  });

  app.post('/users/:id/revoke-tokens', admin, async (c) => {
    const id = c.req.param('id');
    const revoked = await audited(
      c,
      { resourceType: 'User', resourceId: id, detail: { operation: 'users.revoke-tokens' } },
      async (trx) => {
        if (!(await identity.getUser(id, trx))) throw new QihuangError('not-found', `No user ${id}`);
        return identity.revokeUserTokens(trx, id);
      },
    );
    return c.json({ revoked });
  });

  app.get('/api-keys', admin, async (c) => {
    const keys = await audited(c, { resourceType: 'ApiKey', detail: { operation: 'api-keys.list' } }, (trx) =>
      identity.listApiKeys(trx),
    );
    return c.json(keys);
  });

  app.post('/api-keys', admin, async (c) => {
    const body = await readJson(c);
    const name =
      typeof body === 'object' && body && 'name' in body ? String(body.name).slice(0, 100) : undefined;
    const created = await audited(
      c,
      { resourceType: 'ApiKey', detail: { operation: 'api-keys.create', name } },
      (trx) => identity.createApiKey(trx, body as never, c.get('principal').id),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });

  app.delete('/api-keys/:id', admin, async (c) => {
    const id = c.req.param('id');
    const key = await audited(
      c,
      { resourceType: 'ApiKey', resourceId: id, detail: { operation: 'api-keys.revoke' } },
      (trx) => identity.revokeApiKey(trx, id),
    );
    return c.json(key);
  });

  app.get('/audit/export', async (c) => {
    const principal = c.get('principal');
    requireRole(principal, 'admin', 'auditor');
    const filters = exportFilters(c);
    await deps.audit.append(deps.db, requestContext(c, deps, principal), {
      action: 'export',
      outcome: 'success',
      resourceType: 'AuditEvent',
      query: new URL(c.req.url).search.slice(1) || undefined,
      patientIds: filters.patient ? [filters.patient] : [],
    });
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      await exportAuditNdjson(deps.db, filters, (line) => out.write(line).then(() => undefined));
    });
  });

  return app;
}

function exportFilters(c: Context): AuditSearchFilters & { since?: string } {
  const q = (name: string) => c.req.query(name) || undefined;
  const dates = c.req.queries('date') ?? [];
  const filters: AuditSearchFilters & { since?: string } = {
    ...parseAuditDateParams(dates),
    ...(q('patient') ? { patient: q('patient') } : {}),
    ...(q('agent') ? { agent: q('agent') } : {}),
    ...(q('action') ? { action: q('action') } : {}),
  };
  const since = q('since');
  if (since) {
    if (Number.isNaN(new Date(since).getTime()))
      throw new QihuangError('invalid-input', `since: not a date "${since}"`);
    filters.since = since;
  }
  return filters;
}
