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

/**
 * Why a password was refused (docs/decisions/0029): a 400 of `POST /admin/users` or `PATCH /admin/users/{id}` has an
 * issue whose message starts with the reason id `identity.password:<code>:<n>: …` (n: the number the wording names),
 * its English text after it. The console and the CLI word it from PASSWORD_REFUSAL_WORDS (`{n}` is the number; a
 * wording without one in English names PASSWORD_LENGTHS.min).
 */
/** The policy's lengths in characters (password-policy.ts takes them from here; docs/decisions/0029). */
export const PASSWORD_LENGTHS = {
  min: 8, // NIST SP 800-63B §5.1.1.2: at least 8 characters when chosen by the subscriber
  adminMin: 15, // NIST SP 800-63B-4 §3.1.1.2: 15 for a password used as a single-factor authenticator
  max: 256, // NIST SP 800-63B §5.1.1.2 asks for at least 64 to be allowed; 256 bounds the hashing work
} as const;

export const PASSWORD_REFUSAL_CODES = [
  'too-short',
  'too-long',
  'too-common',
  'too-close',
  'admin-too-short',
] as const;

export type PasswordRefusalCode = (typeof PASSWORD_REFUSAL_CODES)[number];

/** A refusal: its code and the number its wording names (a length). */
export interface PasswordRefusal {
  code: PasswordRefusalCode;
  n: number;
}

/** The one wording of a refusal: English as the /admin message gives it after `password: `, Chinese in full. */
export const PASSWORD_REFUSAL_WORDS = {
  en: {
    'too-short': 'at least {n} characters',
    'too-long': 'at most {n} characters',
    'too-common': 'too common (on a list of frequently used passwords)',
    'too-close': 'too close to the username or the product name',
    'admin-too-short': 'at least {n} characters for an admin account',
  },
  'zh-CN': {
    'too-short': '密码至少 {n} 个字符',
    'too-long': '密码最多 {n} 个字符',
    'too-common': '密码太常见（在常用密码列表中），请换一个',
    'too-close': '密码与用户名或产品名称太接近（除去它们须至少还有 {n} 个字符）',
    'admin-too-short': '管理员账号的密码至少 {n} 个字符',
  },
} as const;
