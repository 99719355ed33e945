/**
 * A patient account must link to a Patient that exists (issue 20: a user could be linked to
 * `not-a-real-patient`). Mounted at /admin in front of identity's user routes: an administrator's POST /users
 * or PATCH /users/:id naming a `patientId` with no Patient behind it is refused with 422 (invalid-resource)
 * naming the field and the id, before anything is written. Everything else (other callers, malformed bodies,
 * other routes) passes on to identity, which authenticates, validates and audits as before.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { QihuangError } from '@qihuang/contracts';
import type { AppEnv } from './context.ts';

export function patientLinkCheck(deps: {
  /** Identity's authentication (undefined when authentication is disabled: every caller is the system). */
  authn?: MiddlewareHandler<AppEnv>;
  patientExists: (id: string) => Promise<boolean>;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const check: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (deps.authn) {
      try {
        await deps.authn(c, async () => undefined);
      } catch {
        return next(); // identity answers the unauthenticated caller
      }
    }
    const role = c.get('principal')?.role;
    if (deps.authn && role !== 'admin') return next();
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return next();
    }
    const patientId = (body as { patientId?: unknown } | null)?.patientId;
    if (typeof patientId === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(patientId)) {
      if (!(await deps.patientExists(patientId)))
        throw new QihuangError(
          'invalid-resource',
          `patientId: there is no Patient/${patientId}; link the account to an existing patient record`,
          {
            issues: [
              {
                severity: 'error',
                code: 'not-found',
                message: `no Patient/${patientId}`,
                expression: ['patientId'],
              },
            ],
          },
        );
    }
    return next();
  };
  app.post('/users', check);
  app.patch('/users/:id', check);
  return app;
}
