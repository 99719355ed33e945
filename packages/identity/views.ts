/** Row → view mapping for users and API keys, the role lists, and the Principal of a signed-in user. */
import type { Principal, Role } from '@qihuang/contracts';
import { ROLE_MODELS, ROLE_SCOPES } from './scopes.ts';
import { ROLES as ROLE_LIST, type UserView, type ApiKeyView } from './api-types/index.ts';

export type { UserView, ApiKeyView };

/** Every role (the contract's list, which the console offers too). */
export const ROLES: readonly Role[] = ROLE_LIST;
/** Roles a person can sign in with (service = API keys). */
export const USER_ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient'] as const;

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
export function ms(value: Date | string): number {
  return (value instanceof Date ? value : new Date(value)).getTime();
}

export type UserRow = {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  patient_id: string | null;
  disabled: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};
export const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'patient_id',
  'disabled',
  'created_at',
  'updated_at',
] as const;

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
    disabled: row.disabled,
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
  };
}

export type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  allowed_models: string[];
  rate_limit: number | null;
  created_by: string;
  created_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
};
export const KEY_COLUMNS = [
  'id',
  'name',
  'prefix',
  'scopes',
  'allowed_models',
  'rate_limit',
  'created_by',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;

export const modelsOf = (stored: string[]): string[] | '*' => (stored.includes('*') ? '*' : stored);

export function apiKeyView(row: KeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    allowedModels: modelsOf(row.allowed_models),
    ...(row.rate_limit !== null ? { rateLimit: row.rate_limit } : {}),
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? '',
    ...(row.expires_at ? { expiresAt: iso(row.expires_at) } : {}),
    ...(row.last_used_at ? { lastUsedAt: iso(row.last_used_at) } : {}),
    revoked: row.revoked_at !== null,
    ...(row.revoked_at ? { revokedAt: iso(row.revoked_at) } : {}),
  };
}

export function userPrincipal(user: {
  id: string;
  username: string;
  role: Role;
  patient_id: string | null;
}): Principal {
  return {
    id: user.id,
    kind: 'user',
    username: user.username,
    role: user.role,
    scopes: [...ROLE_SCOPES[user.role]],
    ...(user.role === 'patient' && user.patient_id ? { patientId: user.patient_id } : {}),
    allowedModels: ROLE_MODELS[user.role] === '*' ? '*' : [...ROLE_MODELS[user.role]],
  };
}
