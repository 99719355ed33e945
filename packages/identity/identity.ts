/**
 * Users, session tokens, API keys and the sign-in throttle. Bearer secrets are opaque random strings stored
 * only as sha256; passwords only as argon2id.
 *
 * Token lookups are cached in memory per database handle for a few seconds (`cacheTtlMs`, default 5 s,
 * bounded to 10,000 entries): a revocation made by another replica takes effect here within that TTL; in
 * this process logout, admin revocation, disabling a user, a role or password change and key revocation
 * drop the cached entries at once. Token expiry is checked on every request, cached or not.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { QihuangError, type Principal, type Role } from '@qihuang/contracts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { isValidScope, parseScope, ROLE_MODELS, ROLE_SCOPES } from './scopes.ts';
import { identityDb, type AnyKysely, type IdentityTables } from './tables.ts';

export const ROLES: readonly Role[] = [
  'admin',
  'clinician',
  'nurse',
  'pharmacist',
  'auditor',
  'patient',
  'service',
];
/** Roles a person can sign in with (service = API keys). */
export const USER_ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient'] as const;

export interface ThrottlePolicy {
  /** Failed sign-ins per account per window before 429. */
  accountLimit: number;
  /** Failed sign-ins per client address per window before 429. */
  addressLimit: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { accountLimit: 5, addressLimit: 20, windowSeconds: 15 * 60 };
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;
export const DEFAULT_CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;
const LAST_USED_INTERVAL_MS = 60_000;

export interface IdentityOptions {
  db: AnyKysely;
  clock?: () => Date;
  tokenTtlSeconds?: number;
  /** How long a resolved token stays cached in this process (0 disables the cache). */
  cacheTtlMs?: number;
  throttle?: Partial<ThrottlePolicy>;
}

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

export type LoginResult =
  | { ok: true; token: string; expiresIn: number; principal: Principal }
  | { ok: false; reason: 'invalid'; userId?: string; role?: Role }
  | { ok: false; reason: 'throttled'; retryAfter: number; userId?: string; role?: Role };

export interface ResolvedCaller {
  principal: Principal;
  /** API keys: requests per minute allowed by the gateway. */
  rateLimit?: number;
}

interface CacheEntry extends ResolvedCaller {
  /** Token or key expiry (ms since epoch, by the injected clock); Infinity for keys without expiry. */
  expiresAt: number;
  /** performance.now() until which the entry may be used. */
  freshUntil: number;
  lastUsedWrite: number;
}

/** Bounded map (oldest entry evicted first). */
class TokenCache {
  private readonly map = new Map<string, CacheEntry>();
  get(hash: string): CacheEntry | undefined {
    const entry = this.map.get(hash);
    if (entry && entry.freshUntil <= performance.now()) {
      this.map.delete(hash);
      return undefined;
    }
    return entry;
  }
  set(hash: string, entry: CacheEntry): void {
    this.map.delete(hash);
    if (this.map.size >= CACHE_MAX) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(hash, entry);
  }
  delete(hash: string): void {
    this.map.delete(hash);
  }
  deleteWhere(predicate: (entry: CacheEntry) => boolean): void {
    for (const [hash, entry] of this.map) if (predicate(entry)) this.map.delete(hash);
  }
}

const caches = new WeakMap<object, TokenCache>();
function cacheFor(db: object): TokenCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TokenCache();
    caches.set(db, cache);
  }
  return cache;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

