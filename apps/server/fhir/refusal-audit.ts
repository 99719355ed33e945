/**
 * Refused FHIR requests are audited: a 403 or 404 answered to a signed-in caller (a patient probing another
 * patient's record, a key outside its scopes) is appended to the audit log with outcome failure — the request's
 * method, type and id, never its body or the other patient's id (a 404 must not confirm that a record exists).
 */
import type { Context } from 'hono';
import type { AuditAction, AuditRecord } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import { requestContext, type AppEnv } from '../context.ts';

/** HTTP method → audit action, for refused requests (here and in ../api-refusal-audit.ts). */
export const REFUSAL_ACTIONS: Record<string, AuditAction> = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

export async function auditRefusal(
  repository: FhirRepository,
  c: Context<AppEnv>,
  status: number,
  code: string,
): Promise<void> {
  if ((status !== 403 && status !== 404) || !c.get('principal')) return;
  // /fhir/R4/Type/id/… → type and id; a search (/Type?…) or an operation keeps its name in `query`.
  const [type, id, ...rest] = c.req.path.replace(/^\/fhir\/R4\/?/, '').split('/');
  const search = c.req.method === 'GET' && id === undefined;
  const record: AuditRecord = {
    action: type === '' ? 'transaction' : search ? 'search' : (REFUSAL_ACTIONS[c.req.method] ?? 'operation'),
    outcome: 'failure',
    ...(type ? { resourceType: type.slice(0, 64) } : {}),
    ...(id && !id.startsWith('$') ? { resourceId: id.slice(0, 64) } : {}),
    ...(rest.length || id?.startsWith('$') ? { query: [id, ...rest].join('/').slice(0, 128) } : {}),
    patientIds: [],
    detail: { status, code },
  };
  await repository.audit(repository.db, requestContext(c), record);
}
