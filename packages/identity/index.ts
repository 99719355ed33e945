/** Identity and access control: users, tokens, API keys, SMART scopes, the authenticate middleware. */
export {
  accessLevel,
  allows,
  EXPLICIT_ONLY_TYPES,
  hasScope,
  isValidScope,
  parseScope,
  READ_ONLY_TYPES,
  requireAccess,
  requireRole,
  ROLE_MODELS,
  ROLE_SCOPES,
  type AccessMode,
  type ParsedScope,
  type Permission,
  type ScopeContext,
} from './scopes.ts';
export {
  createIdentity,
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_THROTTLE,
  DEFAULT_TOKEN_TTL_SECONDS,
  ensureInitialAdmin,
  ROLES,
  USER_ROLES,
  userPrincipal,
  type ApiKeyView,
  type Identity,
  type IdentityOptions,
  type InitialAdminResult,
  type LoginResult,
  type NewApiKey,
  type NewUser,
  NewUserSchema,
  normaliseUsername,
  type ThrottlePolicy,
  type UserPatch,
  UserPatchSchema,
  type UserView,
} from './identity.ts';
export {
  authenticate,
  createAdminRoutes,
  createAuthRoutes,
  errorResponse,
  gatewayAuthFrom,
  resolvePrincipal,
  type AuthEnv,
  type AuthenticateDeps,
  type GatewayCaller,
  type RouteDeps,
} from './routes.ts';
export { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords.ts';
export {
  ADMIN_PASSWORD_MIN,
  isCommonPassword,
  passwordProblem,
  passwordRefusal,
  readPasswordRefusal,
  wordPasswordRefusal,
} from './password-policy.ts';
export { PASSWORD_LENGTHS, PASSWORD_REFUSAL_CODES, PASSWORD_REFUSAL_WORDS } from './api-types/index.ts';
export { identityDb, type AnyKysely, type IdentityTables } from './tables.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/identity/api-types`). */
export type * from './api-types/index.ts';