const unauthenticated = (message = 'Invalid or expired access token') =>
  new QihuangError('unauthenticated', message, {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
function ms(value: Date | string): number {
  return (value instanceof Date ? value : new Date(value)).getTime();
}

export function invalidInput(error: z.ZodError): QihuangError {
  const issues = error.issues.map((issue) => ({
    severity: 'error' as const,
    code: 'invalid',
    message: issue.message,
    expression: issue.path.length ? [issue.path.join('.')] : undefined,
  }));
  const first = error.issues[0];
  return new QihuangError(
    'invalid-input',
    first ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}` : 'Invalid input',
    { issues },
  );
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

const password = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);
const displayName = z.string().trim().min(1).max(200);
const patientId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id');

export const NewUserSchema = z.strictObject({
  username: z
    .string()
    .transform(normaliseUsername)
    .pipe(z.string().regex(USERNAME, 'letters, digits and . _ @ - (up to 64)')),
  password,
  role: z.enum(USER_ROLES),
  displayName: displayName.optional(),
  patientId: patientId.optional(),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserPatchSchema = z.strictObject({
  disabled: z.boolean().optional(),
  role: z.enum(USER_ROLES).optional(),
  password: password.optional(),
  displayName: displayName.nullable().optional(),
  patientId: patientId.nullable().optional(),
});
export type UserPatch = z.infer<typeof UserPatchSchema>;

export const NewApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.string().max(200))
    .max(100)
    .default([])
    .refine((scopes) => scopes.every((s) => isValidScope(s) && s !== 'admin'), {
      message: 'each scope must be a SMART scope like system/*.read or user/Observation.write',
    })
    .refine((scopes) => scopes.every((s) => parseScope(s)?.context !== 'patient'), {
      message: 'patient/ scopes need a patient context, which API keys do not have',
    }),
  allowedModels: z.union([z.literal('*'), z.array(z.string().min(1).max(200)).max(100)]).default([]),
  rateLimit: z.number().int().min(1).max(1_000_000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type NewApiKey = z.input<typeof NewApiKeySchema>;

type UserRow = {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  patient_id: string | null;
  disabled: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};
const USER_COLUMNS = [
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

type KeyRow = {
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
const KEY_COLUMNS = [
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

const modelsOf = (stored: string[]): string[] | '*' => (stored.includes('*') ? '*' : stored);

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

export interface Identity {
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
  getUser(id: string, executor?: AnyKysely): Promise<UserView | undefined>;
  listUsers(executor?: AnyKysely): Promise<UserView[]>;
  createUser(executor: AnyKysely, input: NewUser): Promise<UserView>;
  updateUser(executor: AnyKysely, id: string, patch: UserPatch): Promise<UserView>;
  listApiKeys(executor?: AnyKysely): Promise<ApiKeyView[]>;
  /** The key itself is in `key` and is returned only here. */
  createApiKey(
    executor: AnyKysely,
    input: NewApiKey,
    createdBy: string,
  ): Promise<ApiKeyView & { key: string }>;
  revokeApiKey(executor: AnyKysely, id: string): Promise<ApiKeyView>;
  /** Drop cached lookups of a user (or key) in this process. */
  forget(id: string): void;
}

export function createIdentity(options: IdentityOptions): Identity {
  const db = identityDb(options.db);
  const clock = options.clock ?? (() => new Date());
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const throttle = { ...DEFAULT_THROTTLE, ...options.throttle };
  const cache = cacheFor(options.db);

  async function touchKey(keyId: string, now: Date): Promise<void> {
    await db
      .updateTable('identity_api_key')
      .set({ last_used_at: now })
      .where('id', '=', keyId)
      .where((eb) =>
        eb.or([
          eb('last_used_at', 'is', null),
          eb('last_used_at', '<', new Date(now.getTime() - LAST_USED_INTERVAL_MS)),
        ]),
      )
      .execute();
  }

  async function lookup(token: string, hash: string, now: Date): Promise<CacheEntry> {
    const freshUntil = performance.now() + cacheTtlMs;
    if (token.startsWith('qh_')) {
      const key = await db
        .selectFrom('identity_api_key')
        .select([
          'id',
          'name',
          'scopes',
          'allowed_models',
          'rate_limit',
          'expires_at',
          'revoked_at',
          'last_used_at',
        ])
        .where('key_hash', '=', hash)
        .executeTakeFirst();
      if (!key || key.revoked_at !== null) throw unauthenticated();
      const expiresAt = key.expires_at ? ms(key.expires_at) : Infinity;
      if (expiresAt <= now.getTime()) throw unauthenticated('API key expired');
      let lastUsedWrite = key.last_used_at ? ms(key.last_used_at) : -Infinity;
      if (now.getTime() - lastUsedWrite >= LAST_USED_INTERVAL_MS) {
        await touchKey(key.id, now);
        lastUsedWrite = now.getTime();
      }
      return {
        principal: {
          id: key.id,
          kind: 'key',
          username: key.name,
          role: 'service',
          scopes: key.scopes,
          allowedModels: modelsOf(key.allowed_models),
        },
        ...(key.rate_limit !== null ? { rateLimit: key.rate_limit } : {}),
        expiresAt,
        freshUntil,
        lastUsedWrite,
      };
    }
    const row = await db
      .selectFrom('identity_token as t')
      .innerJoin('identity_user as u', 'u.id', 't.user_id')
      .select(['t.expires_at', 't.revoked_at', 'u.id', 'u.username', 'u.role', 'u.patient_id', 'u.disabled'])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.disabled) throw unauthenticated();
    const expiresAt = ms(row.expires_at);
    if (expiresAt <= now.getTime()) throw unauthenticated('Access token expired');
    return { principal: userPrincipal(row), expiresAt, freshUntil, lastUsedWrite: 0 };
  }

  function bearerToken(bearer: string | null | undefined): string {
    const token = (bearer ?? '').replace(/^Bearer\s+/i, '').trim();
    if (!token) {
      throw new QihuangError('unauthenticated', 'Sign in first (Authorization: Bearer <token>)', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    if (!TOKEN_SHAPE.test(token)) throw unauthenticated();
    return token;
  }

  async function resolveCaller(bearer: string | null | undefined): Promise<ResolvedCaller> {
    const token = bearerToken(bearer);
    const hash = sha256(token);
    const now = clock();
    const cached = cacheTtlMs > 0 ? cache.get(hash) : undefined;
    if (cached) {
      if (cached.expiresAt <= now.getTime()) {
        cache.delete(hash);
        throw unauthenticated('Access token expired');
      }
      if (cached.principal.kind === 'key' && now.getTime() - cached.lastUsedWrite >= LAST_USED_INTERVAL_MS) {
        cached.lastUsedWrite = now.getTime();
        await touchKey(cached.principal.id, now);
      }
      return cached;
    }
    const entry = await lookup(token, hash, now);
    if (cacheTtlMs > 0) cache.set(hash, entry);
    return entry;
  }

  async function bumpThrottle(key: string, now: Date): Promise<{ failures: number; windowStart: Date }> {
    const cutoff = new Date(now.getTime() - throttle.windowSeconds * 1000);
    const { rows } = await sql<{ failures: number; window_start: Date | string }>`
      insert into identity_login_throttle (key, failures, window_start) values (${key}, 1, ${now})
      on conflict (key) do update set
        failures = case when identity_login_throttle.window_start <= ${cutoff} then 1
                        else identity_login_throttle.failures + 1 end,
        window_start = case when identity_login_throttle.window_start <= ${cutoff} then ${now}
                            else identity_login_throttle.window_start end
      returning failures, window_start`.execute(db);
    const row = rows[0]!;
    return { failures: Number(row.failures), windowStart: new Date(ms(row.window_start)) };
  }

  function findUserByName(username: string) {
    return db
      .selectFrom('identity_user')
      .select(['id', 'username', 'role', 'patient_id', 'disabled', 'password_hash'])
      .where('username', '=', username)
      .executeTakeFirst();
  }

  async function adminCount(executor: Kysely<IdentityTables>, exceptId: string): Promise<number> {
    const row = await executor
      .selectFrom('identity_user')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .where('id', '<>', exceptId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async function revokeUserTokens(executor: AnyKysely, userId: string): Promise<number> {
    const result = await identityDb(executor)
      .updateTable('identity_token')
      .set({ revoked_at: clock() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    forget(userId);
    return Number(result.numUpdatedRows);
  }

  function forget(id: string): void {
    cache.deleteWhere((entry) => entry.principal.id === id);
  }

  const identity: Identity = {
    db: options.db,
    clock,
    tokenTtlSeconds,
    throttle,
    resolveCaller,
    async resolve(bearer) {
      return (await resolveCaller(bearer)).principal;
    },

    async login(rawUsername, passwordText, clientAddress) {
      const now = clock();
      const username = normaliseUsername(rawUsername);
      const known = USERNAME.test(username) ? await findUserByName(username) : undefined;
      const who = known ? { userId: known.id, role: known.role } : {};
      // Count the attempt before checking the password, atomically, so parallel guesses cannot slip past the
      // limit; a successful sign-in gives it back.
      const buckets: { key: string; limit: number }[] = [];
      if (USERNAME.test(username)) buckets.push({ key: `account:${username}`, limit: throttle.accountLimit });
      if (clientAddress) buckets.push({ key: `address:${clientAddress}`, limit: throttle.addressLimit });
      let retryAfter = 0;
      for (const bucket of buckets) {
        const state = await bumpThrottle(bucket.key, now);
        if (state.failures > bucket.limit) {
          const wait = Math.ceil(
            (state.windowStart.getTime() + throttle.windowSeconds * 1000 - now.getTime()) / 1000,
          );
          retryAfter = Math.max(retryAfter, wait, 1);
        }
      }
      if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter, ...who };

      if (!known) {
        await verifyAgainstDummy(passwordText);
        return { ok: false, reason: 'invalid' };
      }
      const good = await verifyPassword(known.password_hash, passwordText);
      if (!good || known.disabled) return { ok: false, reason: 'invalid', ...who };

      await db.deleteFrom('identity_login_throttle').where('key', '=', `account:${username}`).execute();
      if (clientAddress) {
        await db
          .updateTable('identity_login_throttle')
          .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
          .where('key', '=', `address:${clientAddress}`)
          .execute();
      }
      const token = randomBytes(32).toString('base64url');
      const expires = new Date(now.getTime() + tokenTtlSeconds * 1000);
      await db
        .insertInto('identity_token')
        .values({
          token_hash: sha256(token),
          user_id: known.id,
          created_at: now,
          expires_at: expires,
          revoked_at: null,
        })
        .execute();
      // Housekeeping: throttle windows long over, and this user's tokens that expired more than a day ago.
      await db
        .deleteFrom('identity_login_throttle')
        .where('window_start', '<', new Date(now.getTime() - throttle.windowSeconds * 1000 - 86_400_000))
        .execute();
      await db
        .deleteFrom('identity_token')
        .where('user_id', '=', known.id)
        .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
        .execute();
      return { ok: true, token, expiresIn: tokenTtlSeconds, principal: userPrincipal(known) };
    },

    async logout(token) {
      const hash = sha256(token.replace(/^Bearer\s+/i, '').trim());
      cache.delete(hash);
      await db
        .updateTable('identity_token')
        .set({ revoked_at: clock() })
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .execute();
    },

    revokeUserTokens,
    forget,

    async getUser(id, executor = options.db) {
      const row = await identityDb(executor)
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? userView(row) : undefined;
    },

    async listUsers(executor = options.db) {
      const rows = await identityDb(executor)
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .orderBy('username')
        .execute();
      return rows.map(userView);
    },

    async createUser(executor, input) {
      if (input.role === 'patient' && !input.patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: a patient user must be linked to a Patient resource',
        );
      }
      if (input.role !== 'patient' && input.patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: only patient users are linked to a Patient resource',
        );
      }
      const now = clock();
      const row = await identityDb(executor)
        .insertInto('identity_user')
        .values({
          id: randomUUID(),
          username: input.username,
          display_name: input.displayName ?? null,
          role: input.role,
          password_hash: await hashPassword(input.password),
          patient_id: input.patientId ?? null,
          disabled: false,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning(USER_COLUMNS)
        .executeTakeFirst();
      if (!row) throw new QihuangError('conflict', `A user named "${input.username}" already exists`);
      return userView(row);
    },

    async updateUser(executor, id, patch) {
      const edb = identityDb(executor);
      const current = await edb
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new QihuangError('not-found', `No user ${id}`);
      const role = patch.role ?? current.role;
      const patientId = patch.patientId === undefined ? current.patient_id : patch.patientId;
      if (role === 'patient' && !patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: a patient user must be linked to a Patient resource',
        );
      }
      if (role !== 'patient' && patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: only patient users are linked to a Patient resource',
        );
      }
      const losesAdmin =
        current.role === 'admin' && !current.disabled && (role !== 'admin' || patch.disabled === true);
      if (losesAdmin && (await adminCount(edb, id)) === 0) {
        throw new QihuangError(
          'conflict',
          'This is the last active admin: create or enable another admin first',
        );
      }
      const row = await edb
        .updateTable('identity_user')
        .set({
          role,
          patient_id: patientId,
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
          updated_at: clock(),
        })
        .where('id', '=', id)
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      // A new password or a disabled account ends every session; a role change applies on the next lookup.
      if (patch.password !== undefined || patch.disabled === true) await revokeUserTokens(executor, id);
      forget(id);
      return userView(row);
    },

    async listApiKeys(executor = options.db) {
      const rows = await identityDb(executor)
        .selectFrom('identity_api_key')
        .select(KEY_COLUMNS)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(apiKeyView);
    },

    async createApiKey(executor, rawInput, createdBy) {
      const input = parseWith(NewApiKeySchema, rawInput);
      const now = clock();
      if (input.expiresAt && new Date(input.expiresAt).getTime() <= now.getTime()) {
        throw new QihuangError('invalid-input', 'expiresAt: must be in the future');
      }
      const key = `qh_${randomBytes(32).toString('base64url')}`;
      const row = await identityDb(executor)
        .insertInto('identity_api_key')
        .values({
          id: randomUUID(),
          name: input.name,
          key_hash: sha256(key),
          prefix: key.slice(0, 9),
          scopes: input.scopes,
          allowed_models: input.allowedModels === '*' ? ['*'] : input.allowedModels,
          rate_limit: input.rateLimit ?? null,
          created_by: createdBy,
          created_at: now,
          expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
          revoked_at: null,
          last_used_at: null,
        })
        .returning(KEY_COLUMNS)
        .executeTakeFirstOrThrow();
      return { ...apiKeyView(row), key };
    },

    async revokeApiKey(executor, id) {
      const edb = identityDb(executor);
      const row = await edb
        .updateTable('identity_api_key')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, ${clock()})` })
        .where('id', '=', id)
        .returning(KEY_COLUMNS)
        .executeTakeFirst();
      if (!row) throw new QihuangError('not-found', `No API key ${id}`);
      forget(id);
      return apiKeyView(row);
    },
  };
  return identity;
}

