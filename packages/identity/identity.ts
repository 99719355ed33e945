/**
 * Users, session tokens, API keys and the sign-in throttle. Bearer secrets are opaque random strings stored
 * only as sha256; passwords only as argon2id.
 *
 * Token lookups are cached in memory per database handle for a few seconds (`cacheTtlMs`, default 5 s,
 * bounded to 10,000 entries): a revocation made by another replica takes effect here within that TTL; in
 * this process logout, admin revocation, disabling a user, a role or password change and key revocation
 * drop the cached entries at once. Token expiry is checked on every request, cached or not.
 *
 * The parts, by job: ./views.ts (rows → views, roles), ./schemas.ts (input and password policy),
 * ./token-cache.ts, ./context.ts (options, defaults), ./tokens.ts (bearer → caller, sign-out, revocation),
 * ./sign-in.ts (throttle, session tokens), ./users.ts, ./api-keys.ts; this module composes them.
 */
import type { Principal } from '@qihuang/contracts';
import { createApiKeys, type ApiKeys } from './api-keys.ts';
import { createContext, type IdentityOptions, type ThrottlePolicy } from './context.ts';
import { createSignIn, type LoginResult } from './sign-in.ts';
import type { AnyKysely } from './tables.ts';
import type { ResolvedCaller } from './token-cache.ts';
import { createTokens } from './tokens.ts';
import { createUsers, type Users } from './users.ts';

export {
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_THROTTLE,
  DEFAULT_TOKEN_TTL_SECONDS,
  type IdentityOptions,
  type ThrottlePolicy,
} from './context.ts';
export {
  invalidInput,
  NewApiKeySchema,
  NewUserSchema,
  normaliseUsername,
  parseWith,
  UserPatchSchema,
  type NewApiKey,
  type NewUser,
  type UserPatch,
} from './schemas.ts';
export type { LoginResult } from './sign-in.ts';
export type { ResolvedCaller } from './token-cache.ts';
export { sha256 } from './tokens.ts';
export { ensureInitialAdmin, type InitialAdminResult } from './users.ts';
export {
  apiKeyView,
  ROLES,
  USER_ROLES,
  userPrincipal,
  userView,
  type ApiKeyView,
  type UserView,
} from './views.ts';

export interface Identity extends Users, ApiKeys {
  readonly db: AnyKysely;
  readonly clock: () => Date;
  readonly tokenTtlSeconds: number;
  readonly throttle: ThrottlePolicy;
  /** Bearer token or API key (with or without the "Bearer " prefix) → Principal; throws 401. */
  resolve(bearer: string | null | undefined): Promise<Principal>;
  /** Same, with the key's rate limit (gateway). */
  resolveCaller(bearer: string | null | undefined): Promise<ResolvedCaller>;
  login(username: string, password: string, clientAddress?: string): Promise<LoginResult>;
  /** Revoke one session token (logout). */
  logout(token: string): Promise<void>;
  revokeUserTokens(executor: AnyKysely, userId: string): Promise<number>;
  /** Drop cached lookups of a user (or key) in this process. */
  forget(id: string): void;
}

export function createIdentity(options: IdentityOptions): Identity {
  const ctx = createContext(options);
  const tokens = createTokens(ctx);
  const { resolveCaller, logout, revokeUserTokens, forget } = tokens;
  const users = createUsers(ctx, tokens);
  const keys = createApiKeys(ctx, tokens);
  const identity: Identity = {
    db: options.db,
    clock: ctx.clock,
    tokenTtlSeconds: ctx.tokenTtlSeconds,
    throttle: ctx.throttle,
    resolveCaller,
    async resolve(bearer) {
      return (await resolveCaller(bearer)).principal;
    },
    login: createSignIn(ctx),
    logout,
    revokeUserTokens,
    forget,
    getUser: users.getUser,
    listUsers: users.listUsers,
    createUser: users.createUser,
    updateUser: users.updateUser,
    listApiKeys: keys.listApiKeys,
    createApiKey: keys.createApiKey,
    revokeApiKey: keys.revokeApiKey,
  };
  return identity;
}
