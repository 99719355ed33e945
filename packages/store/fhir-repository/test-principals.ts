/**
 * Principals and a scope check for the repository's patient-boundary tests (patient-writes.test.ts,
 * patient-reads.test.ts). The check mirrors @qihuang/identity's requireAccess for the scopes used here:
 * `<context>/<Type|*>.<read|write|*>`, patient/ scopes only with a patient id.
 */
import { QihuangError, type Principal, type RequestContext } from '@qihuang/contracts';
import type { AccessMode } from './access.ts';

export function authorizeByScopes(principal: Principal, resourceType: string, mode: AccessMode): void {
  const ok = principal.scopes.some((scope) => {
    const match = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*)$/.exec(scope);
    if (!match) return false;
    if (match[1] === 'patient' && !principal.patientId) return false;
    return (match[2] === '*' || match[2] === resourceType) && (match[3] === '*' || match[3] === mode);
  });
  if (!ok) throw new QihuangError('forbidden', `Not allowed to ${mode} ${resourceType}`);
}

export const as = (principal: Principal): RequestContext => ({ requestId: 't', principal });

export const SYSTEM = as({
  id: 'system',
  kind: 'system',
  username: 'system',
  role: 'service',
  scopes: ['system/*.*'],
});
export const CLINICIAN = as({
  id: 'u-doc',
  kind: 'user',
  username: 'doc',
  role: 'clinician',
  scopes: ['user/*.*'],
});
export const patient = (patientId: string, extraScopes: string[] = []): RequestContext =>
  as({
    id: `u-${patientId}`,
    kind: 'user',
    username: patientId,
    role: 'patient',
    scopes: ['patient/*.read', 'patient/Observation.write', 'patient/Device.write', ...extraScopes],
    patientId,
  });
export const key = (...scopes: string[]): RequestContext =>
  as({ id: 'k-1', kind: 'key', username: 'key', role: 'service', scopes });

export const observation = (
  id: string,
  subject: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { resourceType: string; id: string } => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: `Patient/${subject}` },
  valueQuantity: { value: 70, unit: '/min' },
  ...extra,
});