export interface InitialAdminResult {
  created: boolean;
  username: string;
  /** Set only when a password was generated: print it once. */
  generatedPassword?: string;
}

/**
 * First start of an empty database: create user `admin` with the given password (QIHUANG_ADMIN_PASSWORD) or a
 * generated one, returned so the server prints it once. Does nothing when any user exists. Safe when several
 * replicas start at once (the unique username decides).
 */
export async function ensureInitialAdmin(
  db: AnyKysely,
  options: { password?: string; clock?: () => Date } = {},
): Promise<InitialAdminResult> {
  const idb = identityDb(db);
  const any = await idb.selectFrom('identity_user').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false, username: 'admin' };
  if (
    options.password !== undefined &&
    (options.password.length < PASSWORD_MIN || options.password.length > PASSWORD_MAX)
  ) {
    throw new QihuangError(
      'invalid-input',
      `QIHUANG_ADMIN_PASSWORD must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
    );
  }
  const generated = options.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const now = (options.clock ?? (() => new Date()))();
  const row = await idb
    .insertInto('identity_user')
    .values({
      id: randomUUID(),
      username: 'admin',
      display_name: 'Administrator',
      role: 'admin',
      password_hash: await hashPassword(options.password ?? generated!),
      patient_id: null,
      disabled: false,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { created: false, username: 'admin' };
  return { created: true, username: 'admin', ...(generated ? { generatedPassword: generated } : {}) };
}
