/**
 * The wire contract of /auth and /admin (users, API keys): the handlers build these shapes (the request bodies
 * are the zod schemas' input, checked in api-types.test.ts) and the console imports them with `import type`
 * from `@qihuang/identity/api-types`. The one runtime value is ROLES, a literal list with no import (the
 * server's role list, which the console offers; api-types.test.ts checks it is exactly the Role union).
 */
import type { Role } from '@qihuang/contracts';

export type { Role };

/** Every role, in the order lists show them. */
export const ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'] as const;

/** Roles a person can sign in with (`service` is for API keys only; the server refuses it for a user). */
export type UserRole = Exclude<Role, 'service'>;

/** `POST /auth/login`. */
export interface TokenAnswer {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** `GET /auth/me`: who is signed in. */
export interface MeAnswer {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  patientId?: string;
  scopes: string[];
  allowedModels?: string[] | '*';
}

/** `GET /admin/users` items; the answer of creating and changing a user. */
export interface UserView {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  patientId?: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /admin/users` body. */
export interface NewUser {
  username: string;
  password: string;
  role: UserRole;
  displayName?: string;
  patientId?: string;
}

/** `PATCH /admin/users/{id}` body (null clears a field). */
export interface UserPatch {
  disabled?: boolean;
  role?: UserRole;
  password?: string;
  displayName?: string | null;
  patientId?: string | null;
}

/** `GET /admin/api-keys` items; the answer of revoking one. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  scopes: string[];
  allowedModels: string[] | '*';
  rateLimit?: number;
  createdBy: string;
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
  revoked: boolean;
  revokedAt?: string;
}

/** `POST /admin/api-keys` body. */
export interface NewApiKey {
  name: string;
  scopes?: string[];
  allowedModels?: '*' | string[];
  rateLimit?: number;
  expiresAt?: string;
}

/** `POST /admin/api-keys` answer: the key itself is in `key` and is returned only here. */
export type CreatedApiKey = ApiKeyView & { key: string };
