/**
 * Refused requests outside FHIR are audited (issue 15): a 403, or a 404 (which may hide that another patient's
 * record exists), answered to a signed-in caller on /api/*, /admin, /kb, /guard, /eval, /v1, /cds-services … is
 * appended to the audit log with outcome failure: the method and the matched route pattern
 * (`GET /api/bp/patients/:id/assessment`, never the raw path with another patient's id), the status and the
 * error code, the caller (from the request context). Never the body.
 *
 * Not audited: an unauthenticated caller (401, or a refusal before anyone signed in: an anonymous flood must
 * not fill the log — the request log has it), FHIR (fhir/refusal-audit.ts audits its own), and a request whose
 * handler already wrote a failure entry (identity's admin mutations), so each refusal leaves one entry.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AnyKysely, AuditLog } from '@qihuang/audit';
import { isQihuangError } from '@qihuang/contracts';
import { requestContext, type AppEnv } from './context.ts';
import { REFUSAL_ACTIONS as ACTIONS } from './fhir/refusal-audit.ts';

export interface ApiRefusalAudit {
  /** The audit log to use everywhere: notes, per request, that a failure entry was already written. */
  audit: AuditLog;
  /** The middleware, mounted once in front of every route family (app.ts). */
  middleware: MiddlewareHandler<AppEnv>;
}

export function createApiRefusalAudit(audit: AuditLog, db: AnyKysely): ApiRefusalAudit {
  const request = new AsyncLocalStorage<{ failureAudited: boolean }>();
  const tracked: AuditLog = {
    ...audit,
    append: (executor, ctx, record) => {
      const state = request.getStore();
      if (state && record.outcome === 'failure') state.failureAudited = true;
      return audit.append(executor, ctx, record);
    },
  };
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const path = c.req.path;
    if (path === '/fhir' || path.startsWith('/fhir/') || path === '/healthz' || path === '/readyz')
      return next();
    const state = { failureAudited: false };
    await request.run(state, next);
    const status = c.res.status;
    if ((status !== 403 && status !== 404) || state.failureAudited || !c.get('principal')) return;
    // The pattern of the handler (or middleware) that answered; an unmatched path names its mount (`/api/bp/*`).
    const route = routePath(c) || '*';
    const error = c.error;
    await audit.append(db, requestContext(c), {
      action: ACTIONS[c.req.method] ?? 'operation',
      outcome: 'failure',
      query: `${c.req.method} ${route}`.slice(0, 200),
      patientIds: [],
      detail: {
        status,
        code: isQihuangError(error) ? error.code : status === 403 ? 'forbidden' : 'not-found',
      },
    });
  };
  return { audit: tracked, middleware };
}
