/**
 * SMART-on-FHIR-style scopes and the access checks every route family uses. Pure functions, no I/O.
 *
 * Grammar: `<context>/<ResourceType|*>.<permissions>` with context patient | user | system and permissions
 * v1 `read` (= rs), `write` (= cud), `*` (= cruds) or v2 letters in order from `cruds` (`rs`, `cu`, …).
 * Scopes with v2 query constraints (`?category=…`) are not supported and grant nothing (fail closed).
 * Non-resource scopes (`admin`, `openid` …) parse to null.
 */
import { QihuangError, type Principal, type Role } from '@qihuang/contracts';

export type ScopeContext = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ParsedScope {
  context: ScopeContext;
  /** A resource type or '*'. */
  resourceType: string;
  permissions: ReadonlySet<Permission>;
}

/**
 * What a caller wants to do. 'read' and 'write' are the coarse SMART v1 modes and need the whole v1 set
 * (read = r and s, write = c, u and d); the others need their one v2 letter.
 */
export type AccessMode = 'read' | 'write' | 'create' | 'update' | 'delete' | 'search';

const MODE_PERMISSIONS: Record<AccessMode, readonly Permission[]> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  create: ['c'],
  update: ['u'],
  delete: ['d'],
  search: ['s'],
};

const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{0,63})\.(read|write|\*|c?r?u?d?s?)$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{0,63}$/;

/**
 * Resource types that wildcard scopes (`*`) do not cover: they need a scope naming them. `Knowledge` is not a
 * FHIR type: `system/Knowledge.write` is the API-key scope for managing knowledge collections (packages/knowledge).
 */
export const EXPLICIT_ONLY_TYPES: ReadonlySet<string> = new Set(['AuditEvent', 'Knowledge']);
/** Resource types nobody writes through FHIR (the audit log writes AuditEvent itself). */
export const READ_ONLY_TYPES: ReadonlySet<string> = new Set(['AuditEvent']);

export function parseScope(scope: string): ParsedScope | null {
  const match = SCOPE.exec(scope);
  if (!match) return null;
  const [, context, resourceType, perms] = match as unknown as [string, ScopeContext, string, string];
  let letters: Permission[];
  if (perms === 'read') letters = ['r', 's'];
  else if (perms === 'write') letters = ['c', 'u', 'd'];
  else if (perms === '*') letters = ['c', 'r', 'u', 'd', 's'];
  else if (perms === '') return null;
  else letters = perms.split('') as Permission[];
  return { context, resourceType, permissions: new Set(letters) };
}

/** Non-resource scopes a principal may carry. */
export const SPECIAL_SCOPES: ReadonlySet<string> = new Set(['admin']);

export function isValidScope(scope: string): boolean {
  return parseScope(scope) !== null || SPECIAL_SCOPES.has(scope);
}

/**
 * Role → scopes (documented in README.md). Service principals are API keys: their scopes are the key's.
 */
export const ROLE_SCOPES: Record<Role, readonly string[]> = {
  admin: ['user/*.*', 'user/AuditEvent.read', 'admin'],
  clinician: ['user/*.*'],
  nurse: ['user/*.read', 'user/Observation.write', 'user/Device.write'],
  pharmacist: ['user/*.read', 'user/MedicationRequest.write'],
  auditor: ['user/AuditEvent.read'],
  // Home readings and the patient's own cuff/watch (Device provenance of uploads).
  patient: ['patient/*.read', 'patient/Observation.write', 'patient/Device.write'],
  service: [],
};

/** Role → virtual models a signed-in user may call through the gateway ('*' = all). Keys carry their own. */
export const ROLE_MODELS: Record<Role, readonly string[] | '*'> = {
  admin: '*',
  clinician: '*',
  nurse: '*',
  pharmacist: '*',
  auditor: [],
  patient: [],
  service: [],
};

/**
 * How far the principal may go on this resource type: 'all' (user/ or system/ scope), 'patient' (only
 * patient/ scopes: limit to the compartment of principal.patientId) or 'none'.
 */
export function accessLevel(
  principal: Principal,
  resourceType: string,
  mode: AccessMode,
): 'all' | 'patient' | 'none' {
  if (!RESOURCE_TYPE.test(resourceType)) return 'none';
  const needed = MODE_PERMISSIONS[mode];
  if (mode !== 'read' && mode !== 'search' && READ_ONLY_TYPES.has(resourceType)) return 'none';
  let level: 'all' | 'patient' | 'none' = 'none';
  for (const raw of principal.scopes) {
    const scope = parseScope(raw);
    if (!scope) continue;
    if (
      scope.resourceType === '*' ? EXPLICIT_ONLY_TYPES.has(resourceType) : scope.resourceType !== resourceType
    ) {
      continue;
    }
    if (!needed.every((p) => scope.permissions.has(p))) continue;
    if (scope.context === 'patient') {
      // A patient-context scope means nothing without the patient it is bound to.
      if (principal.patientId) level = 'patient';
      continue;
    }
    return 'all';
  }
  return level;
}

export function allows(principal: Principal, resourceType: string, mode: AccessMode): boolean {
  return accessLevel(principal, resourceType, mode) !== 'none';
}

/**
 * Throws QihuangError('forbidden') unless the principal may; returns the access level so the caller knows
 * whether to limit to the patient compartment.
 */
export function requireAccess(
  principal: Principal,
  resourceType: string,
  mode: AccessMode,
): 'all' | 'patient' {
  const level = accessLevel(principal, resourceType, mode);
  if (level === 'none') {
    throw new QihuangError('forbidden', `Not allowed to ${mode} ${resourceType}`);
  }
  return level;
}

export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new QihuangError('forbidden', `This needs the role ${roles.join(' or ')}`);
  }
}

/** True when the principal holds the (non-resource) scope, e.g. 'admin'. */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope);
}
